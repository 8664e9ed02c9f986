/** TrainRowViews: Train's rows follow the notebook, each the same object until its numbers change (update is what its effect runs). */
import { describe, expect, it } from 'vitest';
import { NotebookState } from './notebook.svelte.ts';
import { trainRow } from './train-row.ts';
import { TrainRowViews } from './train-rows.svelte.ts';

describe('Train’s row views', () => {
	it('keep a row while Forward and Backward run, and follow Train and the digits', () => {
		const sheet = new NotebookState();
		const rows = new TrainRowViews(sheet);
		const entry = rows.entry(0, 0, 2);
		expect(entry.parameter).toBe('layers.0.neurons.0.weights.1');
		expect(entry.gradient).toBe('layers.0.neurons.0.weight_gradients.1');
		const first = entry.row;
		expect(first).toEqual(trainRow(sheet.snapshot, 0, 0, 2, sheet.precision));
		sheet.forward();
		sheet.backward();
		rows.update();
		expect(entry.row).toBe(first);
		sheet.nextNeuron();
		rows.update();
		expect(entry.row).not.toBe(first);
		expect(entry.row).toEqual(trainRow(sheet.snapshot, 0, 0, 2, sheet.precision));
		expect(entry.row.change).toBeDefined();
		sheet.precision = 8;
		rows.update();
		expect(entry.row).toEqual(trainRow(sheet.snapshot, 0, 0, 2, 8));
		expect(rows.entry(0, 0, 2)).toBe(entry);
	});
});
