import { describe, expect, it } from 'vitest';
import { landing, pastePlan, positionOf, rectangle } from './block.ts';

const grid = [
	['a', 'b', 'c'],
	['d', 'e', 'f'],
	['g', 'h', 'i']
];

describe('a block selected in a grid', () => {
	it('is the rectangle between the anchor and the extended cell, whichever way it was extended', () => {
		expect(rectangle(grid, [0, 1], [1, 2])).toEqual([
			['b', 'c'],
			['e', 'f']
		]);
		expect(rectangle(grid, [2, 2], [1, 0])).toEqual([
			['d', 'e', 'f'],
			['g', 'h', 'i']
		]);
		expect(rectangle(grid, [1, 1], [1, 1])).toEqual([['e']]);
	});

	it('finds a cell’s row and column', () => {
		expect(positionOf(grid, 'f')).toEqual([1, 2]);
		expect(positionOf(grid, 'z')).toBeUndefined();
	});
});

describe('where a pasted block lands', () => {
	it('covers the cells down and right of the focused one', () => {
		expect(landing(grid, [1, 1], 2, 2)).toEqual({
			ok: true,
			cells: [
				['e', 'f'],
				['h', 'i']
			]
		});
	});

	it('refuses a block that runs past the grid, saying how much room there is', () => {
		expect(landing(grid, [1, 1], 3, 2)).toEqual({
			ok: false,
			error: 'the block is 3 rows × 2 columns; from here this table has room for 2 rows × 2 columns'
		});
		expect(landing(grid, [0, 2], 1, 2)).toEqual({
			ok: false,
			error: 'the block is 1 row × 2 columns; from here this table has room for 1 row × 1 column'
		});
	});
});

describe('the edits of a paste', () => {
	const cell = (address: string) => ({ address, editable: true, label: address });

	it('pairs each number with the address it lands on', () => {
		expect(
			pastePlan(
				[
					[cell('inputs.0'), cell('targets.0')],
					[cell('inputs.1'), cell('targets.1')]
				],
				[
					[1, 2],
					[3, 4]
				]
			)
		).toEqual({
			ok: true,
			entries: [
				['inputs.0', 1],
				['targets.0', 2],
				['inputs.1', 3],
				['targets.1', 4]
			]
		});
	});

	it('refuses the whole block when one number lands on a cell that cannot be edited', () => {
		const copy = { editable: false, label: 'Layer 0, neuron 0: bias (a copy)' };
		expect(pastePlan([[cell('loss'), copy]], [[1, 2]])).toEqual({
			ok: false,
			error:
				'row 1, column 2 would land on Layer 0, neuron 0: bias (a copy), which cannot be edited here'
		});
	});
});
