import { describe, expect, it } from 'vitest';
import { firstOverflow, trainOverflow } from './overflow.ts';
import { step } from './passes.ts';
import { createSnapshot, type Snapshot } from './snapshot.ts';

/** A 1-1-1 linear net: z₀ = b₀ + w₀·x, z₁ = b₁ + w₁·a₀, every number easy to work by hand. */
function linear(w: number, x: number, learningRate = 0.1, target = 1): Snapshot {
	const neuron = { bias: 0, weights: [w] };
	return createSnapshot({
		net: {
			layers: [
				{ activation: 'linear', neurons: [neuron] },
				{ activation: 'linear', neurons: [neuron] }
			]
		},
		inputs: [x],
		targets: [target],
		learningRate
	});
}

describe('the first number a step makes that is not finite', () => {
	it('is nothing while every number stays finite', () => {
		const s = linear(0.5, 2);
		expect(firstOverflow(s, step(s, 'iteration'))).toBeUndefined();
	});

	it('is the total whose product overflowed: 1e200 · 1e300 = ∞ in Forward', () => {
		// z₀ = 0 + 1e200 · 1e100 = 1e300 is still finite; z₁ = 0 + 1e200 · 1e300 is not.
		const s = linear(1e200, 1e100);
		expect(firstOverflow(s, step(s, 'pass'))).toEqual({
			address: 'layers.1.neurons.0.total',
			value: Infinity,
			pass: 'forward'
		});
	});

	it('names in Backward only what Backward made: the δ of ∞ − ∞, not Forward’s ∞ again', () => {
		// a₁ = z₁ = ∞ and E = ½(∞ − 1)² = ∞ in Forward; δ₁ = (a₁ − t)·1 = ∞ is Backward's first.
		const forward = step(linear(1e200, 1e100), 'pass');
		const backward = step(forward, 'pass');
		expect(firstOverflow(forward, backward)).toEqual({
			address: 'layers.1.neurons.0.activation_gradient',
			value: Infinity,
			pass: 'backward'
		});
	});

	it('counts a new iteration’s cells as new, whatever the last iteration held', () => {
		const done = step(linear(1e200, 1e100), 'iteration');
		const next = createSnapshot({ ...done, net: done.startNet, iteration: done.iteration + 1 });
		expect(firstOverflow(done, step(next, 'pass'))?.address).toBe('layers.1.neurons.0.total');
	});

	it('finds the parameter Train would make infinite: b ← b − η·δ with η = 1e308', () => {
		// Finite all through Backward (a₁ = 1, δ₁ = a₁ − t = 3, δ₀ = w₁·δ₁ = 3), but η·δ = 3e308 is not.
		const s = linear(1, 1, 1e308, -2);
		const backward = step(step(s, 'pass'), 'pass');
		expect(firstOverflow(s, backward)).toBeUndefined();
		const trained = step(backward, 'pass');
		// Train walks layers first to last: b₀ ← 0 − 1e308 · 3 = −∞ is the first it would write.
		expect(trainOverflow(backward, trained)).toEqual({
			address: 'layers.0.neurons.0.bias',
			value: -Infinity,
			pass: 'train'
		});
	});
});
