/**
 * The number each link of the diagram stands for, in linkGeometry's order
 * (geometry.ts): its weight, or its weight's gradient once Backward has it.
 */
import type { Net } from '$lib/engine/maths/model.ts';
import { backwardDone, type Snapshot } from '$lib/engine/maths/snapshot.ts';

/** Each link's weight now, in `linkGeometry`'s order. */
export function weightNumbers(net: Net): number[] {
	return net.layers.flatMap((layer) => layer.neurons.flatMap((neuron) => neuron.weights));
}

/**
 * Each link's weight gradient in `linkGeometry`'s order, undefined until
 * backward has reached its neuron. Read from the arrays directly: parsing ten
 * thousand addresses per step would be wasted work.
 */
export function weightGradientNumbers(s: Snapshot): (number | undefined)[] {
	const out: (number | undefined)[] = [];
	s.net.layers.forEach((layer, l) =>
		layer.neurons.forEach((neuron, j) => {
			const row = backwardDone(s.cursor, l, j) ? s.weightGradients[l][j] : undefined;
			for (let i = 0; i < neuron.weights.length; i++) out.push(row?.[i]);
		})
	);
	return out;
}
