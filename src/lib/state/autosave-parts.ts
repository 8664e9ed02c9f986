/**
 * A session as the parts autosave stores (version 2), each under its own key,
 * so that a save writes only what changed since the last:
 *
 * - `head`: the moment shown, the keys of the history's chunks, the history
 *   panel's segments and the predictions; small, written on every save.
 * - `start:…`: one iteration start as a notebook file, its samples table
 *   replaced by the key of that table's part. Written once: a moment never changes.
 * - `samples:…`: a samples table (100,000 samples are about 4.6 million
 *   characters), written once for all the starts that share it.
 * - `list:…`: up to CHUNK moments of undo, redo or the history panel, each a
 *   `[start key, pass, layer, neuron, edits?, line?]`. A step changes the
 *   last chunk of undo only; the others keep their keys and are not rewritten.
 *
 * Keys are unique to the tab that made them (TAB), so two tabs never write
 * different text under one key. What a part holds is produced only when the
 * store does not have it yet (`text` is a function).
 */
import type { Notebook } from '$lib/engine/document/notebook.ts';
import { serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import type { Sample } from '$lib/engine/maths/model.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { FORMAT, VERSION } from './autosave-schema.ts';
import { startNotebook, type Moment } from './moment.ts';
import type { NotebookPredictions } from '$lib/engine/document/predictions-schema.ts';

export const HEAD_KEY = 'head';

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

/** Moments per history chunk: a chunk is a few kilobytes. */
const CHUNK = 200;

/** The parts of a session: the head's text and every other part's key with its text, made on demand. */
export interface Parts {
	readonly head: string;
	readonly parts: ReadonlyMap<string, () => string>;
}

/** This tab's mark in the keys it makes. */
const TAB = Math.random().toString(36).slice(2, 10);
let made = 0;
const newKey = (kind: string) => `${kind}:${TAB}-${(made++).toString(36)}`;

/** Each start's key, by start snapshot and file-level notebook: moments never change. */
const startKeys = new WeakMap<Snapshot, WeakMap<Notebook, string>>();
/** Each samples table's key, by the table itself (moments of one notebook share it). */
const samplesKeys = new WeakMap<readonly Sample[], string>();
/** The chunks the last save referred to, by their text, so that an unchanged chunk keeps its key. */
let chunkKeys = new Map<string, string>();

/** Records that `moment`'s start is stored under `key` (autosave-read.ts, on restoring). */
export function knownStart(moment: Moment, key: string, samplesKey?: string): void {
	let byNotebook = startKeys.get(moment.start);
	if (!byNotebook) startKeys.set(moment.start, (byNotebook = new WeakMap()));
	byNotebook.set(moment.notebook, key);
	if (samplesKey && moment.notebook.samples) samplesKeys.set(moment.notebook.samples, samplesKey);
}

/** Records a restored chunk, so that the next save does not write it again. */
export function knownChunk(text: string, key: string): void {
	chunkKeys.set(text, key);
}

/** A number as JSON that reads back as the same double, -0 included. */
const numberText = (x: number) => (Object.is(x, -0) ? '-0' : String(x));

/** The session as parts. */
export function sessionParts(session: Session): Parts {
	const parts = new Map<string, () => string>();

	const samplesKey = (samples: readonly Sample[]) => {
		let key = samplesKeys.get(samples);
		if (key === undefined) samplesKeys.set(samples, (key = newKey('samples')));
		// The samples field alone, written by the notebook file's own serialiser.
		parts.set(key, () => serialiseNotebook({ samples } as unknown as Notebook, { compact: true }));
		return key;
	};

	const startKey = (moment: Moment) => {
		let byNotebook = startKeys.get(moment.start);
		if (!byNotebook) startKeys.set(moment.start, (byNotebook = new WeakMap()));
		let key = byNotebook.get(moment.notebook);
		if (key === undefined) byNotebook.set(moment.notebook, (key = newKey('start')));
		const samples = moment.notebook.samples;
		const table = samples && samples.length > 0 ? samplesKey(samples) : undefined;
		if (!parts.has(key))
			parts.set(key, () => {
				const notebook = startNotebook(moment);
				return serialiseNotebook(table ? { ...notebook, samples: table as never } : notebook, {
					compact: true
				});
			});
		return key;
	};

	const ref = (moment: Moment) => {
		const { pass, layer, neuron, line } = moment.snapshot.cursor;
		const edits = Object.entries(moment.trainedEdits);
		const tail =
			edits.length || line
				? `,{${edits.map(([a, x]) => `${JSON.stringify(a)}:${numberText(x)}`).join(',')}}`
				: '';
		const lines = line ? `,${line}` : '';
		return `[${JSON.stringify(startKey(moment))},${JSON.stringify(pass)},${layer},${neuron}${tail}${lines}]`;
	};

	const chunks = new Map<string, string>();
	const list = (moments: readonly Moment[]) => {
		const keys: string[] = [];
		for (let i = 0; i < moments.length; i += CHUNK) {
			const text = `[${moments
				.slice(i, i + CHUNK)
				.map(ref)
				.join(',')}]`;
			const key = chunks.get(text) ?? chunkKeys.get(text) ?? newKey('list');
			chunks.set(text, key);
			parts.set(key, () => text);
			keys.push(JSON.stringify(key));
		}
		return `[${keys.join(',')}]`;
	};

	const moment = ref(session.moment);
	const past = list(session.past);
	const future = list(session.future);
	const iterations = list(session.iterations);
	chunkKeys = chunks;
	const segments = session.segments ? `,"segments":[${session.segments.join(',')}]` : '';
	const predictions = session.predictions
		? `,"predictions":${JSON.stringify(session.predictions)}`
		: '';
	const head =
		`{"format":"${FORMAT}","version":${VERSION},"moment":${moment},` +
		`"past":${past},"future":${future},"iterations":${iterations}${segments}${predictions}}`;
	return { head, parts };
}
