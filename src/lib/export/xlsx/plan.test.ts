import { describe, expect, it } from 'vitest';
import { handStart, seededSnapshot } from '../../engine/__fixtures__/nets.ts';
import { step } from '../../engine/maths/passes.ts';
import { createSnapshot } from '../../engine/maths/snapshot.ts';
import type { NumberCell, SheetPlan } from './plan.ts';
import { cellRef } from './plan.ts';
import { planWorkbook } from './sheets.ts';
import { engineNumbers, startOf } from './testing/oracle.ts';

const numbers = (sheets: SheetPlan[]) =>
	sheets.flatMap((sheet) => sheet.rows.flat().filter((c): c is NumberCell => c?.kind === 'number'));

describe('the planned workbook', () => {
	it('caches the engine’s number, exactly, under every name of the complete iteration', () => {
		// Exported after Forward: the workbook still holds the whole iteration.
		const start = seededSnapshot([3, 4, 3, 2], ['sigmoid', 'relu', 'tanh'], 4);
		const named = numbers(planWorkbook(step(start, 'pass'))).filter((c) => c.name);
		const expected = engineNumbers(start);
		expect(named.map((c) => c.name).sort()).toEqual([...expected.keys()].sort());
		for (const cell of named)
			expect([cell.name, cell.value]).toEqual([cell.name, expected.get(cell.name!)]);
	});

	it('holds hand-worked numbers of a 2-2-1 net', () => {
		const cells = new Map(numbers(planWorkbook(handStart())).map((c) => [c.name, c]));
		// z = 0.1 + 0.2·0.5 − 0.3·(−1) = 0.5
		expect(cells.get('z_0_0')).toMatchObject({
			formula: 'b_0_0+w_0_0_0*x_0+w_0_0_1*x_1',
			value: 0.5
		});
		expect(cells.get('a_0_0')!.value).toBeCloseTo(Math.tanh(0.5), 15);
		expect(cells.get('x_1')).toMatchObject({ value: -1, input: true });
	});

	it('writes a pinned cell as its number, with what its formula gives in a note', () => {
		const pinned = createSnapshot({
			...handStart(),
			overrides: { 'layers.0.neurons.1.value': 0.75 }
		});
		const cells = new Map(numbers(planWorkbook(pinned)).map((c) => [c.name, c]));
		const cell = cells.get('a_0_1')!;
		expect(cell.formula).toBeUndefined();
		expect(cell.value).toBe(0.75);
		// z_0_1 = −0.2 + 0.4·0.5 + 0.1·(−1) = −0.1
		expect(cell.pinned).toContain('=TANH(z_0_1)');
		expect(cell.pinned).toContain(String(Math.tanh(-0.1)));
		// What reads it, reads the pin: z_1_0 = 0.05 + 0.6·a_0_0 − 0.5·0.75
		const a00 = Math.tanh(0.5);
		expect(cells.get('z_1_0')!.value).toBe(0.05 + 0.6 * a00 + -0.5 * 0.75);
	});

	it('lists every name with its address and cell', () => {
		const sheets = planWorkbook(startOf(handStart()));
		const names = sheets.at(-1)!;
		const row = names.rows.find((r) => r[0]?.kind === 'text' && r[0].text === 'delta_0_1')!;
		expect(row.map((c) => (c?.kind === 'text' ? c.text : ''))).toEqual([
			'delta_0_1',
			'layers.0.neurons.1.activation_gradient',
			// Title, blank, layer 1 (caption, header, 1 neuron), blank, layer 0 (caption, header, neurons 0 and 1); δ is column E.
			'Backward!E10',
			'Layer 0, neuron 1: activation gradient'
		]);
	});

	it('addresses cells as spreadsheets do', () => {
		expect(cellRef(0, 0)).toBe('A1');
		expect(cellRef(4, 25)).toBe('Z5');
		expect(cellRef(9, 26, true)).toBe('$AA$10');
		expect(cellRef(0, 701)).toBe('ZZ1');
		expect(cellRef(0, 702)).toBe('AAA1');
	});
});
