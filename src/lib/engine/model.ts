/**
 * The network, as the article's `Net { layers: [Layer { neurons: [Neuron] }] }`.
 * Only what a user sets lives here (bias, weights, activation); the fields the
 * passes fill in (`value`, `activation_gradient`, …) live in a Snapshot.
 */
import type { ActivationName } from './activations.ts';

/** One neuron's parameters: `weights[i]` multiplies input `i` of the layer. */
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
	maxSamples: 100_000
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
