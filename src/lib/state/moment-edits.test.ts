/** The actions on a moment as pure functions: checked against the engine's passes and edits. */
import { describe, expect, it } from 'vitest';
import { sampleAt } from '$lib/engine/fast/data.ts';
import { editStart } from '$lib/engine/maths/edits.ts';
import { dataSourceOf } from '$lib/engine/document/notebook.ts';
import { nextIteration, replayTo, step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { editCells, stepped, unpinned } from './moment-edits.ts';
import { momentOf } from './moment.ts';

const article = preset('article');
const source = dataSourceOf(article);

describe('a step', () => {
	it('runs the rest of a pass from where the moment is', () => {
		const moment = momentOf(article);
		expect(stepped(moment, 'pass', source).snapshot).toEqual(step(moment.start, 'pass'));
	});

	it('after a whole iteration begins the next from the source’s next sample', () => {
		const first = momentOf(article);
		const done = { ...first, snapshot: step(first.start, 'iteration') };
		const next = stepped(done, 'neuron', source);
		const begun = nextIteration(done.snapshot, sampleAt(source, 1));
		expect(next.start).toEqual(begun);
		expect(next.start.inputs).toEqual(sampleAt(source, 1).inputs);
		expect(next.snapshot).toEqual(step(begun, 'neuron'));
	});
});

describe('editing cells', () => {
	it('replays every pass the iteration has run from the edited start, and none more', () => {
		const first = momentOf(article);
		const moment = { ...first, snapshot: step(step(first.start, 'pass'), 'pass') };
		const result = editCells(moment, [['inputs.0', 0.5]]);
		const edited = editStart(first.start, 'inputs.0', 0.5);
		if (!result.ok || !edited.ok) throw new Error('refused');
		expect(result.moment.snapshot).toEqual(replayTo(edited.start, moment.snapshot.cursor));
		expect(result.moment.snapshot.cursor).toEqual(moment.snapshot.cursor);
	});

	it('after Train takes a typed weight as the new weight, and keeps it as a trained edit', () => {
		const first = momentOf(article);
		const moment = { ...first, snapshot: step(first.start, 'iteration') };
		const result = editCells(moment, [['layers.2.neurons.1.weights.0', 0.25]]);
		if (!result.ok) throw new Error(result.error);
		expect(result.moment.snapshot.net.layers[2].neurons[1].weights[0]).toBe(0.25);
		expect(result.moment.start).toBe(moment.start);
		expect(result.moment.trainedEdits).toEqual({ 'layers.2.neurons.1.weights.0': 0.25 });
	});

	it('refuses the whole change, naming the cell, when one edit is refused', () => {
		const result = editCells(momentOf(article), [
			['inputs.0', 0.5],
			['learning_rate', Number.NaN]
		]);
		expect(result).toEqual({
			ok: false,
			address: 'learning_rate',
			error: 'only a finite number can go here'
		});
	});
});

describe('removing a pin', () => {
	it('gives the moment itself when the cell is not pinned', () => {
		const moment = momentOf(article);
		expect(unpinned(moment, 'layers.0.neurons.0.value')).toBe(moment);
	});

	it('puts the formula back: the moment as if it had never been pinned', () => {
		const first = momentOf(article);
		const moment = { ...first, snapshot: step(first.start, 'pass') };
		const pinned = editCells(moment, [['layers.0.neurons.0.value', 0.5]]);
		if (!pinned.ok) throw new Error(pinned.error);
		expect(pinned.moment.snapshot.values[0][0]).toBe(0.5);
		expect(unpinned(pinned.moment, 'layers.0.neurons.0.value').snapshot).toEqual(moment.snapshot);
	});
});
