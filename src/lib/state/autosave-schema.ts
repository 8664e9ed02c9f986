/**
 * What an autosave may hold, as valibot schemas in the manner of the notebook
 * file's (engine/document/notebook-schema.ts): the header, a moment's
 * `[start, pass, layer, neuron, edits?, line?]` and the history lists, each
 * refusal one phrase saying what is wrong. Version 1 (one text in
 * localStorage) names a start by its index in `starts`; version 2 (parts in
 * IndexedDB, autosave-parts.ts) by the key of its part. What needs more than
 * the shape — a start that exists, the notebook it names, a cursor that is a
 * step of that notebook's net, edits of its parameters — autosave-read.ts
 * checks after.
 */
import * as v from 'valibot';
import { PASSES } from '$lib/engine/maths/snapshot.ts';

export const FORMAT = 'gradsheet-autosave';
export const VERSION = 2;
/** The version localStorage held before IndexedDB: read once, moved, removed. */
export const LEGACY_VERSION = 1;

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** What is wrong with the header, by field, whether the field is missing or wrong. */
const HEADER = {
	format: 'it is not a Gradsheet autosave',
	version: `it is not version ${LEGACY_VERSION} or ${VERSION}`,
	starts: 'its notebooks are missing'
} as const;

const Header = v.pipe(
	v.custom<Record<string, unknown>>(isRecord, HEADER.format),
	v.looseObject(
		{
			format: v.literal(FORMAT, HEADER.format),
			version: v.picklist([LEGACY_VERSION, VERSION], HEADER.version)
		},
		HEADER.format
	),
	v.check((head) => head.version !== LEGACY_VERSION || Array.isArray(head.starts), HEADER.starts)
);

const SHAPE = 'a moment is not [notebook, pass, layer, neuron]';
const NO_PASS = 'a moment has no valid pass';
const WHOLE = v.pipe(v.number(NO_PASS), v.integer(NO_PASS));
/** The message of a start index outside the table, which autosave.ts checks against it. */
export const NO_NOTEBOOK = 'a moment points to no notebook';

export const NO_LINE = "a moment's line is not a line of its neuron";

const Moment = v.pipe(
	v.array(v.unknown(), SHAPE),
	v.minLength(4, SHAPE),
	v.maxLength(6, SHAPE),
	v.strictTuple(
		[
			v.union(
				[
					v.pipe(v.number(NO_NOTEBOOK), v.integer(NO_NOTEBOOK), v.minValue(0, NO_NOTEBOOK)),
					v.pipe(v.string(NO_NOTEBOOK), v.maxLength(100, NO_NOTEBOOK))
				],
				NO_NOTEBOOK
			),
			v.picklist(PASSES, NO_PASS),
			WHOLE,
			WHOLE,
			v.optional(
				v.pipe(
					v.custom<Record<string, unknown>>(isRecord, "a moment's edits are not an object"),
					v.record(v.string(), v.unknown())
				)
			),
			// The lines "Next line" has run inside the neuron (Cursor.line); absent at its start.
			v.optional(v.pipe(v.number(NO_LINE), v.integer(NO_LINE), v.minValue(1, NO_LINE)))
		],
		SHAPE
	)
);
export type MomentRef = v.InferOutput<typeof Moment>;

const History = v.array(v.unknown(), 'a history list is missing');

const Segments = v.array(v.pipe(v.number(), v.integer(), v.minValue(0)));

/** `input` as `schema` reads it, or the phrase saying what is wrong first. */
function read<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): { ok: true; value: v.InferOutput<S> } | { ok: false; problem: string } {
	const result = v.safeParse(schema, input, { abortEarly: true });
	if (result.success) return { ok: true, value: result.output };
	const issue = result.issues[0];
	// A missing header field is reported by the object; say which field it is.
	const key = issue.path?.[0]?.key;
	const problem =
		schema === (Header as v.GenericSchema) && typeof key === 'string' && key in HEADER
			? HEADER[key as keyof typeof HEADER]
			: issue.message;
	return { ok: false, problem };
}

export const readHeader = (tree: unknown) => read(Header, tree);
export const readMoment = (item: unknown) => read(Moment, item);
export const readHistory = (list: unknown) => read(History, list);

/**
 * The history panel's segment numbers, one per saved iteration; undefined
 * when the save has none (it predates them) or they do not fit, and the
 * panel then tells the networks apart by their shapes.
 */
export function readSegments(segments: unknown, iterations: number): number[] | undefined {
	const read = v.safeParse(Segments, segments);
	return read.success && read.output.length === iterations ? read.output : undefined;
}
