import type { Net } from '../../src/lib/engine/model.ts';

/** Every bias and weight of `net`, in the trainer's flat order. */
export const paramsOf = (net: Net): number[] =>
	net.layers.flatMap((l) => l.neurons.flatMap((x) => [x.bias, ...x.weights]));
