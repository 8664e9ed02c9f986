import type { ActivationName } from '../maths/activations.ts';
import type { Layer, Net } from '../maths/model.ts';
import { STREAM, streamKey, uniform } from './random.ts';

/**
 * A net with every bias and weight uniform in [−1, 1), drawn in the article's
 * order: layer by layer, neuron by neuron, the bias and then its weights.
 * `sizes` is `[inputs, layer 0 neurons, layer 1 neurons, …]`.
 */
export function initialiseNet(
	sizes: readonly number[],
	activations: ActivationName | readonly ActivationName[],
	seed: number
): Net {
	const key = streamKey(seed, STREAM.init);
	let n = 0;
	const draw = () => uniform(key, n++) * 2 - 1;
	const layers: Layer[] = [];
	for (let l = 1; l < sizes.length; l++) {
		const activation = typeof activations === 'string' ? activations : activations[l - 1];
		const neurons = [];
		for (let j = 0; j < sizes[l]; j++) {
			const bias = draw();
			const weights = Array.from({ length: sizes[l - 1] }, draw);
			neurons.push({ bias, weights });
		}
		layers.push({ activation, neurons });
	}
	return { layers };
}
