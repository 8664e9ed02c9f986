import { describe, expect, it } from 'vitest';
import { step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { parseNotebook, serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { momentAt, momentOf, startNotebook, withTrainedEdits } from './moment.ts';

describe('moments', () => {
	it('round-trip through a notebook file and a cursor, bit for bit, at every step of an iteration', () => {
		const first = momentOf(preset('article'));
		let snapshot = first.start;
		while (snapshot.cursor.pass !== 'done') {
			snapshot = step(snapshot, 'neuron');
			const moment = { ...first, snapshot };
			const parsed = parseNotebook(serialiseNotebook(startNotebook(moment)));
			if (!parsed.ok) throw new Error(parsed.error);
			expect(momentAt(parsed.notebook, snapshot.cursor).snapshot).toEqual(snapshot);
		}
	});

	it('keep parameters typed after Train over the replayed ones', () => {
		const start = momentOf(preset('xor'));
		const done = step(start.start, 'iteration');
		const edits = { 'layers.1.neurons.0.weights.1': 0.5 };
		const moment = { ...start, snapshot: withTrainedEdits(done, edits), trainedEdits: edits };
		const again = momentAt(startNotebook(moment), done.cursor, edits);
		expect(again.snapshot.net.layers[1].neurons[0].weights[1]).toBe(0.5);
		expect(again.snapshot).toEqual(moment.snapshot);
	});
});
