/** While a run holds the notebook, every action that would move the open moment is refused with the reason. */
import { describe, expect, it } from 'vitest';
import { preset } from '$lib/engine/document/presets.ts';
import { NotebookState } from './notebook.svelte.ts';

const REASON = 'A run is going';

describe('a hold on the notebook', () => {
	it('refuses every step, edit, undo and open with its reason, and changes nothing', () => {
		const sheet = new NotebookState();
		sheet.iteration();
		sheet.forward();
		const moment = sheet.moment;
		let cancelled = 0;
		sheet.hold.set(REASON, () => cancelled++);

		expect(sheet.busy).toBe(REASON);
		for (const action of ['forward', 'backward', 'train', 'neuron', 'layer', 'iteration'] as const)
			expect(sheet.whyNot(action)).toBe(REASON);
		expect(sheet.forward()).toBe(REASON);
		expect(sheet.nextNeuron()).toBe(REASON);
		expect(sheet.iteration()).toBe(REASON);
		expect(sheet.edit('layers.0.neurons.0.bias', '0.5')).toBe(REASON);
		expect(sheet.editMany([['layers.0.neurons.0.bias', 0.5]])).toBe(REASON);
		expect(sheet.unpin('layers.0.neurons.0.value')).toBe(REASON);
		expect(sheet.undo()).toBe(REASON);
		expect(sheet.redo()).toBe(REASON);
		expect(sheet.goTo(sheet.iterations.entries[0].moment)).toBe(REASON);
		expect(sheet.load(preset('xor'))).toBe(REASON);
		expect(sheet.tryUpdate((nb) => ({ ok: true, notebook: nb }))).toBe(REASON);
		expect(sheet.useData({})).toBe(REASON);
		expect(sheet.openText('{}', 'The file')).toBe(false);
		expect(sheet.message).toBe(REASON);
		expect(sheet.moment).toBe(moment);

		expect(sheet.hold.cancellable).toBe(true);
		sheet.hold.cancel();
		expect(cancelled).toBe(1);
	});

	it('once released, everything works as before', () => {
		const sheet = new NotebookState();
		sheet.hold.set(REASON);
		expect(sheet.hold.cancellable).toBe(false);
		sheet.hold.release();
		expect(sheet.busy).toBeUndefined();
		expect(sheet.forward()).toBeUndefined();
		expect(sheet.pass).toBe('backward');
		expect(sheet.undo()).toBeUndefined();
		expect(sheet.pass).toBe('forward');
	});
});
