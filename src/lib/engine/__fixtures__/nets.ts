/** Small nets for tests. */
import type { ActivationName } from '../maths/activations.ts';
import type { Net } from '../maths/model.ts';
import type { Notebook } from '../document/notebook.ts';
import { initialiseNet } from '../fast/init.ts';
import { createSnapshot, type Snapshot } from '../maths/snapshot.ts';

/** A 2-2-1 tanh net with round numbers, worked out by hand in passes.test.ts. */
export const handNet: Net = {
	layers: [
		{
			activation: 'tanh',
			neurons: [
				{ bias: 0.1, weights: [0.2, -0.3] },
				{ bias: -0.2, weights: [0.4, 0.1] }
			]
		},
		{ activation: 'tanh', neurons: [{ bias: 0.05, weights: [0.6, -0.5] }] }
	]
};

export const handStart = (): Snapshot =>
	createSnapshot({ net: handNet, inputs: [0.5, -1], targets: [0.25], learningRate: 0.1 });

/** A seeded snapshot of a net with `sizes` and per-layer activations, inputs and targets in (−1, 1). */
export function seededSnapshot(
	sizes: number[],
	activations: ActivationName[] | ActivationName,
	seed: number
): Snapshot {
	const net = initialiseNet(sizes, activations, seed);
	const other = initialiseNet([1, sizes[0] + sizes.at(-1)!], 'linear', seed + 1);
	const numbers = other.layers[0].neurons.map((n) => n.weights[0]);
	return createSnapshot({
		net,
		inputs: numbers.slice(0, sizes[0]),
		targets: numbers.slice(sizes[0]).map((t) => t * 0.9),
		learningRate: 0.05
	});
}

/** The article's 2-3-3-2 tanh net, seeded, as a notebook built by hand. */
export function articleNotebook(seed = 7): Notebook {
	const net = initialiseNet([2, 3, 3, 2], 'tanh', seed);
	return {
		format: 'gradsheet-notebook',
		version: 1,
		activation: 'tanh',
		learningRate: 0.001,
		inputs: [0.5, 0.25],
		targets: [0.125, 0.375],
		layers: net.layers.map((layer) => ({
			neurons: layer.neurons.map((n) => ({ bias: n.bias, weights: [...n.weights] }))
		}))
	};
}
