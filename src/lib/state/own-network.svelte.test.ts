/** NotebookState's methods for your own network and data: reshaping, data sources, pasted blocks. */
import { describe, expect, it } from 'vitest';
import { sampleAt } from '$lib/engine/fast/data.ts';
import { editStart } from '$lib/engine/maths/edits.ts';
import { initialiseNet } from '$lib/engine/fast/init.ts';
import { netOf } from '$lib/engine/document/notebook.ts';
import { replayTo } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { reinitialise, setInputCount, setNeuronCount } from '$lib/engine/document/reshape.ts';
import { momentOf } from './moment.ts';
import { NotebookState } from './notebook.svelte.ts';

const rows = [
	{ inputs: [0.1, 0.2], targets: [0.02, 0.15] },
	{ inputs: [0.3, 0.4], targets: [0.12, 0.35] },
	{ inputs: [0.5, 0.6], targets: [0.3, 0.55] }
];

describe('pasting a block of cells', () => {
	it('applies every edit with one replay, and one undo takes the whole block back', () => {
		const sheet = new NotebookState();
		sheet.forward();
		sheet.backward();
		const before = sheet.snapshot;
		const error = sheet.editMany([
			['layers.0.neurons.0.weights.0', 0.5],
			['layers.0.neurons.0.weights.1', -0.25],
			['inputs.1', 0.75]
		]);
		expect(error).toBeUndefined();
		let start = momentOf(preset('article')).start;
		for (const [address, value] of [
			['layers.0.neurons.0.weights.0', 0.5],
			['layers.0.neurons.0.weights.1', -0.25],
			['inputs.1', 0.75]
		] as const) {
			const edited = editStart(start, address, value);
			if (!edited.ok) throw new Error(edited.error);
			start = edited.start;
		}
		expect(sheet.snapshot).toEqual(replayTo(start, before.cursor));
		sheet.undo();
		expect(sheet.snapshot).toEqual(before);
	});

	it('refuses the whole block, naming the cell, when one edit is refused', () => {
		const sheet = new NotebookState();
		const before = sheet.snapshot;
		expect(
			sheet.editMany([
				['inputs.0', 0.5],
				['iteration', 3]
			])
		).toBe('Iteration: the iteration counts itself; step to change it');
		expect(sheet.snapshot).toBe(before);
		expect(sheet.history.canUndo).toBe(false);
	});

	it('after Train, a pasted parameter is the new one, as typing it would be', () => {
		const sheet = new NotebookState();
		sheet.iteration();
		sheet.editMany([['layers.2.neurons.0.bias', 0.125]]);
		expect(sheet.snapshot.net.layers[2].neurons[0].bias).toBe(0.125);
		expect(sheet.snapshot.cursor.pass).toBe('done');
	});
});

describe('reshaping', () => {
	it('applies a change that succeeds, undoably, and leaves the notebook alone when it is refused', () => {
		const sheet = new NotebookState();
		expect(sheet.tryUpdate((nb) => setNeuronCount(nb, 1, 5))).toBeUndefined();
		expect(sheet.sizes).toEqual([2, 3, 5, 2]);
		const before = sheet.notebook;
		expect(sheet.tryUpdate((nb) => setInputCount(nb, 3))).toContain('rectangle generator');
		expect(sheet.notebook).toBe(before);
		sheet.undo();
		expect(sheet.sizes).toEqual([2, 3, 3, 2]);
	});

	it('re-initialises to the engine’s seeded numbers', () => {
		const sheet = new NotebookState();
		sheet.iteration();
		sheet.tryUpdate((nb) => reinitialise(nb, 42));
		expect(sheet.snapshot.net).toEqual(initialiseNet([2, 3, 3, 2], 'tanh', 42));
		expect(sheet.value('iteration')).toBe(0);
		expect(sheet.notebook.seed).toBe(42);
	});
});

describe('choosing the data', () => {
	it('a table chosen before stepping supplies this iteration, and iterations walk its rows in order', () => {
		const sheet = new NotebookState();
		expect(sheet.useData({ samples: rows })).toBeUndefined();
		const seen: (readonly number[])[] = [];
		for (let k = 0; k < 4; k++) {
			seen.push(sheet.snapshot.inputs);
			sheet.iteration();
			sheet.forward(); // begins the next iteration
		}
		expect(seen).toEqual([rows[0].inputs, rows[1].inputs, rows[2].inputs, rows[0].inputs]);
	});

	it('a table chosen mid-iteration keeps this iteration’s numbers and supplies the next', () => {
		const sheet = new NotebookState();
		sheet.forward();
		const now = sheet.snapshot;
		sheet.useData({ samples: rows });
		expect(sheet.snapshot).toBe(now);
		sheet.iteration();
		sheet.forward();
		expect(sheet.snapshot.inputs).toEqual(rows[1].inputs);
		expect(sheet.snapshot.iteration).toBe(1);
	});

	it('a generator with other counts reshapes the net and opens at its sample for this iteration', () => {
		const sheet = new NotebookState();
		sheet.useData({ dataset: 'xor' });
		expect(sheet.sizes).toEqual([2, 3, 3, 1]);
		const sample = sampleAt({ kind: 'generator', name: 'xor', seed: preset('article').seed! }, 0);
		expect(sheet.snapshot.inputs).toEqual(sample.inputs);
		expect(netOf(sheet.notebook).layers[0]).toEqual(netOf(preset('article')).layers[0]);
	});

	it('fixed inputs keep the inputs as they are, and every iteration reuses them', () => {
		const sheet = new NotebookState();
		sheet.useData({});
		const inputs = sheet.snapshot.inputs;
		sheet.iteration();
		sheet.forward();
		expect(sheet.snapshot.inputs).toEqual(inputs);
		expect(sheet.snapshot.iteration).toBe(1);
	});
});
