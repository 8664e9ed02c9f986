/**
 * What a version-1 notebook may hold (PRODUCT.md, "Notebook file (version 1)").
 * notebook-file.ts hands `checkNotebook` a plain JSON tree it has already made
 * safe (bounded depth, no `__proto__`-like keys, every number finite); this
 * module checks, in order: the header (so a newer file is refused for being
 * newer, not for its fields), the sizes against LIMITS (before any per-number
 * work), each field's type (valibot), and what needs the whole notebook
 * (lengths against the net's shape, the data set, override addresses).
 * Every refusal is one sentence naming the field by its path.
 */
import * as v from 'valibot';
import { ACTIVATION_NAMES } from '../maths/activations.ts';
import { addressExists, parseAddress } from '../maths/addresses.ts';
import { isComputedKind } from '../maths/cells/kinds.ts';
import { GENERATOR_NAMES, GENERATORS } from '../fast/data.ts';
import { LIMITS, layerSizes, shapeProblem } from '../maths/model.ts';
import { netOf, type Notebook } from './notebook.ts';
import { PredictionsSchema, predictionsProblem } from './predictions-schema.ts';

export type ParseResult = { ok: true; notebook: Notebook } | { ok: false; error: string };

/** The fields this version knows, in the order a notebook file writes them. */
export const NOTEBOOK_FIELDS = [
	'format',
	'version',
	'activation',
	'learningRate',
	'inputs',
	'targets',
	'layers',
	'labels',
	'samples',
	'dataset',
	'seed',
	'overrides',
	'iteration',
	'predictions'
] as const;

const FORMAT = 'gradsheet-notebook';
const VERSION = 1;

/** A user-supplied string inside a message: quoted, and short enough to read. */
export function quote(text: string): string {
	return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

function plural(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function list(names: readonly string[], conjunction: 'and' | 'or'): string {
	return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** valibot's objects accept arrays too; a notebook's objects are never arrays. */
function object<const E extends v.ObjectEntries>(entries: E) {
	return v.pipe(
		v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
		v.looseObject(entries, 'must be an object')
	);
}

function choice<const T extends readonly string[]>(names: T, what: string) {
	return v.picklist(names, (issue) =>
		typeof issue.input === 'string'
			? `is ${quote(issue.input)}, which is not a known ${what}; the known ones are ${list(names, 'and')}`
			: `must be one of ${list(names, 'or')}`
	);
}

const NUMBER = v.number('must be a number');
const NUMBERS = v.array(NUMBER, 'must be a list of numbers');
const TEXTS = v.array(v.string('must be text'), 'must be a list of texts');
const ACTIVATION = choice(ACTIVATION_NAMES, 'activation');
const SEED_MIN = -(2 ** 31);
const SEED_END = 2 ** 32;

const NotebookSchema = object({
	format: v.literal(FORMAT, `must be "${FORMAT}"`),
	version: v.literal(VERSION, `must be ${VERSION}`),
	activation: ACTIVATION,
	learningRate: NUMBER,
	inputs: NUMBERS,
	targets: NUMBERS,
	layers: v.array(
		object({
			activation: v.optional(ACTIVATION),
			neurons: v.array(object({ bias: NUMBER, weights: NUMBERS }), 'must be a list of neurons')
		}),
		'must be a list of layers'
	),
	labels: v.optional(object({ inputs: v.optional(TEXTS), outputs: v.optional(TEXTS) })),
	samples: v.optional(
		v.array(object({ inputs: NUMBERS, targets: NUMBERS }), 'must be a list of rows')
	),
	dataset: v.optional(choice(GENERATOR_NAMES, 'data set')),
	seed: v.optional(
		v.pipe(
			NUMBER,
			v.check(
				(n) => Number.isInteger(n) && n >= SEED_MIN && n < SEED_END,
				`must be a whole number from ${SEED_MIN} to ${SEED_END - 1}`
			)
		)
	),
	overrides: v.optional(
		v.pipe(
			v.custom<Record<string, unknown>>(isRecord, 'must be an object'),
			v.record(v.string(), NUMBER, 'must be an object')
		)
	),
	iteration: v.optional(
		v.pipe(
			NUMBER,
			v.check(
				(n) => Number.isSafeInteger(n) && n >= 0 && n <= LIMITS.maxIteration,
				`must be a whole number from 0 to ${LIMITS.maxIteration}`
			)
		)
	),
	predictions: v.optional(PredictionsSchema)
});

/** The first schema issue as a sentence: the field's path, then the problem. */
function explain(issue: v.BaseIssue<unknown>): string {
	const path = v.getDotPath(issue) ?? 'the notebook';
	const last = issue.path?.at(-1);
	if (last && 'origin' in last && last.origin === 'key') return `${path} is missing`;
	return `${path} ${issue.message}`;
}

function headerProblem(tree: Record<string, unknown>): string | undefined {
	if (tree.format !== FORMAT)
		return `this is not a Gradsheet notebook: "format" must be "${FORMAT}"`;
	const { version } = tree;
	if (typeof version === 'number' && Number.isInteger(version) && version > VERSION)
		return `this notebook was written by a newer Gradsheet (version ${version}); this one reads version ${VERSION}`;
	if (version === undefined) return 'version is missing';
	if (version !== VERSION) return `version must be ${VERSION}`;
	return undefined;
}

/** Sizes against LIMITS, read off the raw tree so that nothing big is walked twice. */
function sizeProblem(tree: Record<string, unknown>): string | undefined {
	const { layers, samples } = tree;
	if (Array.isArray(layers)) {
		if (layers.length > LIMITS.maxLayers)
			return `the network has ${layers.length} layers; the limit is ${LIMITS.maxLayers}`;
		let weights = 0;
		for (const [l, layer] of layers.entries()) {
			const neurons: unknown = isRecord(layer) ? layer.neurons : undefined;
			if (!Array.isArray(neurons)) continue;
			if (neurons.length > LIMITS.maxNeuronsPerLayer)
				return `layer ${l} has ${neurons.length} neurons; the limit is ${LIMITS.maxNeuronsPerLayer}`;
			for (const [j, neuron] of neurons.entries()) {
				const w: unknown = isRecord(neuron) ? neuron.weights : undefined;
				if (!Array.isArray(w)) continue;
				if (l === 0 && w.length > LIMITS.maxInputs)
					return `layers.0.neurons.${j}.weights has ${w.length} weights, one per input; the limit is ${LIMITS.maxInputs} inputs`;
				weights += w.length;
			}
		}
		if (weights > LIMITS.maxWeights)
			return `the network has ${weights} weights; the limit is ${LIMITS.maxWeights}`;
	}
	if (Array.isArray(samples) && samples.length > LIMITS.maxSamples)
		return `samples has ${samples.length} rows; the limit is ${LIMITS.maxSamples}`;
	return undefined;
}

/** Whether `key` addresses a computed cell (one an override may pin) of a net of these sizes. */
function isComputedCell(key: string, sizes: readonly number[]): boolean {
	const a = parseAddress(key);
	return a !== undefined && isComputedKind(a.kind) && addressExists(a, sizes);
}

/** What needs the whole notebook: every length against the net's shape. */
function fitProblem(notebook: Notebook): string | undefined {
	const net = netOf(notebook);
	const shape = shapeProblem(net);
	if (shape) return shape;
	const sizes = layerSizes(net);
	const inputs = sizes[0];
	const outputs = sizes[sizes.length - 1];
	const reads = `the network reads ${plural(inputs, 'input')}`;
	const has = `the network has ${plural(outputs, 'output')}`;
	if (notebook.inputs.length !== inputs)
		return `inputs has ${plural(notebook.inputs.length, 'number')}; ${reads}`;
	if (notebook.targets.length !== outputs)
		return `targets has ${plural(notebook.targets.length, 'number')}; ${has}`;
	const { labels, samples, dataset, overrides, predictions } = notebook;
	if (labels?.inputs && labels.inputs.length !== inputs)
		return `labels.inputs has ${plural(labels.inputs.length, 'label')}; ${reads}`;
	if (labels?.outputs && labels.outputs.length !== outputs)
		return `labels.outputs has ${plural(labels.outputs.length, 'label')}; ${has}`;
	for (const [k, row] of (samples ?? []).entries()) {
		if (row.inputs.length !== inputs)
			return `samples.${k}.inputs has ${plural(row.inputs.length, 'number')}; ${reads}`;
		if (row.targets.length !== outputs)
			return `samples.${k}.targets has ${plural(row.targets.length, 'number')}; ${has}`;
	}
	if (dataset !== undefined) {
		const gives = GENERATORS[dataset];
		if (gives.inputs !== inputs || gives.targets !== outputs)
			return `dataset "${dataset}" gives ${plural(gives.inputs, 'input')} and ${plural(gives.targets, 'target')}; ${reads} and has ${plural(outputs, 'output')}`;
	}
	for (const key of Object.keys(overrides ?? {})) {
		if (!isComputedCell(key, sizes))
			return `overrides has ${quote(key)}, which is not the address of a computed cell of this network`;
	}
	return predictions ? predictionsProblem(predictions, sizes) : undefined;
}

/** Checks a safe JSON tree (see notebook-file.ts) and types it as a Notebook. */
export function checkNotebook(tree: unknown): ParseResult {
	if (!isRecord(tree)) return { ok: false, error: 'the notebook must be a JSON object' };
	const early = headerProblem(tree) ?? sizeProblem(tree);
	if (early) return { ok: false, error: early };
	const parsed = v.safeParse(NotebookSchema, tree, { abortEarly: true });
	if (!parsed.success) return { ok: false, error: explain(parsed.issues[0]) };
	const notebook: Notebook = parsed.output;
	const problem = fitProblem(notebook);
	return problem ? { ok: false, error: problem } : { ok: true, notebook };
}
