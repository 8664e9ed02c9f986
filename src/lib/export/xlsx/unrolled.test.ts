import { describe, expect, it } from 'vitest';
import { handStart, seededSnapshot } from '../../engine/__fixtures__/nets.ts';
import { createSnapshot } from '../../engine/maths/snapshot.ts';
import type { NumberCell } from './plan.ts';
import { MAX_UNROLLED_ITERATIONS, unrolledProblem, unrolledSheet } from './unrolled.ts';

const fixed = { kind: 'fixed', sample: { inputs: [0.5, -1], targets: [0.25] } } as const;

describe('the unrolled sheet', () => {
	it('has a header row and one row per iteration, the first from the named cells', () => {
		const sheet = unrolledSheet(handStart(), { iterations: 3, source: fixed });
		const header = sheet.rows.findIndex(
			(row) => row[0]?.kind === 'text' && row[0].text === 'iteration'
		);
		const rows = sheet.rows.slice(header + 1) as NumberCell[][];
		expect(rows.map((row) => row[0].value)).toEqual([0, 1, 2, 3]);
		// 2-2-1: x0 x1 t0, 3 + 3 + 3 parameters, a and δ of 3 neurons, E.
		expect(sheet.rows[header]).toHaveLength(1 + 3 + 9 + 6 + 1);
		expect(rows[0].slice(1, 6).map((c) => c.formula)).toEqual([
			'x_0',
			'x_1',
			't_0',
			'b_0_0',
			'w_0_0_0'
		]);
		// A fixed sample is the Inputs sheet's in every row; parameters come from the row above.
		expect(rows[2][1].formula).toBe('x_0');
		// b_0_0 (column E) is the row above's less its δ (column Q) times η.
		const above = header + 1 + 2;
		expect(rows[2][4].formula).toBe(`E${above}-(Q${above})*eta`);
	});

	it('is refused with a reason: pinned cells, too many iterations, too wide a net', () => {
		const pinned = createSnapshot({
			...handStart(),
			overrides: { 'layers.0.neurons.0.value': 0.1 }
		});
		expect(unrolledProblem(pinned, 10)).toContain('pinned (layers.0.neurons.0.value)');
		expect(unrolledProblem(handStart(), 0)).toContain('1 to 10,000');
		expect(unrolledProblem(handStart(), MAX_UNROLLED_ITERATIONS + 1)).toContain('1 to 10,000');
		expect(unrolledProblem(handStart(), MAX_UNROLLED_ITERATIONS)).toBeUndefined();
		const wide = seededSnapshot([64, 128, 128, 10], 'tanh', 1);
		expect(unrolledProblem(wide, 1)).toContain('a sheet holds 16,384');
		const large = seededSnapshot([20, 40, 20, 5], 'tanh', 1);
		expect(unrolledProblem(large, 1000)).toMatch(/at most [\d,]+ iterations fit/);
		expect(() => unrolledSheet(pinned, { iterations: 1, source: fixed })).toThrow('pinned');
	});
});
