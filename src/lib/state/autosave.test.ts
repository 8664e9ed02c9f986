import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { editStart } from '$lib/engine/maths/edits.ts';
import { serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { nextIteration, replayTo, step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import type { Notebook } from '$lib/engine/document/notebook.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import {
	LEGACY_KEY,
	STORAGE_DISABLED,
	STORAGE_FULL,
	browserStorage,
	forgetLegacy,
	loadSession,
	saveSession,
	type Session
} from './autosave.ts';
import { HEAD_KEY } from './autosave-parts.ts';
import { decodeParts, decodeSession } from './autosave-read.ts';
import { browserPartStore, idbPartStore, prefetchStore, type PartStore } from './autosave-store.ts';
import { listenEarly, tabSync } from './tab-sync.ts';
import { memoryStorage } from './memory-storage.ts';
import { momentOf, withTrainedEdits, type Moment } from './moment.ts';

const quotaError = () => new DOMException('full', 'QuotaExceededError');

/** A part store in memory holding at most `quota` characters; it counts the parts it is given to write. */
class FakeParts implements PartStore {
	parts = new Map<string, string>();
	/** Keys whose text a write made (not the head). */
	made: string[] = [];
	constructor(public quota = Infinity) {}
	async readAll() {
		return new Map(this.parts);
	}
	async write(headKey: string, head: string, parts: ReadonlyMap<string, () => string>) {
		const next = new Map<string, string>();
		for (const [key, text] of parts) {
			if (!this.parts.has(key)) this.made.push(key);
			next.set(key, this.parts.get(key) ?? text());
		}
		next.set(headKey, head);
		let used = 0;
		for (const [k, v] of next) used += k.length + v.length;
		if (used > this.quota) throw quotaError();
		this.parts = next;
	}
	get size() {
		let used = 0;
		for (const [k, v] of this.parts) used += k.length + v.length;
		return used;
	}
}

let databases = 0;
/** IndexedDB (fake-indexeddb, as the browser's) through idb-keyval, a fresh database each time. */
const idbStore = () => idbPartStore(createStore(`test-${databases++}`, 'autosave'));

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

/** What `store` gives back, restored without a warning. */
async function restored(store: PartStore): Promise<Session> {
	const { outcome } = await loadSession(store);
	if (outcome.kind !== 'restored') throw new Error(JSON.stringify(outcome));
	expect(outcome.warning).toBeUndefined();
	return outcome.session;
}

async function saved(session: Session, store: PartStore = new FakeParts()): Promise<PartStore> {
	expect(await saveSession(store, session)).toEqual({ ok: true, trimmed: false });
	return store;
}

/** The session's parts with `change` made to the head's tree and to the current moment's start. */
async function tampered(
	change: (head: { moment: unknown[]; past: unknown[] }, start: Record<string, unknown>) => void
): Promise<Map<string, string>> {
	const store = (await saved(learnerSession())) as FakeParts;
	const parts = new Map(store.parts);
	const head = JSON.parse(parts.get(HEAD_KEY)!);
	const key = head.moment[0] as string;
	const start = JSON.parse(parts.get(key)!);
	change(head, start);
	parts.set(HEAD_KEY, JSON.stringify(head));
	parts.set(key, JSON.stringify(start));
	return parts;
}

/** `count` random samples of the article's two inputs and two targets. */
function randomSamples(count: number) {
	let seed = 12345;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
	return Array.from({ length: count }, () => ({
		inputs: [random(), random()],
		targets: [random(), random()]
	}));
}

describe('autosave', () => {
	it('round-trips a session bit for bit through IndexedDB: the moment, its pass, undo, redo and the iterations', async () => {
		const session = learnerSession();
		const back = await restored(await saved(session, idbStore()));
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

	it("keeps the history panel's segments, and restores a save without them", async () => {
		const session = learnerSession();
		const segments = session.iterations.map((_, i) => (i < 1 ? 1 : 2));
		expect((await restored(await saved({ ...session, segments }))).segments).toEqual(segments);
		const older = await restored(await saved(session));
		expect(older.segments).toBeUndefined();
		expect(snapshots(older.iterations)).toEqual(snapshots(session.iterations));
		// Segments that do not fit their iterations are dropped, not trusted.
		const wrong = await restored(await saved({ ...session, segments: [...segments, 3] }));
		expect(wrong.segments).toBeUndefined();
	});

	it('writes each iteration start once, and a step rewrites only the head and the last chunk of undo', async () => {
		const session = learnerSession();
		const store = (await saved(session)) as FakeParts;
		const kinds = (keys: string[]) => keys.map((key) => key.split(':')[0]);
		// Iteration 0, its start edited is not a new one; three next iterations each edited once.
		expect(kinds(store.made).filter((kind) => kind === 'start')).toHaveLength(4);
		expect(session.past.length).toBeGreaterThan(60);
		expect(store.size).toBeLessThan(serialiseNotebook(preset('article')).length * 6);

		store.made = [];
		const next: Moment = { ...session.moment, snapshot: step(session.moment.snapshot, 'neuron') };
		await saved({ ...session, moment: next, past: [...session.past, session.moment] }, store);
		expect(kinds(store.made)).toEqual(['list']);
		store.made = [];
		await saved({ ...session, moment: next, past: [...session.past, session.moment] }, store);
		expect(store.made).toEqual([]);
	});

	it('autosaves and restores a notebook of 100,000 random samples with its history, writing the table once', async () => {
		const notebook: Notebook = { ...preset('article'), samples: randomSamples(100_000) };
		const first = momentOf(notebook);
		let moment = first;
		const past: Moment[] = [];
		for (let k = 0; k < 5; k++) {
			past.push(moment);
			moment = { ...moment, snapshot: step(moment.snapshot, 'pass') };
		}
		const store = new FakeParts();
		await saved({ moment, past, future: [], iterations: [] }, store);
		const tables = () => store.made.filter((key) => key.startsWith('samples:'));
		expect(tables()).toHaveLength(1);
		const samplesText = store.parts.get(tables()[0])!;
		expect(samplesText.length).toBeGreaterThan(4_000_000);
		const back = await restored(store);
		expect(back.moment.snapshot).toEqual(moment.snapshot);
		expect(snapshots(back.past)).toEqual(snapshots(past));
		expect(back.moment.notebook.samples).toEqual(notebook.samples);
		// The next save, after a step, does not write the table again.
		store.made = [];
		const after = { ...back.moment, snapshot: step(back.moment.snapshot, 'pass') };
		await saved(
			{ moment: after, past: [...back.past, back.moment], future: [], iterations: [] },
			store
		);
		expect(tables()).toEqual([]);
	});

	it('a closing save commits at once and leaves its clean-up to the next save', async () => {
		const name = `test-${databases++}`;
		const store = idbPartStore(createStore(name, 'autosave'));
		const session = learnerSession();
		await saved({ ...session, past: [], future: [], iterations: [] }, store);
		// Closing: the history's chunks and starts are put, nothing is listed or deleted.
		expect(await saveSession(store, session, true)).toEqual({ ok: true, trimmed: false });
		expect(snapshots((await restored(store)).past)).toEqual(snapshots(session.past));
		const bare: Session = { moment: session.moment, past: [], future: [], iterations: [] };
		await saved(bare, store);
		const parts = await idbPartStore(createStore(name, 'autosave')).readAll();
		// The head and the moment's start only: the closing save's history is gone.
		const start = JSON.parse(parts.get(HEAD_KEY)!).moment[0];
		expect([...parts.keys()].sort()).toEqual([HEAD_KEY, start].sort());
	});

	it('keeps a closing save in localStorage too, so that a dropped transaction loses nothing', async () => {
		const name = `test-${databases++}`;
		const journal = memoryStorage();
		const session = learnerSession();
		const bare: Session = { moment: session.moment, past: [], future: [], iterations: [] };
		await saved(bare, idbPartStore(createStore(name, 'autosave'), journal));
		// The page goes before IndexedDB commits: the browser drops the transaction.
		const commit = IDBTransaction.prototype.commit;
		IDBTransaction.prototype.commit = function () {
			this.abort();
		};
		try {
			await saveSession(idbPartStore(createStore(name, 'autosave'), journal), session, true);
		} finally {
			IDBTransaction.prototype.commit = commit;
		}
		expect(journal.length).toBe(1);
		const reopened = idbPartStore(createStore(name, 'autosave'), journal);
		const back = await restored(reopened);
		expect(snapshots(back.past)).toEqual(snapshots(session.past));
		expect(snapshots(back.iterations)).toEqual(snapshots(session.iterations));
		// The next save writes what the journal held into the store, and the journal goes.
		await saved(back, reopened);
		expect(journal.length).toBe(0);
		const again = await restored(idbPartStore(createStore(name, 'autosave')));
		expect(snapshots(again.past)).toEqual(snapshots(session.past));
	});

	it("puts back a part another tab's save removed, though this tab had stored it", async () => {
		const name = `test-${databases++}`;
		const mine = idbPartStore(createStore(name, 'autosave'));
		const other = idbPartStore(createStore(name, 'autosave'));
		const session = learnerSession();
		await saved(session, mine);
		await saved({ moment: momentOf(preset('xor')), past: [], future: [], iterations: [] }, other);
		const next: Moment = { ...session.moment, snapshot: step(session.moment.snapshot, 'neuron') };
		await saved({ ...session, moment: next, past: [...session.past, session.moment] }, mine);
		const back = await restored(mine);
		expect(back.moment.snapshot).toEqual(next.snapshot);
		expect(snapshots(back.iterations)).toEqual(snapshots(session.iterations));
	});

	it('finds nothing in empty storage', async () => {
		expect((await loadSession(new FakeParts())).outcome).toEqual({ kind: 'empty' });
		expect((await loadSession(idbStore(), memoryStorage())).outcome).toEqual({ kind: 'empty' });
	});

	it('drops the oldest history first when storage is full, keeping the moment exactly', async () => {
		const session = learnerSession();
		const whole = ((await saved(session)) as FakeParts).size;
		const store = new FakeParts(Math.floor(whole * 0.8));
		expect(await saveSession(store, session)).toEqual({ ok: true, trimmed: true });
		const back = await restored(store);
		expect(back.moment.snapshot).toEqual(session.moment.snapshot);
		expect(back.past.length).toBeGreaterThan(0);
		expect(back.past.length).toBeLessThan(session.past.length);
		// What is kept is the newest part, in order.
		expect(snapshots(back.past)).toEqual(snapshots(session.past.slice(-back.past.length)));
	});

	it('says storage is full (QuotaExceededError) when not even the moment fits, and keeps the last save whole', async () => {
		const small: Session = {
			moment: momentOf(preset('chain')),
			past: [],
			future: [],
			iterations: []
		};
		const store = idbStore();
		await saved(small, store);
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (value: unknown, key?: IDBValidKey) {
			if (typeof value === 'string' && value.length > 500) throw quotaError();
			return put.call(this, value, key);
		};
		try {
			expect(await saveSession(store, learnerSession())).toEqual({
				ok: false,
				error: STORAGE_FULL
			});
		} finally {
			IDBObjectStore.prototype.put = put;
		}
		expect((await restored(store)).moment.snapshot).toEqual(small.moment.snapshot);
	});

	it('says storage is disabled when the browser refuses IndexedDB', async () => {
		const original = globalThis.indexedDB;
		Object.defineProperty(globalThis, 'indexedDB', {
			configurable: true,
			get() {
				throw new DOMException('denied', 'SecurityError');
			}
		});
		try {
			expect(browserPartStore()).toBeUndefined();
		} finally {
			Object.defineProperty(globalThis, 'indexedDB', { configurable: true, value: original });
		}
		const refusing: PartStore = {
			readAll: () => Promise.reject(new DOMException('denied', 'InvalidStateError')),
			write: () => Promise.reject(new DOMException('denied', 'InvalidStateError'))
		};
		expect((await loadSession(refusing)).outcome).toEqual({
			kind: 'refused',
			error: STORAGE_DISABLED
		});
		expect(await saveSession(refusing, learnerSession())).toEqual({
			ok: false,
			error: STORAGE_DISABLED
		});
		const denied = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		expect(browserStorage(denied)).toBeUndefined();
	});

	it('reads an old localStorage autosave (version 1) once: restored bit for bit, then moved and removed', async () => {
		const notebook = preset('article');
		const start = momentOf(notebook).start;
		const s1 = step(start, 'neuron');
		const s2 = step(s1, 'line');
		const v1 = JSON.stringify({
			format: 'gradsheet-autosave',
			version: 1,
			starts: [JSON.parse(serialiseNotebook(notebook))],
			moment: [0, 'forward', 0, 1, {}, 1],
			past: [
				[0, 'forward', 0, 0],
				[0, 'forward', 0, 1]
			],
			future: [],
			iterations: []
		});
		const legacy = memoryStorage([[LEGACY_KEY, v1]]);
		const store = idbStore();
		const loaded = await loadSession(store, legacy);
		expect(loaded.legacy).toBe(true);
		if (loaded.outcome.kind !== 'restored') throw new Error(JSON.stringify(loaded.outcome));
		const session = loaded.outcome.session;
		expect(session.moment.snapshot).toEqual(s2);
		expect(snapshots(session.past)).toEqual([start, s1]);
		await saved(session, store);
		forgetLegacy(legacy);
		expect(legacy.getItem(LEGACY_KEY)).toBeNull();
		// Next time it comes from IndexedDB alone.
		const again = await loadSession(store, legacy);
		expect(again.legacy).toBeUndefined();
		expect(again.outcome.kind === 'restored' && again.outcome.session.moment.snapshot).toEqual(s2);
	});

	it('keeps a refused save as it was stored, to be downloaded', async () => {
		const parts = await tampered((head) => (head.moment[1] = 'sideways'));
		const store = new FakeParts();
		store.parts = parts;
		const loaded = await loadSession(store);
		expect(loaded.outcome.kind).toBe('refused');
		expect(JSON.parse(loaded.raw!).parts).toEqual(Object.fromEntries(parts));
		const text = '{"format":"gradsheet-aut';
		const legacy = await loadSession(new FakeParts(), memoryStorage([[LEGACY_KEY, text]]));
		expect(legacy.outcome.kind).toBe('refused');
		expect(legacy.raw).toBe(text);
	});

	it.each([
		['not JSON', '{"format": "gradsheet-aut', 'it is not valid JSON'],
		['another format', '{"format":"something"}', 'it is not a Gradsheet autosave'],
		['a newer version', '{"format":"gradsheet-autosave","version":3}', 'it is not version 1 or 2'],
		['no notebooks', '{"format":"gradsheet-autosave","version":1}', 'its notebooks are missing'],
		['a list', '[{"format":"gradsheet-autosave"}]', 'it is not a Gradsheet autosave'],
		['a number', '5', 'it is not a Gradsheet autosave'],
		['no version', '{"format":"gradsheet-autosave","starts":[]}', 'it is not version 1 or 2'],
		[
			'notebooks not a list',
			'{"format":"gradsheet-autosave","version":1,"starts":{}}',
			'its notebooks are missing'
		],
		[
			'no moment',
			'{"format":"gradsheet-autosave","version":1,"starts":[]}',
			'a moment is not [notebook, pass, layer, neuron]'
		],
		[
			'a start that is missing',
			'{"format":"gradsheet-autosave","version":2,"moment":["start:x","forward",0,0]}',
			'its notebook is missing'
		]
	])('refuses corrupt data (%s) with a message saying what is wrong', (_, text, reason) => {
		const parts = decodeParts(new Map([[HEAD_KEY, text]]));
		for (const outcome of text.includes('"version":2') ? [parts] : [decodeSession(text), parts]) {
			expect(outcome.kind).toBe('refused');
			if (outcome.kind === 'refused') {
				expect(outcome.error).toContain('could not be restored');
				expect(outcome.error).toContain(reason);
			}
		}
	});

	type Change = (
		head: { moment: unknown[]; past: unknown[] },
		start: Record<string, unknown>
	) => void;
	it.each([
		[
			'a notebook the parser refuses',
			(_, s) => (s.learningRate = 'fast'),
			'learningRate must be a number'
		],
		['a pass that does not exist', (h) => (h.moment[1] = 'sideways'), 'no valid pass'],
		['a neuron outside the net', (h) => (h.moment[3] = 9), 'not a step of its network'],
		['a start key that is no start', (h) => (h.moment[0] = 'list:x'), 'points to no notebook'],
		['an edit of a cell that is no parameter', (h) => h.moment.push({ loss: 1 }), 'edits "loss"'],
		['edits that are a list', (h) => h.moment.push([1]), "a moment's edits are not an object"],
		[
			'a seventh item',
			(h) => h.moment.push({}, 1, 2),
			'a moment is not [notebook, pass, layer, neuron]'
		],
		['a line past its neuron’s last', (h) => h.moment.push({}, 99), 'not a line of its neuron'],
		['a line of 0', (h) => h.moment.push({}, 0), 'not a line of its neuron'],
		['a line that is not whole', (h) => h.moment.push({}, 1.5), 'not a line of its neuron'],
		['a layer that is not whole', (h) => (h.moment[2] = 0.5), 'no valid pass'],
		['a negative notebook index', (h) => (h.moment[0] = -1), 'points to no notebook']
	] as [string, Change, string][])('refuses a saved moment with %s', async (_, change, reason) => {
		const outcome = decodeParts(await tampered(change));
		expect(outcome.kind).toBe('refused');
		if (outcome.kind === 'refused') expect(outcome.error).toContain(reason);
	});

	it('refuses a prototype key and a non-finite number written into saved data', async () => {
		const parts = await tampered(() => undefined);
		const key = JSON.parse(parts.get(HEAD_KEY)!).moment[0];
		for (const [from, to, reason] of [
			['"learningRate":0.001', '"learningRate":1e999', 'learningRate is not a finite number'],
			['"learningRate":0.001', '"__proto__":{"x":1},"learningRate":0.001', '"__proto__"']
		]) {
			const bad = new Map(parts).set(key, parts.get(key)!.replace(from, to));
			const outcome = decodeParts(bad);
			expect(outcome.kind).toBe('refused');
			if (outcome.kind === 'refused') expect(outcome.error).toContain(reason);
		}
	});

	it('keeps the notebook when only its history is damaged, and says so', async () => {
		const session = learnerSession();
		const parts = await tampered((head) => (head.past[0] = 'list:gone'));
		const outcome = decodeParts(parts);
		expect(outcome.kind).toBe('restored');
		if (outcome.kind !== 'restored') return;
		expect(outcome.session.moment.snapshot).toEqual(session.moment.snapshot);
		expect(outcome.session.past).toEqual([]);
		expect(outcome.warning).toContain('undo history');
	});

	it('replays a moment in the middle of a pass exactly as the steps left it', async () => {
		const start = momentOf(preset('xor')).start;
		let s: Snapshot = start;
		for (let i = 0; i < 4; i++) s = step(s, 'neuron');
		const moment: Moment = { notebook: preset('xor'), start, snapshot: s, trainedEdits: {} };
		const back = await restored(await saved({ moment, past: [], future: [], iterations: [] }));
		expect(back.moment.snapshot).toEqual(replayTo(start, s.cursor));
		expect(back.moment.snapshot).toEqual(s);
	});

	it('replays a moment inside a neuron, lines and a partial total included', async () => {
		const start = momentOf(preset('article')).start;
		let s: Snapshot = step(start, 'neuron');
		for (let i = 0; i < 2; i++) s = step(s, 'line');
		expect(s.cursor.line).toBe(2);
		const moment: Moment = { notebook: preset('article'), start, snapshot: s, trainedEdits: {} };
		const back = await restored(await saved({ moment, past: [], future: [], iterations: [] }));
		expect(back.moment.snapshot).toEqual(s);
	});
});

describe('autosaved predictions', () => {
	const predictions = {
		ask: ['layers.0.neurons.1.total'],
		iteration: 3,
		guesses: { 'layers.0.neurons.0.value': { guess: -0.39, engine: -0.3712 } }
	};

	it('come back with the session', async () => {
		const back = await restored(await saved({ ...learnerSession(), predictions }));
		expect(back.predictions).toEqual(predictions);
	});

	it('are left out, and the notebook restored, when they do not fit its network', async () => {
		const bad = { ask: ['layers.9.neurons.0.total'] };
		const back = await restored(await saved({ ...learnerSession(), predictions: bad }));
		expect(back.predictions).toBeUndefined();
	});
});

describe('the store read before the page hydrates', () => {
	it('is the first restore’s read, once: the next read sees what was saved since', async () => {
		const first = learnerSession();
		const later: Session = { moment: first.past[0], past: [], future: [], iterations: [] };
		// The page's own database, as another tab opens it.
		const tab = () => idbPartStore(createStore('gradsheet', 'autosave'));
		await saved(first, tab());
		await prefetchStore(10_000);
		await saved(later, tab()); // another tab saves after the page's early read
		const page = browserPartStore()!;
		expect(snapshots((await restored(page)).past)).toEqual(snapshots(first.past));
		expect((await restored(page)).moment.snapshot).toEqual(later.moment.snapshot);
	});

	it('does not hold the page back longer than it is given', async () => {
		let waited = false;
		const hold = prefetchStore(0).then(() => (waited = true));
		await new Promise((resolve) => setTimeout(resolve, 5));
		await hold;
		expect(waited).toBe(true);
		browserPartStore(); // takes the read, as the page's restore would
	});

	it('hears a save another tab reported after that read, once the session listens', async () => {
		listenEarly();
		const other = new BroadcastChannel('gradsheet:autosave');
		other.postMessage('saved');
		await new Promise((resolve) => setTimeout(resolve, 20));
		let heard = 0;
		const sync = tabSync(() => heard++);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(heard).toBe(1);
		other.postMessage('saved');
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(heard).toBe(2);
		sync.close();
		other.close();
	});
});
