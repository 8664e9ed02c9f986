import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../maths/activations.ts';
import type { Net, Sample } from '../maths/model.ts';
import { step } from '../maths/passes.ts';
import { lastReport, slowNeurons } from './slow.ts';
import { createSnapshot } from '../maths/snapshot.ts';

/** One layer of neurons reading two inputs, each neuron `[bias, w0, w1]`. */
function net(activation: ActivationName, neurons: readonly (readonly number[])[]): Net {
	return {
		layers: [{ activation, neurons: neurons.map(([bias, ...weights]) => ({ bias, weights })) }]
	};
}

function forward(n: Net, inputs: number[]) {
	return step(
		createSnapshot({
			net: n,
			inputs,
			targets: n.layers[0].neurons.map(() => 0),
			learningRate: 0.1
		}),
		'pass'
	);
}

const sample = (inputs: number[]): Sample => ({ inputs, targets: [0, 0] });

describe('slowNeurons', () => {
	it('marks a tanh neuron with |a| > 0.99, with f′ = 1 − a² as a calculator gives it', () => {
		// z = 3: tanh 3 = 0.99505475368673, 1 − a² = 0.00986603716544; z = 2: tanh 2 = 0.964, not saturated.
		const s = forward(
			net('tanh', [
				[0, 3, 0],
				[0, 2, 0]
			]),
			[1, 0]
		);
		const [[first, second]] = slowNeurons(s, [sample([1, 0])]);
		expect(first?.kind).toBe('saturated');
		expect(first?.short).toBe('sat.');
		expect(first?.fPrime).toBeCloseTo(0.00986603716544, 12);
		expect(first?.words).toBe(
			"Saturated: a = 0.9951 (|a| > 0.99), so tanh′(z) = 1 − a² = 0.0099: δ is scaled by it, so this neuron's weights barely move."
		);
		expect(second).toBeUndefined();
		// z = 30: tanh 30 is 1 in doubles, so f′ = 0 and nothing moves at all.
		const flat = slowNeurons(forward(net('tanh', [[0, 30, 0]]), [1, 0]), [sample([1, 0])]);
		expect(flat[0][0]?.words).toContain(
			"= 0: δ is scaled by it, so this neuron's weights do not move at all."
		);
	});

	it('marks a sigmoid near 0 and near 1, not at 0.5', () => {
		// σ(−5) = 0.0066928509, f′ = 0.0066480567; σ(5) = 0.9933071491; σ(0) = 0.5.
		const s = forward(
			net('sigmoid', [
				[-5, 0, 0],
				[5, 0, 0],
				[0, 0, 0]
			]),
			[1, 1]
		);
		const [[low, high, middle]] = slowNeurons(s, [sample([1, 1])]);
		expect(low?.fPrime).toBeCloseTo(0.0066480567, 9);
		expect(high?.fPrime).toBeCloseTo(0.0066480567, 9);
		expect(high?.words).toContain('σ′(z) = a(1 − a) = 0.0066');
		expect(middle).toBeUndefined();
	});

	it('calls a ReLU dead only when a = 0 on every sample of the last report', () => {
		// Neuron 0: z = −x0 − x1 < 0 for positive inputs; neuron 1: z = x0 − 1, 0 at (1, 0) but 1 at (2, 0).
		const s = forward(
			net('relu', [
				[0, -1, -1],
				[-1, 1, 0]
			]),
			[1, 0]
		);
		const samples = [sample([1, 0]), sample([0.5, 0.5]), sample([2, 0])];
		const [[dead, lives]] = slowNeurons(s, samples);
		expect(dead?.kind).toBe('dead');
		expect(dead?.fPrime).toBe(0);
		expect(dead?.words).toContain(
			'a = 0 on all 3 samples of the last report, so ReLU′(z) = [a > 0] = 0'
		);
		expect(lives).toBeUndefined();
		expect(slowNeurons(s, samples.slice(0, 2))[0][1]?.kind).toBe('dead');
	});

	it('never marks a leaky ReLU, and nothing before the forward pass computes it', () => {
		const leaky = forward(net('leaky_relu', [[0, -1, -1]]), [1, 1]);
		expect(slowNeurons(leaky, [sample([1, 1])])[0][0]).toBeUndefined();
		const before = createSnapshot({
			net: net('tanh', [[0, 9, 0]]),
			inputs: [1, 0],
			targets: [0],
			learningRate: 0.1
		});
		expect(slowNeurons(before, [sample([1, 0])])[0][0]).toBeUndefined();
	});
});

describe('lastReport', () => {
	it('takes the samples of the last 100 iterations up to the current one, or the first 100', () => {
		const ks: number[] = [];
		lastReport(250, (k) => (ks.push(k), sample([k, 0])));
		expect([ks.length, ks[0], ks.at(-1)]).toEqual([100, 151, 250]);
		const first = lastReport(2, (k) => sample([k, 0])).map((s) => s.inputs[0]);
		expect([first.length, first[0], first.at(-1)]).toEqual([100, 0, 99]);
	});
});
