import { describe, expect, it } from 'vitest';
import { articleNotebook, seededSnapshot } from '../__fixtures__/nets.ts';
import { netOf } from '../document/notebook.ts';
import { step } from '../maths/passes.ts';
import { createSnapshot } from '../maths/snapshot.ts';
import { inputRange, outputGrid, ruleOf } from './grid.ts';
import { sampleAt, type DataSource } from './data.ts';
import type { Net } from '../maths/model.ts';

/** The notebook's own Forward at `inputs`: the oracle every pixel is held to. */
const forward = (net: Net, inputs: readonly number[]) =>
	step(createSnapshot({ net, inputs, targets: [0, 0], learningRate: 0.001 }), 'pass').values.at(
		-1
	)!;

describe('the learned function on a grid', () => {
	const net = netOf(articleNotebook(3));
	const plane = {
		x: 0,
		y: 1,
		held: [0.5, 0.25],
		xRange: [0, 1],
		yRange: [0.1, 0.9],
		points: 9
	} as const;

	it('gives at every point exactly the output of the Forward pass there', () => {
		const grid = outputGrid(net, plane);
		expect(grid.xs).toHaveLength(9);
		expect(grid.ys[0]).toBe(0.1);
		expect(grid.ys[8]).toBeCloseTo(0.9, 15);
		expect(grid.inputs).toHaveLength(81);
		grid.inputs.forEach((point, p) => {
			expect(point).toEqual([grid.xs[p % 9], grid.ys[Math.floor(p / 9)]]);
			const wanted = forward(net, point);
			grid.outputs.forEach((output, k) => expect(Object.is(output[p], wanted[k])).toBe(true));
		});
	});

	it('draws the rectangle’s area and circumference × 0.25 as its targets, as its samples have them', () => {
		const source: DataSource = { kind: 'generator', name: 'rectangle', seed: 5 };
		const grid = outputGrid(net, plane, ruleOf(source));
		const p = 4 * 9 + 7;
		const [w, h] = grid.inputs[p];
		expect(grid.targets![0][p]).toBe(w * h);
		expect(grid.targets![1][p]).toBe((h * 2 + w * 2) * 0.25);
		const sample = sampleAt(source, 3);
		expect(ruleOf(source)!(sample.inputs)).toEqual(sample.targets);
	});

	it('draws XOR’s rule, which gives its four rows their targets', () => {
		const source: DataSource = { kind: 'generator', name: 'xor', seed: 1 };
		const rule = ruleOf(source)!;
		for (let k = 0; k < 8; k++) {
			const sample = sampleAt(source, k);
			expect(rule(sample.inputs)).toEqual(sample.targets);
		}
		expect(rule([0.2, 0.7])).toEqual([1]);
		expect(rule([0.8, 0.7])).toEqual([0]);
		expect(ruleOf({ kind: 'fixed', sample: { inputs: [1], targets: [1] } })).toBeUndefined();
	});

	it('holds the other inputs at their numbers on a slice, and draws a line for one input', () => {
		const wide = seededSnapshot([3, 4, 2], 'tanh', 2).net;
		const slice = outputGrid(wide, { ...plane, x: 2, y: 0, held: [0.1, -0.4, 0.3] });
		expect(slice.inputs[10]).toEqual([slice.ys[1], -0.4, slice.xs[1]]);
		expect(slice.outputs[1][10]).toBe(forward(wide, slice.inputs[10])[1]);
		const narrow = seededSnapshot([1, 3, 1], 'sigmoid', 2).net;
		const line = outputGrid(narrow, {
			x: 0,
			held: [0.3],
			xRange: [-1, 1],
			yRange: [0, 0],
			points: 5
		});
		expect(line.ys).toEqual([0.3]);
		expect(line.inputs).toEqual([[-1], [-0.5], [0], [0.5], [1]]);
	});

	it('shows a generator’s unit square, and a table’s inputs with a margin', () => {
		expect(inputRange({ kind: 'generator', name: 'xor', seed: 1 }, [], 0)).toEqual([0, 1]);
		const rows = [
			[0, 5],
			[2, 5]
		];
		expect(
			inputRange({ kind: 'fixed', sample: { inputs: [0, 5], targets: [1] } }, rows, 0)
		).toEqual([-0.2, 2.2]);
		expect(
			inputRange({ kind: 'fixed', sample: { inputs: [0, 5], targets: [1] } }, rows, 1)
		).toEqual([4.5, 5.5]);
	});

	it('finds the range of more rows than a spread call takes (Math.min(...xs) throws RangeError)', () => {
		const rows = Array.from({ length: 300_000 }, (_, r) => [(r % 1000) / 100, 7]);
		rows[123_456] = [-3, 7];
		const source: DataSource = { kind: 'fixed', sample: { inputs: [0, 7], targets: [1] } };
		// Extent [−3, 9.99], with a tenth of it as margin each side; one value, ±0.5.
		const [low, high] = inputRange(source, rows, 0);
		expect(low).toBeCloseTo(-4.299, 12);
		expect(high).toBeCloseTo(11.289, 12);
		expect(inputRange(source, rows, 1)).toEqual([6.5, 7.5]);
	});
});
