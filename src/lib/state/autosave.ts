/**
 * Autosave: the open notebook, its current pass and its undo history, kept in
 * the browser's storage so that closing and reopening the app loses nothing.
 *
 * A session is stored as a table of distinct iteration starts (each written
 * as a notebook file, read back through the engine's parser) and moments that
 * point into it with a cursor: `momentAt` replays a start to its cursor bit
 * for bit, and the dozens of moments of one iteration share one notebook.
 * When storage is full the oldest history goes first; what cannot be stored
 * or read back becomes a message, never an exception.
 */
import { addressExists, parameterPlaceOf, parseAddress } from '$lib/engine/maths/addresses.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import { netOf, type Notebook } from '$lib/engine/document/notebook.ts';
import { notebookFromJson, serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { replayTo } from '$lib/engine/maths/passes.ts';
import {
	PredictionsSchema,
	predictionsProblem,
	type NotebookPredictions
} from '$lib/engine/document/predictions-schema.ts';
import * as v from 'valibot';
import type { Cursor, Snapshot } from '$lib/engine/maths/snapshot.ts';
import {
	FORMAT,
	NO_LINE,
	NO_NOTEBOOK,
	VERSION,
	readHeader,
	readHistory,
	readMoment,
	readSegments,
	type MomentRef
} from './autosave-schema.ts';
import { momentOf, startNotebook, withTrainedEdits, type Moment } from './moment.ts';

export const AUTOSAVE_KEY = 'gradsheet:autosave';

/** Everything autosave keeps: the moment shown, undo and redo, the history panel's iterations. */
export interface Session {
	readonly moment: Moment;
	/** Oldest first, as History keeps them */
	readonly past: readonly Moment[];
	/** The next redo last, as History keeps them */
	readonly future: readonly Moment[];
	readonly iterations: readonly Moment[];
	/** The history panel's segment (network) of each of `iterations`; saves before segments have none. */
	readonly segments?: readonly number[];
	/** The learner's predictions and a teacher's "predict this" marks (predictions.svelte.ts). */
	readonly predictions?: NotebookPredictions;
}

export const STORAGE_DISABLED =
	'This browser does not let the page store anything, so the notebook will not be kept when you close it. Use Export notebook to keep a copy.';
export const STORAGE_FULL =
	"The browser's storage is full, so your latest changes are not being kept. Use Export notebook to keep a copy.";
const NOT_RESTORED = 'The notebook saved in this browser could not be restored';

// ── Writing ──

/** Serialised iteration starts, by start snapshot and file-level notebook: moments never change. */
const written = new WeakMap<Snapshot, WeakMap<Notebook, string>>();

function startText(moment: Moment): string {
	let byNotebook = written.get(moment.start);
	if (!byNotebook) written.set(moment.start, (byNotebook = new WeakMap()));
	let text = byNotebook.get(moment.notebook);
	if (text === undefined) {
		text = serialiseNotebook(startNotebook(moment), { compact: true });
		byNotebook.set(moment.notebook, text);
	}
	return text;
}

/** A number as JSON that reads back as the same double, -0 included. */
const numberText = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

/**
 * The session as autosave text. A moment is written `[start, pass, layer,
 * neuron]`, with its trained edits as a fifth item when it has any: a
 * thousand of them stay small.
 */
export function encodeSession(session: Session): string {
	const starts: string[] = [];
	const index = new Map<string, number>();
	const ref = (moment: Moment) => {
		const text = startText(moment);
		let i = index.get(text);
		if (i === undefined) index.set(text, (i = starts.push(text) - 1));
		const { pass, layer, neuron, line } = moment.snapshot.cursor;
		const edits = Object.entries(moment.trainedEdits);
		const tail =
			edits.length || line
				? `,{${edits.map(([a, x]) => `${JSON.stringify(a)}:${numberText(x)}`).join(',')}}`
				: '';
		const lines = line ? `,${line}` : '';
		return `[${i},${JSON.stringify(pass)},${layer},${neuron}${tail}${lines}]`;
	};
	const list = (moments: readonly Moment[]) => `[${moments.map(ref).join(',')}]`;
	const moment = ref(session.moment);
	const past = list(session.past);
	const future = list(session.future);
	const iterations = list(session.iterations);
	const segments = session.segments ? `,"segments":[${session.segments.join(',')}]` : '';
	const predictions = session.predictions
		? `,"predictions":${JSON.stringify(session.predictions)}`
		: '';
	return (
		`{"format":"${FORMAT}","version":${VERSION},"starts":[${starts.join(',')}],` +
		`"moment":${moment},"past":${past},"future":${future},"iterations":${iterations}${segments}${predictions}}`
	);
}

/** What became of a save. */
export type SaveOutcome =
	| { readonly ok: true; /** history left out to fit */ readonly trimmed: boolean }
	| { readonly ok: false; readonly error: typeof STORAGE_FULL | typeof STORAGE_DISABLED };

function isQuotaError(error: unknown): boolean {
	if (!(error instanceof DOMException)) return false;
	// Chrome and Safari name it; old Firefox used its own name and code.
	return (
		error.name === 'QuotaExceededError' ||
		error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
		error.code === 22 ||
		error.code === 1014
	);
}

/** The newest `fraction` of a list: history is dropped oldest first. */
const newest = <T>(items: readonly T[], fraction: number) =>
	items.slice(items.length - Math.floor(items.length * fraction));

/**
 * Writes `session` to `storage`. If it does not fit, frees our own previous
 * copy and halves the history (oldest first) until it does; if even the bare
 * moment does not fit, puts the previous copy back, so a reload still finds
 * the last notebook that was kept.
 */
export function saveSession(storage: Storage, session: Session): SaveOutcome {
	let previous: string | null = null;
	try {
		try {
			storage.setItem(AUTOSAVE_KEY, encodeSession(session));
			return { ok: true, trimmed: false };
		} catch (error) {
			if (!isQuotaError(error)) throw error;
		}
		previous = storage.getItem(AUTOSAVE_KEY);
		storage.removeItem(AUTOSAVE_KEY);
		for (let fraction = 1; ; fraction /= 2) {
			const smaller: Session = {
				moment: session.moment,
				past: newest(session.past, fraction),
				future: newest(session.future, fraction),
				iterations: newest(session.iterations, fraction),
				segments: session.segments && newest(session.segments, fraction),
				predictions: session.predictions
			};
			try {
				storage.setItem(AUTOSAVE_KEY, encodeSession(smaller));
				return { ok: true, trimmed: true };
			} catch (error) {
				if (!isQuotaError(error)) throw error;
			}
			if (smaller.past.length + smaller.future.length + smaller.iterations.length === 0) break;
		}
		if (previous !== null) storage.setItem(AUTOSAVE_KEY, previous);
		return { ok: false, error: STORAGE_FULL };
	} catch (error) {
		// Putting the previous copy back can meet a full store too; nothing more can be done.
		return { ok: false, error: isQuotaError(error) ? STORAGE_FULL : STORAGE_DISABLED };
	}
}

// ── Reading ──

export type LoadOutcome =
	| { readonly kind: 'empty' }
	| { readonly kind: 'restored'; readonly session: Session; readonly warning?: string }
	| { readonly kind: 'refused'; readonly error: string };

/** Reads the saved session, if any. Never throws. */
export function loadSession(storage: Storage): LoadOutcome {
	let text: string | null;
	try {
		text = storage.getItem(AUTOSAVE_KEY);
	} catch {
		return { kind: 'refused', error: STORAGE_DISABLED };
	}
	if (text === null) return { kind: 'empty' };
	return decodeSession(text);
}

/** A refusal raised while reading, caught in decodeSession. */
class Corrupt {
	constructor(readonly reason: string) {}
}

/** The shape read by autosave-schema.ts, or a Corrupt refusal saying what is wrong. */
function shaped<T>(read: { ok: true; value: T } | { ok: false; problem: string }): T {
	if (!read.ok) throw new Corrupt(read.problem);
	return read.value;
}

/** Autosave text back to a session; the current moment must read back, the history may not. */
export function decodeSession(text: string): LoadOutcome {
	const refused = (reason: string): LoadOutcome => ({
		kind: 'refused',
		error: `${NOT_RESTORED}: ${reason}. The article's demo is open instead.`
	});
	let tree: unknown;
	try {
		tree = JSON.parse(text);
	} catch {
		return refused('it is not valid JSON');
	}
	const header = readHeader(tree);
	if (!header.ok) return refused(header.problem);
	const { starts } = header.value;
	const saved = header.value as Record<string, unknown>;
	const opened = new Map<number, Moment>();
	/** The iteration start `i`, parsed once however many moments point to it. */
	const start = (i: number): Moment => {
		if (i >= starts.length) throw new Corrupt(NO_NOTEBOOK);
		let moment = opened.get(i);
		if (!moment) {
			const parsed = notebookFromJson(starts[i]);
			if (!parsed.ok) throw new Corrupt(parsed.error);
			opened.set(i, (moment = momentOf(parsed.notebook)));
		}
		return moment;
	};
	const read = (item: unknown): Moment => {
		const [index, pass, layer, neuron, trained, line]: MomentRef = shaped(readMoment(item));
		const { notebook, start: first } = start(index);
		const sizes = layerSizes(netOf(notebook));
		const cursor = cursorOf(line ? { pass, layer, neuron, line } : { pass, layer, neuron }, sizes);
		const edits = trainedEditsOf(trained ?? {}, sizes);
		// momentAt's replay, sharing the parsed start so the next save writes it once.
		const replayed = replayTo(first, cursor);
		// A line past the neuron's last would have replayed into the next neuron.
		if (replayed.cursor.neuron !== neuron || replayed.cursor.line !== line)
			throw new Corrupt(NO_LINE);
		return {
			notebook,
			start: first,
			snapshot: withTrainedEdits(replayed, edits),
			trainedEdits: edits
		};
	};
	let moment: Moment;
	try {
		moment = read(saved.moment);
	} catch (error) {
		if (error instanceof Corrupt) return refused(error.reason);
		return refused(`it could not be read (${String(error)})`);
	}
	try {
		const list = (x: unknown) => shaped(readHistory(x)).map(read);
		const past = list(saved.past);
		const future = list(saved.future);
		const iterations = list(saved.iterations);
		const segments = readSegments(saved.segments, iterations.length);
		const predictions = predictionsOf(saved.predictions, moment);
		const session = { moment, past, future, iterations, segments, predictions };
		return { kind: 'restored', session };
	} catch (error) {
		const reason = error instanceof Corrupt ? error.reason : String(error);
		return {
			kind: 'restored',
			session: {
				moment,
				past: [],
				future: [],
				iterations: [],
				predictions: predictionsOf(saved.predictions, moment)
			},
			warning: `${NOT_RESTORED} with its undo history (${reason}); the notebook itself is back.`
		};
	}
}

/** The saved predictions when they fit the moment's net; none when absent or not readable (they are notes, not numbers). */
function predictionsOf(saved: unknown, moment: Moment): NotebookPredictions | undefined {
	const read = v.safeParse(PredictionsSchema, saved);
	if (!read.success) return undefined;
	const sizes = layerSizes(moment.snapshot.net);
	return predictionsProblem(read.output, sizes) ? undefined : read.output;
}

/** A cursor that is a step of a net with `sizes`, or a Corrupt refusal. */
function cursorOf(cursor: Cursor, sizes: number[]): Cursor {
	const { pass, layer, neuron } = cursor;
	const fits =
		pass === 'done'
			? layer === 0 && neuron === 0
			: layer >= 0 && layer < sizes.length - 1 && neuron >= 0 && neuron < sizes[layer + 1];
	if (!fits) throw new Corrupt(`a moment's pass is not a step of its network`);
	return cursor;
}

/** Parameters typed after Train: existing biases and weights, finite numbers. */
function trainedEditsOf(x: Record<string, unknown>, sizes: number[]): Record<string, number> {
	const edits: Record<string, number> = {};
	for (const [key, value] of Object.entries(x)) {
		const a = parseAddress(key);
		const parameter = parameterPlaceOf(a) && addressExists(a!, sizes);
		if (!parameter || typeof value !== 'number' || !Number.isFinite(value))
			throw new Corrupt(`a moment edits ${JSON.stringify(key.slice(0, 60))}, which it cannot`);
		edits[key] = value;
	}
	return edits;
}

// ── Storage access ──

/** The browser's storage, or undefined when it is disabled (reading `localStorage` throws). */
export function browserStorage(get: () => Storage): Storage | undefined {
	try {
		const storage = get();
		// Some browsers hand out a store that throws on first use instead.
		storage.getItem(AUTOSAVE_KEY);
		return storage;
	} catch {
		return undefined;
	}
}
