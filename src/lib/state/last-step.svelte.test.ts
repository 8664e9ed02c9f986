/** NotebookState.lastStep: set by the step actions only, so the page follows steps and nothing else. */
import { describe, expect, it } from 'vitest';
import { NotebookState } from './notebook.svelte.ts';
import { preset } from '$lib/engine/document/presets.ts';

describe('what the last step computed first', () => {
	it('is set by each step action, a new object each time', () => {
		const sheet = new NotebookState();
		expect(sheet.lastStep).toBeUndefined();
		sheet.nextNeuron();
		const first = sheet.lastStep;
		expect(first).toEqual({ address: 'layers.0.neurons.0.total', pass: 'forward' });
		sheet.nextLayer();
		expect(sheet.lastStep?.address).toBe('layers.0.neurons.1.total');
		sheet.forward();
		expect(sheet.lastStep?.address).toBe('layers.1.neurons.0.total');
		sheet.backward();
		expect(sheet.lastStep).toEqual({
			address: 'layers.2.neurons.0.activation_gradient',
			pass: 'backward'
		});
		sheet.train();
		expect(sheet.lastStep).toEqual({ address: 'layers.0.neurons.0.bias', pass: 'train' });
		sheet.iteration();
		expect(sheet.lastStep).toEqual({ address: 'layers.0.neurons.0.total', pass: 'forward' });
	});

	it('is left as it was by a refused step, edits, undo, redo, opening a notebook and a run', () => {
		const sheet = new NotebookState();
		sheet.forward();
		const last = sheet.lastStep;
		sheet.train(); // refused: Backward comes first
		expect(sheet.edit('layers.0.neurons.0.bias', '0.5')).toBeUndefined();
		sheet.undo();
		sheet.redo();
		sheet.applyRun(sheet.moment);
		sheet.load(preset('xor'));
		expect(sheet.lastStep).toBe(last);
	});
});
