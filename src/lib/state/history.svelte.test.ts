/** The history panel's iteration log, and NotebookState's methods for it and for autosave and import. */
import { describe, expect, it } from 'vitest';
import { serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { IterationLog } from './history.svelte.ts';
import { momentOf } from './moment.ts';
import { NotebookState } from './notebook.svelte.ts';

/** A stand-in moment: the log only needs an object to tell moments apart. */
interface Fake {
	readonly name: string;
}
const entry = (iteration: number, name = `m${iteration}`) => ({
	iteration,
	loss: iteration / 10,
	moment: { name } as Fake
});
const numbers = (log: IterationLog<Fake>) => log.entries.map((e) => e.iteration);

describe('the iteration log', () => {
	it('lists iterations in order; a new completion forgets the ones after it, like redo', () => {
		const log = new IterationLog<Fake>();
		for (const k of [1, 2, 3, 4]) log.record(entry(k));
		log.record(entry(2, 'again'));
		expect(numbers(log)).toEqual([1, 2]);
		expect(log.entries[1].moment.name).toBe('again');
	});

	it('keeps the newest when full', () => {
		const log = new IterationLog<Fake>(3);
		for (const k of [1, 2, 3, 4, 5]) log.record(entry(k));
		expect(numbers(log)).toEqual([3, 4, 5]);
	});

	it('takes back a revisited iteration without forgetting the later ones, and adds none', () => {
		const log = new IterationLog<Fake>();
		for (const k of [1, 2, 3]) log.record(entry(k));
		log.revisit(entry(2, 'undone'));
		log.revisit(entry(7, 'never listed'));
		expect(numbers(log)).toEqual([1, 2, 3]);
		expect(log.entries[1].moment.name).toBe('undone');
	});

	it('keeps each network in its own segment: a new one forgets nothing of the last, and undo goes back to it', () => {
		const log = new IterationLog<Fake>();
		const first = [1, 2, 3].map((k) => entry(k));
		for (const e of first) {
			log.arrive(e.moment);
			log.record(e);
		}
		log.arrive({ name: 'preset' }, true);
		const other = entry(1, 'other 1');
		log.arrive(other.moment);
		log.record(other);
		expect(log.entries.map((e) => [e.segment, e.iteration])).toEqual([
			[1, 1],
			[1, 2],
			[1, 3],
			[2, 1]
		]);
		// Back on the first net (undo, or a choice in the panel): a new iteration 3 is its branch.
		log.arrive(first[1].moment);
		const branch = entry(3, 'branch');
		log.arrive(branch.moment);
		log.record(branch);
		expect(log.entries.map((e) => [e.segment, e.iteration, e.moment.name])).toEqual([
			[1, 1, 'm1'],
			[1, 2, 'm2'],
			[2, 1, 'other 1'],
			[1, 3, 'branch']
		]);
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

	it("lists a preset apart from the net before it, and an undo returns to the first net's segment", () => {
		const sheet = new NotebookState();
		sheet.iteration();
		sheet.iteration();
		sheet.load(preset('xor'));
		sheet.iteration();
		const segments = () => sheet.iterations.entries.map((e) => [e.segment, e.iteration]);
		expect(segments()).toEqual([
			[1, 1],
			[1, 2],
			[2, 1]
		]);
		sheet.undo(); // the xor iteration
		sheet.undo(); // the preset
		sheet.iteration();
		expect(segments()).toEqual([
			[1, 1],
			[1, 2],
			[2, 1],
			[1, 3]
		]);
	});

	it('puts back the segments saved, and tells the networks of an older save apart by shape', () => {
		const source = new NotebookState();
		source.iteration();
		source.load(preset('article'));
		source.iteration();
		source.load(preset('xor'));
		source.iteration();
		const moments = source.iterations.entries.map((e) => e.moment);
		const segments = source.iterations.entries.map((e) => e.segment);
		expect(segments).toEqual([1, 2, 3]);

		const saved = new NotebookState();
		saved.resume({ moment: source.moment, past: [], future: [], iterations: moments, segments });
		expect(saved.iterations.entries).toEqual(source.iterations.entries);
		saved.iteration();
		expect(saved.iterations.entries.map((e) => [e.segment, e.iteration])).toEqual([
			[1, 1],
			[2, 1],
			[3, 1],
			[3, 2]
		]);

		// A save from before segments: a shape, or an iteration number that does not grow, starts one.
		const older = new NotebookState();
		older.resume({ moment: source.moment, past: [], future: [], iterations: moments });
		expect(older.iterations.entries).toEqual(source.iterations.entries);
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
