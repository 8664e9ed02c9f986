/**
 * The network, as the article's `Net { layers: [Layer { neurons: [Neuron] }] }`.
 * Only what a user sets lives here (bias, weights, activation); the fields the
 * passes fill in (`value`, `activation_gradient`, …) live in a Snapshot.
 */
import type { ActivationName } from './activations.ts';

/** One neuron's parameters: `weights[i]` multiplies input `i` of the layer. */
/** One example: the inputs fed forward and the targets the outputs are compared with. */
export interface Sample {
	readonly inputs: readonly number[];
	readonly targets: readonly number[];
}

export interface Neuron {
	readonly bias: number;
	readonly weights: readonly number[];
}

export interface Layer {
	readonly activation: ActivationName;
	readonly neurons: readonly Neuron[];
}

/** Layer 0 reads the inputs; layer l reads layer l − 1's values. */
export interface Net {
	readonly layers: readonly Layer[];
}

/** Limits on what a notebook may hold, so that no file or link can hang the page. */
export const LIMITS = {
	maxLayers: 16,
	maxNeuronsPerLayer: 256,
	maxInputs: 256,
	maxWeights: 100_000,
	maxSamples: 100_000,
	/**
	 * The most iterations a notebook counts as done (`iteration`). A round
	 * number under 2⁵³ (about 9.007e15), so that every count up to it and one
	 * past it stays an exact whole number in a double; at the fastest run
	 * (about 5 million iterations a second) it is over six years of training.
	 */
	maxIteration: 1e15
} as const;

/** `[inputs, layer 0 neurons, layer 1 neurons, …]`. */
export function layerSizes(net: Net): number[] {
	const first = net.layers[0];
	const inputCount = first && first.neurons.length > 0 ? first.neurons[0].weights.length : 0;
	return [inputCount, ...net.layers.map((layer) => layer.neurons.length)];
}

function inputCount(net: Net): number {
	return layerSizes(net)[0];
}

/** The first reason `net` is not a well-formed fully-connected net, or undefined. */
export function shapeProblem(net: Net): string | undefined {
	if (net.layers.length === 0) return 'the network has no layers';
	let previous = inputCount(net);
	if (previous === 0) return 'layer 0 has no weights: the network reads no inputs';
	for (const [l, layer] of net.layers.entries()) {
		if (layer.neurons.length === 0) return `layer ${l} has no neurons`;
		for (const [j, neuron] of layer.neurons.entries()) {
			if (neuron.weights.length !== previous)
				return `layers.${l}.neurons.${j}.weights has ${neuron.weights.length} weights; it needs ${previous}, one per ${l === 0 ? 'input' : `neuron of layer ${l - 1}`}`;
		}
		previous = layer.neurons.length;
	}
	return undefined;
}

/**
 * Where one bias or weight sits: neuron `neuron` of layer `layer`, its bias
 * when `index` is undefined, else its weight `index` (it multiplies input
 * `index` of the layer).
 */
export interface ParameterPlace {
	readonly layer: number;
	readonly neuron: number;
	readonly index: number | undefined;
}

/**
 * Every bias and weight of a net with `sizes` (layerSizes), in the article's
 * order, the one order of the parameters everywhere: layer by layer, neuron by
 * neuron, each neuron's bias and then its weights. The trainer's and kernel's
 * flat arrays, the gradient check, the unrolled sheet and the tests follow it.
 */
export function parameterPlaces(sizes: readonly number[]): ParameterPlace[] {
	const places: ParameterPlace[] = [];
	for (let layer = 0; layer + 1 < sizes.length; layer++)
		for (let neuron = 0; neuron < sizes[layer + 1]; neuron++) {
			places.push({ layer, neuron, index: undefined });
			for (let index = 0; index < sizes[layer]; index++) places.push({ layer, neuron, index });
		}
	return places;
}

/** How many places parameterPlaces(sizes) lists, without listing them. */
export function parameterCount(sizes: readonly number[]): number {
	let count = 0;
	for (let l = 1; l < sizes.length; l++) count += (sizes[l - 1] + 1) * sizes[l];
	return count;
}

/** The number at `place` in `net` (undefined where `net` has no such parameter). */
export function parameterAt(
	net: Net,
	{ layer, neuron, index }: ParameterPlace
): number | undefined {
	const n = net.layers[layer]?.neurons[neuron];
	return index === undefined ? n?.bias : n?.weights[index];
}

/** Every bias and weight of `net` as one flat list, in parameterPlaces's order. */
export function parameterValues(net: Net): number[] {
	return parameterPlaces(layerSizes(net)).map((place) => parameterAt(net, place)!);
}

/** `net`'s shape and activations with the flat `values` (parameterPlaces's order) as its parameters. */
export function withParameterValues(net: Net, values: ArrayLike<number>): Net {
	const sizes = layerSizes(net);
	const layers = net.layers.map((layer) => ({
		activation: layer.activation,
		neurons: layer.neurons.map(() => ({ bias: 0, weights: [] as number[] }))
	}));
	parameterPlaces(sizes).forEach(({ layer, neuron, index }, p) => {
		const n = layers[layer].neurons[neuron];
		if (index === undefined) n.bias = values[p];
		else n.weights.push(values[p]);
	});
	return { layers };
}

/** `net` with the bias or weight at (layer, neuron[, index]) set to `value`. */
export function withParameter(
	net: Net,
	layer: number,
	neuron: number,
	index: number | undefined,
	value: number
): Net {
	const layers = [...net.layers];
	const neurons = [...layers[layer].neurons];
	const old = neurons[neuron];
	neurons[neuron] =
		index === undefined
			? { ...old, bias: value }
			: { ...old, weights: old.weights.map((w, i) => (i === index ? value : w)) };
	layers[layer] = { ...layers[layer], neurons };
	return { ...net, layers };
}
