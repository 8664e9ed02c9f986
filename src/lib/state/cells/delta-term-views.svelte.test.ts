/**
 * Backward's working columns as state: the same numbers as the engine's
 * deltaTerms, and a row told of a step only when its own numbers changed.
 */
import { describe, expect, it } from 'vitest';
import { deltaTerms } from '$lib/engine/maths/cells/delta-terms.ts';
import { formatNumber } from '$lib/tex/numbers.ts';
import { NotebookState } from '../notebook.svelte.ts';
import { DeltaTermViews } from './delta-term-views.svelte.ts';

/**
 * Unit tests run Svelte's server build, where effects do not run: `refresh`
 * is called by hand where the page's effect would call it (the journeys in
 * tests/formula-numbers.spec.ts see the effect at work).
 */
function setUp() {
	const sheet = new NotebookState();
	return { sheet, views: new DeltaTermViews(sheet) };
}

/** Every neuron of every computed layer, as [l, j]. */
const neurons = (sizes: readonly number[]) =>
	sizes.slice(1).flatMap((n, l) => Array.from({ length: n }, (_, j) => [l, j] as const));

describe("Backward's f′(a) and sum columns", () => {
	it('show the engine’s deltaTerms at every step, blank until computed', () => {
		const { sheet, views } = setUp();
		const rows = neurons(sheet.sizes).map(([l, j]) => ({ l, j, row: views.row(l, j) }));
		for (let step = 0; step < 12 && sheet.pass !== 'done'; step++) {
			for (const { l, j, row } of rows) {
				const { fPrime, sum } = deltaTerms(sheet.snapshot, l, j);
				expect(row.fPrime.value).toBe(fPrime);
				expect(row.sum.value).toBe(sum);
				expect(row.fPrime.text).toBe(
					fPrime === undefined ? '' : formatNumber(fPrime, sheet.precision)
				);
				expect(row.sum.text).toBe(sum === undefined ? '' : formatNumber(sum, sheet.precision));
			}
			sheet.nextNeuron();
			views.refresh();
		}
		expect(rows.some(({ row }) => row.sum.value !== undefined)).toBe(true);
	});

	it('a step that leaves a row’s numbers as they were does not replace them', () => {
		const { sheet, views } = setUp();
		sheet.forward();
		views.refresh();
		const last = sheet.sizes.length - 2;
		const outputs = neurons(sheet.sizes).filter(([l]) => l === last);
		const hidden = neurons(sheet.sizes).filter(([l]) => l === last - 1);
		const shown = (at: readonly (readonly [number, number])[]) =>
			at.map(([l, j]) => [views.row(l, j).fPrime, views.row(l, j).sum]);
		const outputsBefore = shown(outputs);
		const hiddenBefore = shown(hidden);
		// The output layer's δs, one neuron at a time: the hidden layer's sums need all of them.
		for (let k = 0; k < outputs.length; k++) {
			sheet.nextNeuron();
			views.refresh();
		}
		const outputsAfter = shown(outputs);
		for (let i = 0; i < outputs.length; i++) {
			expect(outputsAfter[i][0]).toBe(outputsBefore[i][0]);
			expect(outputsAfter[i][1]).toBe(outputsBefore[i][1]);
		}
		const hiddenAfter = shown(hidden);
		for (let i = 0; i < hidden.length; i++) {
			expect(hiddenAfter[i][0]).toBe(hiddenBefore[i][0]);
			expect(hiddenBefore[i][1].value).toBe(undefined);
			expect(hiddenAfter[i][1].value).toBe(deltaTerms(sheet.snapshot, last - 1, i).sum);
			expect(hiddenAfter[i][1].value).not.toBe(undefined);
		}
	});

	it('fewer or more digits re-format the numbers, not recompute them', () => {
		const { sheet, views } = setUp();
		sheet.forward();
		views.refresh();
		const row = views.row(0, 0);
		const value = row.fPrime.value!;
		sheet.precision = sheet.precision === 4 ? 6 : 4;
		views.refresh();
		expect(row.fPrime.value).toBe(value);
		expect(row.fPrime.text).toBe(formatNumber(value, sheet.precision));
	});
});
