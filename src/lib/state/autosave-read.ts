/**
 * Reading an autosave back into a session: version 2's parts
 * (autosave-parts.ts) or version 1's one text (what localStorage held). Each
 * start is read through the engine's parser, and each moment replays its
 * start to its cursor, bit for bit. The current moment must read back; when
 * only the history does not, the notebook comes back without it and says so.
 */
import { addressExists, parameterPlaceOf, parseAddress } from '$lib/engine/maths/addresses.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import { netOf } from '$lib/engine/document/notebook.ts';
import { notebookFromJson } from '$lib/engine/document/notebook-file.ts';
import { replayTo } from '$lib/engine/maths/passes.ts';
import {
	PredictionsSchema,
	predictionsProblem,
	type NotebookPredictions
} from '$lib/engine/document/predictions-schema.ts';
import * as v from 'valibot';
import type { Cursor } from '$lib/engine/maths/snapshot.ts';
import {
	LEGACY_VERSION,
	NO_LINE,
	NO_NOTEBOOK,
	readHeader,
	readHistory,
	readMoment,
	readSegments,
	type MomentRef
} from './autosave-schema.ts';
import { HEAD_KEY, knownChunk, knownStart, type Session } from './autosave-parts.ts';
import { momentOf, withTrainedEdits, type Moment } from './moment.ts';

const NOT_RESTORED = 'The notebook saved in this browser could not be restored';

export type LoadOutcome =
	| { readonly kind: 'empty' }
	| { readonly kind: 'restored'; readonly session: Session; readonly warning?: string }
	| { readonly kind: 'refused'; readonly error: string };

/** A refusal raised while reading, caught in `decode`. */
class Corrupt {
	constructor(readonly reason: string) {}
}

/** The shape read by autosave-schema.ts, or a Corrupt refusal saying what is wrong. */
function shaped<T>(read: { ok: true; value: T } | { ok: false; problem: string }): T {
	if (!read.ok) throw new Corrupt(read.problem);
	return read.value;
}

const refused = (reason: string): LoadOutcome => ({
	kind: 'refused',
	error: `${NOT_RESTORED}: ${reason}.`
});

function parsed(text: string | undefined, what: string): unknown {
	if (text === undefined) throw new Corrupt(`its ${what} is missing`);
	try {
		return JSON.parse(text);
	} catch {
		throw new Corrupt(`its ${what} is not valid JSON`);
	}
}

/** Version 1's text (localStorage) back to a session. */
export function decodeSession(text: string): LoadOutcome {
	let tree: unknown;
	try {
		tree = JSON.parse(text);
	} catch {
		return refused('it is not valid JSON');
	}
	return decode(tree, () => {
		throw new Corrupt(NO_NOTEBOOK);
	});
}

/** Version 2's parts (IndexedDB), by key, back to a session; `empty` when there is no head. */
export function decodeParts(parts: ReadonlyMap<string, string>): LoadOutcome {
	const text = parts.get(HEAD_KEY);
	if (text === undefined) return { kind: 'empty' };
	let tree: unknown;
	try {
		tree = JSON.parse(text);
	} catch {
		return refused('it is not valid JSON');
	}
	return decode(tree, (key) => parts.get(key));
}

/** A session from its head, `part` finding version 2's parts by key. */
function decode(tree: unknown, part: (key: string) => string | undefined): LoadOutcome {
	const header = readHeader(tree);
	if (!header.ok) return refused(header.problem);
	const saved = header.value as Record<string, unknown>;
	const legacy = saved.version === LEGACY_VERSION;
	const opened = new Map<number | string, Moment>();

	/** The start a moment names, parsed once however many moments point to it. */
	const start = (name: number | string): Moment => {
		let moment = opened.get(name);
		if (moment) return moment;
		let file: unknown;
		let samplesKey: string | undefined;
		if (legacy) {
			const starts = saved.starts as unknown[];
			if (typeof name !== 'number' || name >= starts.length) throw new Corrupt(NO_NOTEBOOK);
			file = starts[name];
		} else {
			if (typeof name !== 'string' || !name.startsWith('start:')) throw new Corrupt(NO_NOTEBOOK);
			file = parsed(part(name), 'notebook');
			const samples = (file as Record<string, unknown> | null)?.samples;
			if (typeof samples === 'string') {
				samplesKey = samples;
				const table = parsed(part(samples), 'samples table') as Record<string, unknown> | null;
				file = { ...(file as object), samples: table?.samples };
			}
		}
		const read = notebookFromJson(file);
		if (!read.ok) throw new Corrupt(read.error);
		opened.set(name, (moment = momentOf(read.notebook)));
		if (typeof name === 'string') knownStart(moment, name, samplesKey);
		return moment;
	};

	const read = (item: unknown): Moment => {
		const [name, pass, layer, neuron, trained, line]: MomentRef = shaped(readMoment(item));
		const { notebook, start: first } = start(name);
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

	/** A history list: inline (version 1) or the keys of its chunks (version 2). */
	const list = (x: unknown): Moment[] => {
		const items = shaped(readHistory(x));
		if (legacy) return items.map(read);
		return items.flatMap((key) => {
			if (typeof key !== 'string') throw new Corrupt('a history list is missing');
			const text = part(key);
			const chunk = shaped(readHistory(parsed(text, 'history')));
			knownChunk(text!, key);
			return chunk.map(read);
		});
	};

	let moment: Moment;
	try {
		moment = read(saved.moment);
	} catch (error) {
		if (error instanceof Corrupt) return refused(error.reason);
		return refused(`it could not be read (${String(error)})`);
	}
	const predictions = predictionsOf(saved.predictions, moment);
	try {
		const past = list(saved.past);
		const future = list(saved.future);
		const iterations = list(saved.iterations);
		const segments = readSegments(saved.segments, iterations.length);
		return {
			kind: 'restored',
			session: { moment, past, future, iterations, segments, predictions }
		};
	} catch (error) {
		const reason = error instanceof Corrupt ? error.reason : String(error);
		return {
			kind: 'restored',
			session: { moment, past: [], future: [], iterations: [], predictions },
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
