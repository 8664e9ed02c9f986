/** Predictions through NotebookState: notes beside cells, checked by the steps, never numbers. */
import { describe, expect, it } from 'vitest';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { NotebookState } from './notebook.svelte.ts';

const Z = 'layers.0.neurons.0.total';
const A = 'layers.0.neurons.0.value';
const DELTA = 'layers.2.neurons.1.activation_gradient';
const BIAS = 'layers.0.neurons.0.bias';

function predicting(): NotebookState {
	const sheet = new NotebookState();
	sheet.predictions.on = true;
	return sheet;
}

describe('a prediction', () => {
	it('changes no number, no moment and no history', () => {
		const sheet = predicting();
		const moment = sheet.moment;
		expect(sheet.predictions.guess(Z, '0.41')).toBeUndefined();
		expect(sheet.predictions.guess(BIAS, '0.2')).toBeUndefined();
		expect(sheet.moment).toBe(moment);
		expect(sheet.history.canUndo).toBe(false);
		expect(sheet.snapshot.overrides).toEqual({});
		expect(sheet.predictions.mark(Z)).toMatchObject({ verdict: 'pending', text: '0.41' });
	});

	it('is refused as a bad edit is when it is not a number, or once its cell is computed', () => {
		const sheet = predicting();
		expect(sheet.predictions.guess(Z, 'abc')).toBe(sheet.edit('inputs.0', 'abc'));
		sheet.nextNeuron();
		expect(sheet.predictions.guess(Z, '1')).toMatch(/computed already/);
		expect(sheet.predictions.guessOf(Z)).toBeUndefined();
	});

	it('is checked by the step that computes it, against the engine, and tallied in its pass', () => {
		const sheet = predicting();
		const z = cellValue(step(sheet.snapshot, 'neuron'), Z)!;
		sheet.predictions.guess(Z, String(z * (1 + 5e-4)));
		sheet.predictions.guess(A, String(z + 1));
		sheet.predictions.guess(DELTA, '0');
		sheet.forward();
		expect(sheet.predictions.guessOf(Z)?.engine).toBe(z);
		expect(sheet.predictions.mark(Z)?.verdict).toBe('right');
		expect(sheet.predictions.mark(A)?.verdict).toBe('wrong');
		expect(sheet.predictions.mark(DELTA)?.verdict).toBe('pending');
		expect(sheet.predictions.tally).toEqual([
			{ pass: 'forward', right: 1, checked: 2, pending: 0 },
			{ pass: 'backward', right: 0, checked: 0, pending: 1 },
			{ pass: 'train', right: 0, checked: 0, pending: 0 }
		]);
	});

	it('waits again when its step is undone, and a new iteration starts a fresh set', () => {
		const sheet = predicting();
		sheet.predictions.guess(Z, '0.1');
		sheet.forward();
		expect(sheet.predictions.mark(Z)?.verdict).not.toBe('pending');
		sheet.undo();
		expect(sheet.predictions.mark(Z)?.verdict).toBe('pending');
		sheet.iteration();
		sheet.forward();
		expect(sheet.predictions.guessOf(Z)).toBeUndefined();
		expect(sheet.predictions.tally.every((t) => t.checked + t.pending === 0)).toBe(true);
	});

	it('goes into the notebook file with the teacher’s marks, and comes back from it', () => {
		const sheet = predicting();
		sheet.predictions.guess(Z, '0.41');
		sheet.predictions.toggleAsk(A);
		const file = sheet.toNotebook();
		expect(file.predictions).toEqual({
			ask: [A],
			iteration: 0,
			guesses: { [Z]: { guess: 0.41 } }
		});
		const other = new NotebookState();
		other.load(file);
		expect(other.predictions.on).toBe(true);
		expect(other.predictions.asked(A)).toBe(true);
		expect(other.predictions.guessOf(Z)).toEqual({ guess: 0.41 });
		expect(other.moment.notebook.predictions).toBeUndefined();
	});
});

describe('a prediction of a total stepped line by line', () => {
	it('waits while the sum is partial, and is checked against the whole sum', () => {
		const sheet = predicting();
		const z = cellValue(step(sheet.snapshot, 'neuron'), Z)!;
		sheet.predictions.guess(Z, String(z));
		sheet.nextLine();
		expect(cellValue(sheet.snapshot, Z)).toBeDefined();
		expect(sheet.predictions.mark(Z)?.verdict).toBe('pending');
		while (sheet.predictions.mark(Z)?.verdict === 'pending') sheet.nextLine();
		expect(sheet.predictions.guessOf(Z)?.engine).toBe(z);
		expect(sheet.predictions.mark(Z)?.verdict).toBe('right');
	});
});
