/** The history panel's iteration log, and NotebookState's methods for it and for autosave and import. */
import { describe, expect, it } from 'vitest';
import { serialiseNotebook } from '$lib/engine/notebook-file.ts';
import { step } from '$lib/engine/passes.ts';
import { preset } from '$lib/engine/presets.ts';
import { IterationLog } from './history.svelte.ts';
import { momentOf } from './moment.ts';
import { NotebookState } from './notebook.svelte.ts';

const entry = (iteration: number, moment = `m${iteration}`) => ({
	iteration,
	loss: iteration / 10,
	moment
});
const numbers = (log: IterationLog<string>) => log.entries.map((e) => e.iteration);

describe('the iteration log', () => {
	it('lists iterations in order; a new completion forgets the ones after it, like redo', () => {
		const log = new IterationLog<string>();
		for (const k of [1, 2, 3, 4]) log.record(entry(k));
		log.record(entry(2, 'again'));
		expect(numbers(log)).toEqual([1, 2]);
		expect(log.entries[1].moment).toBe('again');
	});

	it('keeps the newest when full', () => {
		const log = new IterationLog<string>(3);
		for (const k of [1, 2, 3, 4, 5]) log.record(entry(k));
		expect(numbers(log)).toEqual([3, 4, 5]);
	});

	it('takes back a revisited iteration without forgetting the later ones, and adds none', () => {
		const log = new IterationLog<string>();
		for (const k of [1, 2, 3]) log.record(entry(k));
		log.revisit(entry(2, 'undone'));
		log.revisit(entry(7, 'never listed'));
		expect(numbers(log)).toEqual([1, 2, 3]);
		expect(log.entries[1].moment).toBe('undone');
	});
});

describe('NotebookState and the history panel', () => {
	it('records each completed iteration with its loss', () => {
		const sheet = new NotebookState();
		sheet.iteration();
		sheet.forward();
		sheet.backward();
		sheet.train();
		expect(sheet.iterations.entries.map((e) => e.iteration)).toEqual([1, 2]);
		expect(sheet.iterations.entries[0].loss).toBe(
			step(momentOf(preset('article')).start, 'iteration').loss
		);
		expect(sheet.iterations.entries[1].moment).toBe(sheet.moment);
	});

	it('returns to a listed iteration undoably, keeping the list', () => {
		const sheet = new NotebookState();
		sheet.iteration();
		sheet.iteration();
		const [first, second] = sheet.iterations.entries;
		sheet.goTo(first.moment);
		expect(sheet.snapshot).toBe(first.moment.snapshot);
		expect(sheet.iterations.entries).toHaveLength(2);
		sheet.undo();
		expect(sheet.snapshot).toBe(second.moment.snapshot);
	});

	it('puts back a saved session: the moment, undo, redo and the list', () => {
		const source = new NotebookState();
		source.iteration();
		source.forward();
		source.undo();
		const sheet = new NotebookState();
		sheet.resume({
			moment: source.moment,
			past: source.history.past,
			future: source.history.future,
			iterations: source.iterations.entries.map((e) => e.moment)
		});
		expect(sheet.snapshot).toBe(source.snapshot);
		expect(sheet.iterations.entries).toEqual(source.iterations.entries);
		sheet.redo();
		expect(sheet.snapshot.cursor.pass).toBe('backward');
		sheet.undo();
		sheet.undo();
		expect(sheet.snapshot).toEqual(momentOf(preset('article')).start);
		expect(sheet.history.canUndo).toBe(false);
	});

	it('opens notebook text through the parser, undoably, and refuses bad text leaving all as it was', () => {
		const sheet = new NotebookState();
		sheet.forward();
		const before = sheet.moment;
		expect(
			sheet.openText('{"format": "gradsheet-notebook", "version": 1}', 'The file "x.json"')
		).toBe(false);
		expect(sheet.moment).toBe(before);
		expect(sheet.message).toMatch(
			/^The file "x.json" could not be opened: .+\. The open notebook is unchanged\.$/
		);
		expect(sheet.openText(serialiseNotebook(preset('xor')), 'The file "xor.json"')).toBe(true);
		expect(sheet.message).toBeUndefined();
		expect(sheet.notebook.labels?.outputs).toEqual(['x₁ XOR x₂']);
		sheet.undo();
		expect(sheet.moment).toBe(before);
	});
});
