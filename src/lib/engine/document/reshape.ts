/**
 * Changing a notebook's network: how many inputs it reads, its layers and
 * their neurons, each layer's activation, and seeded re-initialisation.
 *
 * A bias keeps its number when its place survives (the same layer, the same
 * neuron); a weight when its input index survives too. A layer keeps its
 * identity when others are inserted or removed around it: removing hidden
 * layer 1 of four leaves old layer 2 as the new layer 1, with its weights.
 * Every new bias and weight takes the number a re-initialisation of the new
 * shape with the notebook's seed would give it (init.ts), so removing a
 * neuron and adding it back to a freshly seeded net restores its numbers.
 *
 * The inputs and outputs belong to the data as much as to the net: changing
 * their count resizes the inputs, targets, labels and every sample row (new
 * numbers 0, new labels empty). A generator fixes its own counts, so while one
 * supplies the samples they cannot change.
 */
import { formatCount } from './number-text.ts';
import type { ActivationName } from '../maths/activations.ts';
import { addressExists, parseAddress } from '../maths/addresses.ts';
import { GENERATORS, sampleAt } from '../fast/data.ts';
import { initialiseNet } from '../fast/init.ts';
import { LIMITS, layerSizes } from '../maths/model.ts';
import { dataSourceOf, netOf, type Notebook, type NotebookLayer } from './notebook.ts';

/** A network's shape, and where each layer's numbers come from. */
export interface Shape {
	/** `[inputs, layer 0 neurons, layer 1 neurons, …]` */
	readonly sizes: readonly number[];
	/** Each layer's activation. */
	readonly activations: readonly ActivationName[];
	/** For each layer, the old layer whose numbers it keeps, or undefined for a new layer. */
	readonly origins: readonly (number | undefined)[];
}

export type Reshaped = { ok: true; notebook: Notebook } | { ok: false; error: string };

/** Seeds are stored as 32-bit integers, signed or not (notebook-schema.ts). */
const SEED_MIN = -(2 ** 31);
const SEED_MAX = 2 ** 32 - 1;

/** The notebook's shape as it is: every layer its own origin. */
export function shapeOf(notebook: Notebook): Shape {
	const net = netOf(notebook);
	return {
		sizes: layerSizes(net),
		activations: net.layers.map((layer) => layer.activation),
		origins: net.layers.map((_, l) => l)
	};
}

/** The first limit (model.ts, LIMITS) that `sizes` breaks, in words. */
function limitProblem(sizes: readonly number[]): string | undefined {
	const layers = sizes.length - 1;
	if (layers < 1) return 'the network needs at least one layer';
	if (layers > LIMITS.maxLayers)
		return `a network can have at most ${LIMITS.maxLayers} layers (${LIMITS.maxLayers - 1} hidden and the output)`;
	if (sizes[0] < 1) return 'the network needs at least one input';
	if (sizes[0] > LIMITS.maxInputs) return `a network can read at most ${LIMITS.maxInputs} inputs`;
	for (let l = 0; l < layers; l++) {
		if (sizes[l + 1] < 1) return `layer ${l} needs at least one neuron`;
		if (sizes[l + 1] > LIMITS.maxNeuronsPerLayer)
			return `a layer can have at most ${LIMITS.maxNeuronsPerLayer} neurons`;
	}
	let weights = 0;
	for (let l = 0; l < layers; l++) weights += sizes[l] * sizes[l + 1];
	if (weights > LIMITS.maxWeights)
		return `that network would have ${formatCount(weights)} weights; the limit is ${formatCount(LIMITS.maxWeights)}`;
	return undefined;
}

/** The notebook with the network reshaped to `shape`; its data follows the input and output counts. */
export function reshape(notebook: Notebook, shape: Shape, seed = notebook.seed ?? 0): Reshaped {
	const { sizes, activations, origins } = shape;
	if (sizes.some((n) => !Number.isSafeInteger(n)))
		return { ok: false, error: 'a count must be a whole number' };
	const problem = limitProblem(sizes);
	if (problem) return { ok: false, error: problem };
	const fitted = fitData(notebook, sizes[0], sizes[sizes.length - 1]);
	if (typeof fitted === 'string') return { ok: false, error: fitted };
	const fresh = initialiseNet(sizes, activations, seed);
	const layers = fresh.layers.map((layer, l): NotebookLayer => {
		const origin = origins[l];
		const old = origin === undefined ? undefined : notebook.layers[origin];
		const neurons = layer.neurons.map((neuron, j) => {
			const kept = old?.neurons[j];
			if (!kept) return neuron;
			return {
				bias: kept.bias,
				weights: neuron.weights.map((w, i) => (i < kept.weights.length ? kept.weights[i] : w))
			};
		});
		return withActivation({ ...old, neurons }, activations[l], notebook.activation);
	});
	return { ok: true, notebook: withoutStalePins({ ...fitted, layers }, sizes) };
}

/** A layer that names its activation only when it differs from the notebook's default. */
function withActivation(
	layer: NotebookLayer,
	activation: ActivationName,
	fallback: ActivationName
): NotebookLayer {
	const { activation: _, ...rest } = layer;
	return activation === fallback ? rest : { ...rest, activation };
}

/** `list` cut or padded with `fill` to length `n`. */
function resized<T>(list: readonly T[], n: number, fill: T): T[] {
	return Array.from({ length: n }, (_, i) => (i < list.length ? list[i] : fill));
}

/** The notebook's data resized to `inputs` and `outputs`, or why it cannot be. */
function fitData(notebook: Notebook, inputs: number, outputs: number): Notebook | string {
	const same = notebook.inputs.length === inputs && notebook.targets.length === outputs;
	if (same) return notebook;
	const source = dataSourceOf(notebook);
	if (source.kind === 'generator') {
		const g = GENERATORS[source.name];
		return `the ${source.name} generator gives ${g.inputs} inputs and ${g.targets} targets; to change them, take the samples from a table or fixed inputs instead (Data)`;
	}
	const { labels, samples, dataset: _, ...rest } = notebook;
	return {
		...rest,
		inputs: resized(notebook.inputs, inputs, 0),
		targets: resized(notebook.targets, outputs, 0),
		...(labels
			? {
					labels: {
						...labels,
						...(labels.inputs ? { inputs: resized(labels.inputs, inputs, '') } : {}),
						...(labels.outputs ? { outputs: resized(labels.outputs, outputs, '') } : {})
					}
				}
			: {}),
		...(samples
			? {
					samples: samples.map((row) => ({
						inputs: resized(row.inputs, inputs, 0),
						targets: resized(row.targets, outputs, 0)
					}))
				}
			: {})
	};
}

/** Pins on cells the new shape no longer has are dropped. */
function withoutStalePins(notebook: Notebook, sizes: readonly number[]): Notebook {
	const { overrides, ...rest } = notebook;
	if (!overrides) return notebook;
	const kept = Object.entries(overrides).filter(([key]) => {
		const a = parseAddress(key);
		return a !== undefined && addressExists(a, sizes);
	});
	return kept.length > 0 ? { ...rest, overrides: Object.fromEntries(kept) } : rest;
}

function withSize(shape: Shape, index: number, count: number): Shape {
	return { ...shape, sizes: shape.sizes.map((n, i) => (i === index ? count : n)) };
}

/** Reads `count` inputs: layer 0 gains or loses weights at the end of each neuron. */
export function setInputCount(notebook: Notebook, count: number): Reshaped {
	return reshape(notebook, withSize(shapeOf(notebook), 0, count));
}

/** Gives layer `l` `count` neurons: the layer after it gains or loses weights to match. */
export function setNeuronCount(notebook: Notebook, l: number, count: number): Reshaped {
	if (l < 0 || l >= notebook.layers.length) return { ok: false, error: `there is no layer ${l}` };
	return reshape(notebook, withSize(shapeOf(notebook), l + 1, count));
}

/**
 * Inserts a hidden layer before layer `at` (the output layer by default),
 * with as many neurons as the layer it reads: the layer after it then reads
 * as many values as before and keeps every weight.
 */
export function insertLayer(
	notebook: Notebook,
	at = notebook.layers.length - 1,
	activation: ActivationName = notebook.activation
): Reshaped {
	if (at < 0 || at >= notebook.layers.length)
		return { ok: false, error: 'a hidden layer goes before the output layer' };
	const { sizes, activations, origins } = shapeOf(notebook);
	return reshape(notebook, {
		sizes: [...sizes.slice(0, at + 1), sizes[at], ...sizes.slice(at + 1)],
		activations: [...activations.slice(0, at), activation, ...activations.slice(at)],
		origins: [...origins.slice(0, at), undefined, ...origins.slice(at)]
	});
}

/** Removes hidden layer `l`; the layer after it now reads layer l − 1 (or the inputs). */
export function removeLayer(notebook: Notebook, l: number): Reshaped {
	const last = notebook.layers.length - 1;
	if (l === last) return { ok: false, error: 'the output layer cannot be removed' };
	if (l < 0 || l > last) return { ok: false, error: `there is no layer ${l}` };
	const { sizes, activations, origins } = shapeOf(notebook);
	return reshape(notebook, {
		sizes: sizes.filter((_, i) => i !== l + 1),
		activations: activations.filter((_, i) => i !== l),
		origins: origins.filter((_, i) => i !== l)
	});
}

/** Layer `l` with `activation`; every number stays. */
export function setActivation(notebook: Notebook, l: number, activation: ActivationName): Reshaped {
	if (l < 0 || l >= notebook.layers.length) return { ok: false, error: `there is no layer ${l}` };
	const shape = shapeOf(notebook);
	return reshape(notebook, {
		...shape,
		activations: shape.activations.map((a, i) => (i === l ? activation : a))
	});
}

/** Why `seed` cannot seed a notebook, or undefined. */
export function seedProblem(seed: number): string | undefined {
	return Number.isInteger(seed) && seed >= SEED_MIN && seed <= SEED_MAX
		? undefined
		: `a seed is a whole number from ${SEED_MIN} to ${SEED_MAX}`;
}

/**
 * Training from the start: every bias and weight drawn afresh from `seed`
 * (exactly `initialiseNet(sizes, activations, seed)`), the iteration count
 * back to 0, and the inputs and targets sample 0 of a table or generator.
 * The seed also seeds the generator, so its samples change with it.
 */
export function reinitialise(notebook: Notebook, seed: number): Reshaped {
	const problem = seedProblem(seed);
	if (problem) return { ok: false, error: problem };
	const { sizes, activations } = shapeOf(notebook);
	const fresh = initialiseNet(sizes, activations, seed);
	const layers = fresh.layers.map((layer, l) =>
		withActivation(
			{ ...notebook.layers[l], neurons: layer.neurons },
			activations[l],
			notebook.activation
		)
	);
	const seeded: Notebook = { ...notebook, layers, seed, iteration: 0 };
	const source = dataSourceOf(seeded);
	const sample = source.kind === 'fixed' ? undefined : sampleAt(source, 0);
	return {
		ok: true,
		notebook: sample ? { ...seeded, inputs: sample.inputs, targets: sample.targets } : seeded
	};
}
