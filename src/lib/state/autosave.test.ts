import { describe, expect, it } from 'vitest';
import { editStart } from '$lib/engine/maths/edits.ts';
import { serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { nextIteration, replayTo, step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import {
	AUTOSAVE_KEY,
	STORAGE_DISABLED,
	STORAGE_FULL,
	browserStorage,
	decodeSession,
	encodeSession,
	loadSession,
	saveSession,
	type Session
} from './autosave.ts';
import { momentOf, withTrainedEdits, type Moment } from './moment.ts';

/** A Storage that holds at most `quota` characters, as browsers count them. */
class FakeStorage implements Storage {
	readonly items = new Map<string, string>();
	writes = 0;
	constructor(private readonly quota = Infinity) {}
	get length() {
		return this.items.size;
	}
	key(i: number) {
		return [...this.items.keys()][i] ?? null;
	}
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.writes++;
		let used = key.length + value.length;
		for (const [k, v] of this.items) if (k !== key) used += k.length + v.length;
		if (used > this.quota) throw new DOMException('full', 'QuotaExceededError');
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
	clear() {
		this.items.clear();
	}
}

/** A session as a learner makes one: steps, an edit, iterations completed, an undo. */
function learnerSession(): Session {
	const notebook = preset('article');
	const moments: Moment[] = [momentOf(notebook)];
	const iterations: Moment[] = [];
	let { start, snapshot } = moments[0];
	for (let k = 0; k < 3; k++) {
		while (snapshot.cursor.pass !== 'done') {
			snapshot = step(snapshot, 'neuron');
			moments.push({ notebook, start, snapshot, trainedEdits: {} });
		}
		iterations.push(moments.at(-1)!);
		if (k === 1) {
			// An edit of a weight in a done iteration, and one of the next iteration's input.
			const edits = { 'layers.2.neurons.1.weights.0': -0 };
			moments.push({
				notebook,
				start,
				snapshot: withTrainedEdits(snapshot, edits),
				trainedEdits: edits
			});
		}
		start = snapshot = nextIteration(moments.at(-1)!.snapshot, {
			inputs: [0.3, 0.7],
			targets: [0.21, 0.5]
		});
		const edited = editStart(start, 'inputs.1', 0.1 + 0.2);
		if (!edited.ok) throw new Error(edited.error);
		start = snapshot = edited.start;
		moments.push({ notebook, start, snapshot, trainedEdits: {} });
	}
	snapshot = step(snapshot, 'pass');
	moments.push({ notebook, start, snapshot, trainedEdits: {} });
	const now = moments.pop()!;
	return { moment: moments.at(-1)!, past: moments.slice(0, -1), future: [now], iterations };
}

const snapshots = (moments: readonly Moment[]) => moments.map((m) => m.snapshot);

function restored(text: string): Session {
	const outcome = decodeSession(text);
	if (outcome.kind !== 'restored') throw new Error(JSON.stringify(outcome));
	expect(outcome.warning).toBeUndefined();
	return outcome.session;
}

describe('autosave', () => {
	it('round-trips a session bit for bit: the moment, its pass, undo, redo and the iterations', () => {
		const session = learnerSession();
		const back = restored(encodeSession(session));
		expect(back.moment.snapshot).toEqual(session.moment.snapshot);
		expect(back.moment.snapshot.cursor).toEqual(session.moment.snapshot.cursor);
		expect(snapshots(back.past)).toEqual(snapshots(session.past));
		expect(snapshots(back.future)).toEqual(snapshots(session.future));
		expect(snapshots(back.iterations)).toEqual(snapshots(session.iterations));
		// toEqual treats -0 as 0; the typed -0 and 0.1 + 0.2 must come back as the same doubles.
		const edited = back.past.find((m) => Object.keys(m.trainedEdits).length > 0)!;
		expect(Object.is(edited.snapshot.net.layers[2].neurons[1].weights[0], -0)).toBe(true);
		expect(back.moment.snapshot.inputs[1]).toBe(0.1 + 0.2);
	});

	it("keeps the history panel's segments, and restores a save from before them without any", () => {
		const session = learnerSession();
		const segments = session.iterations.map((_, i) => (i < 1 ? 1 : 2));
		expect(restored(encodeSession({ ...session, segments })).segments).toEqual(segments);

		const older = restored(encodeSession(session));
		expect(older.segments).toBeUndefined();
		expect(snapshots(older.iterations)).toEqual(snapshots(session.iterations));
		// Segments that do not fit their iterations are dropped, not trusted.
		const text = encodeSession({ ...session, segments: [...segments, 3] });
		expect(restored(text).segments).toBeUndefined();
	});

	it('writes each iteration start once, however many moments share it', () => {
		const session = learnerSession();
		const text = encodeSession(session);
		const starts = (JSON.parse(text) as { starts: unknown[] }).starts;
		// Iteration 0, its start edited is not a new one; three next iterations each edited once.
		expect(starts.length).toBe(4);
		expect(session.past.length).toBeGreaterThan(60);
		expect(text.length).toBeLessThan(serialiseNotebook(preset('article')).length * 6);
	});

	it('saves to storage and loads back what it saved', () => {
		const storage = new FakeStorage();
		const session = learnerSession();
		expect(saveSession(storage, session)).toEqual({ ok: true, trimmed: false });
		const outcome = loadSession(storage);
		expect(outcome.kind).toBe('restored');
		if (outcome.kind === 'restored')
			expect(outcome.session.moment.snapshot).toEqual(session.moment.snapshot);
	});

	it('finds nothing in empty storage', () => {
		expect(loadSession(new FakeStorage())).toEqual({ kind: 'empty' });
	});

	it('drops the oldest history first when storage is full, keeping the moment exactly', () => {
		const session = learnerSession();
		const full = encodeSession(session).length;
		const storage = new FakeStorage(Math.floor(full * 0.8));
		expect(saveSession(storage, session)).toEqual({ ok: true, trimmed: true });
		const back = restored(storage.getItem(AUTOSAVE_KEY)!);
		expect(back.moment.snapshot).toEqual(session.moment.snapshot);
		expect(back.past.length).toBeGreaterThan(0);
		expect(back.past.length).toBeLessThan(session.past.length);
		// What is kept is the newest part, in order.
		expect(snapshots(back.past)).toEqual(snapshots(session.past.slice(-back.past.length)));
	});

	it('says storage is full when not even the moment fits, and keeps the last copy that did', () => {
		const small: Session = {
			moment: momentOf(preset('chain')),
			past: [],
			future: [],
			iterations: []
		};
		// Room for the small notebook, not for the article's.
		const storage = new FakeStorage(AUTOSAVE_KEY.length + encodeSession(small).length + 10);
		expect(saveSession(storage, small).ok).toBe(true);
		const kept = storage.getItem(AUTOSAVE_KEY);
		expect(saveSession(storage, learnerSession())).toEqual({ ok: false, error: STORAGE_FULL });
		expect(storage.getItem(AUTOSAVE_KEY)).toBe(kept);
	});

	it('says storage is disabled when the browser refuses it', () => {
		const denied = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		expect(browserStorage(denied)).toBeUndefined();
		const throwing = new FakeStorage();
		throwing.getItem = denied;
		throwing.setItem = denied;
		expect(browserStorage(() => throwing)).toBeUndefined();
		expect(loadSession(throwing)).toEqual({ kind: 'refused', error: STORAGE_DISABLED });
		expect(saveSession(throwing, learnerSession())).toEqual({ ok: false, error: STORAGE_DISABLED });
		const fine = new FakeStorage();
		expect(browserStorage(() => fine)).toBe(fine);
	});

	it.each([
		['not JSON', '{"format": "gradsheet-aut', 'it is not valid JSON'],
		['another format', '{"format":"something"}', 'it is not a Gradsheet autosave'],
		['a newer version', '{"format":"gradsheet-autosave","version":2}', 'it is not version 1'],
		['no notebooks', '{"format":"gradsheet-autosave","version":1}', 'its notebooks are missing'],
		['a list', '[{"format":"gradsheet-autosave"}]', 'it is not a Gradsheet autosave'],
		['a number', '5', 'it is not a Gradsheet autosave'],
		['no version', '{"format":"gradsheet-autosave","starts":[]}', 'it is not version 1'],
		[
			'notebooks not a list',
			'{"format":"gradsheet-autosave","version":1,"starts":{}}',
			'its notebooks are missing'
		],
		[
			'no moment',
			'{"format":"gradsheet-autosave","version":1,"starts":[]}',
			'a moment is not [notebook, pass, layer, neuron]'
		]
	])('refuses corrupt data (%s) with a message saying what is wrong', (_, text, reason) => {
		const outcome = decodeSession(text);
		expect(outcome.kind).toBe('refused');
		if (outcome.kind === 'refused') {
			expect(outcome.error).toContain('could not be restored');
			expect(outcome.error).toContain(reason);
		}
	});

	/** Saved text for the article's notebook with `change` made to the parsed tree. */
	function tampered(
		change: (tree: { starts: Record<string, unknown>[]; moment: unknown[] }) => void
	) {
		const tree = JSON.parse(encodeSession(learnerSession()));
		change(tree);
		return JSON.stringify(tree);
	}

	it.each([
		[
			'a notebook the parser refuses',
			(t) => (t.starts[0].learningRate = 'fast'),
			'learningRate must be a number'
		],
		['a prototype key', (t) => (t.starts[0] = JSON.parse('{"__proto__":{"x":1}}')), '"__proto__"'],
		['a pass that does not exist', (t) => (t.moment[1] = 'sideways'), 'no valid pass'],
		['a neuron outside the net', (t) => (t.moment[3] = 9), 'not a step of its network'],
		['a notebook index outside the table', (t) => (t.moment[0] = 99), 'points to no notebook'],
		['an edit of a cell that is no parameter', (t) => t.moment.push({ loss: 1 }), 'edits "loss"'],
		['edits that are a list', (t) => t.moment.push([1]), "a moment's edits are not an object"],
		[
			'a seventh item',
			(t) => t.moment.push({}, 1, 2),
			'a moment is not [notebook, pass, layer, neuron]'
		],
		['a line past its neuron’s last', (t) => t.moment.push({}, 99), 'not a line of its neuron'],
		['a line of 0', (t) => t.moment.push({}, 0), 'not a line of its neuron'],
		['a line that is not whole', (t) => t.moment.push({}, 1.5), 'not a line of its neuron'],
		['a layer that is not whole', (t) => (t.moment[2] = 0.5), 'no valid pass'],
		['a negative notebook index', (t) => (t.moment[0] = -1), 'points to no notebook']
	] as [string, (t: { starts: Record<string, unknown>[]; moment: unknown[] }) => void, string][])(
		'refuses a saved moment with %s',
		(_, change, reason) => {
			const outcome = decodeSession(tampered(change));
			expect(outcome.kind).toBe('refused');
			if (outcome.kind === 'refused') expect(outcome.error).toContain(reason);
		}
	);

	it('refuses a non-finite number written into saved data', () => {
		const text = encodeSession(learnerSession()).replace(
			'"learningRate":0.001',
			'"learningRate":1e999'
		);
		const outcome = decodeSession(text);
		expect(outcome.kind).toBe('refused');
		if (outcome.kind === 'refused')
			expect(outcome.error).toContain('learningRate is not a finite number');
	});

	it('keeps the notebook when only its history is damaged, and says so', () => {
		const session = learnerSession();
		const tree = JSON.parse(encodeSession(session));
		tree.past[3] = 'nonsense';
		const outcome = decodeSession(JSON.stringify(tree));
		expect(outcome.kind).toBe('restored');
		if (outcome.kind !== 'restored') return;
		expect(outcome.session.moment.snapshot).toEqual(session.moment.snapshot);
		expect(outcome.session.past).toEqual([]);
		expect(outcome.warning).toContain('undo history');
	});

	it('replays a moment in the middle of a pass exactly as the steps left it', () => {
		const start = momentOf(preset('xor')).start;
		let s: Snapshot = start;
		for (let i = 0; i < 4; i++) s = step(s, 'neuron');
		const moment: Moment = { notebook: preset('xor'), start, snapshot: s, trainedEdits: {} };
		const back = restored(encodeSession({ moment, past: [], future: [], iterations: [] }));
		expect(back.moment.snapshot).toEqual(replayTo(start, s.cursor));
		expect(back.moment.snapshot).toEqual(s);
	});

	it('replays a moment inside a neuron, lines and a partial total included', () => {
		const start = momentOf(preset('article')).start;
		let s: Snapshot = step(start, 'neuron');
		for (let i = 0; i < 2; i++) s = step(s, 'line');
		expect(s.cursor.line).toBe(2);
		const moment: Moment = { notebook: preset('article'), start, snapshot: s, trainedEdits: {} };
		const text = encodeSession({ moment, past: [], future: [], iterations: [] });
		expect(restored(text).moment.snapshot).toEqual(s);
	});
});

describe('autosaved predictions', () => {
	const predictions = {
		ask: ['layers.0.neurons.1.total'],
		iteration: 3,
		guesses: { 'layers.0.neurons.0.value': { guess: -0.39, engine: -0.3712 } }
	};

	it('come back with the session', () => {
		const session = { ...learnerSession(), predictions };
		const restored = decodeSession(encodeSession(session));
		expect(restored.kind === 'restored' && restored.session.predictions).toEqual(predictions);
	});

	it('are left out, and the notebook restored, when they do not fit its network', () => {
		const bad = { ask: ['layers.9.neurons.0.total'] };
		const restored = decodeSession(encodeSession({ ...learnerSession(), predictions: bad }));
		expect(restored.kind).toBe('restored');
		expect(restored.kind === 'restored' && restored.session.predictions).toBeUndefined();
	});
});
