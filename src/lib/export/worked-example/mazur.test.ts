/**
 * The worked example of the 2-2-2 net of Matt Mazur's step-by-step
 * backpropagation post, held to figures this test works out itself from the
 * maths (the logistic function and the chain rule), not copied from the post.
 * Gradsheet's `weights[i]` multiplies input i, so hidden neuron h1 has the
 * weights from i1 and i2 (his w1, w2), h2 his w3, w4, o1 his w5, w6, o2 w7, w8.
 */
import { describe, expect, test } from 'vitest';
import { address } from '$lib/engine/maths/addresses.ts';
import type { Net } from '$lib/engine/maths/model.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { createSnapshot } from '$lib/engine/maths/snapshot.ts';
import { workedExample } from './build.ts';
import { workedMarkdown } from './markdown.ts';
import { readBack, showsNumber } from './testing/read-back.ts';

const inputs = [0.05, 0.1];
const targets = [0.01, 0.99];
const rate = 0.5;
const hidden = {
	biases: [0.35, 0.35],
	weights: [
		[0.15, 0.2],
		[0.25, 0.3]
	]
};
const output = {
	biases: [0.6, 0.6],
	weights: [
		[0.4, 0.45],
		[0.5, 0.55]
	]
};

const net: Net = {
	layers: [hidden, output].map(({ biases, weights }) => ({
		activation: 'sigmoid',
		neurons: biases.map((bias, j) => ({ bias, weights: weights[j] }))
	}))
};

/** The whole iteration worked out by hand: σ, E = ½ Σ (a − t)², and the chain rule. */
function byHand(): Map<string, number> {
	const sigma = (z: number) => 1 / (1 + Math.exp(-z));
	const out = new Map<string, number>();
	const layers = [hidden, output];
	const values: number[][] = [];
	let reads = inputs;
	for (const [l, { biases, weights }] of layers.entries()) {
		const totals = biases.map((b, j) => b + weights[j][0] * reads[0] + weights[j][1] * reads[1]);
		values[l] = totals.map(sigma);
		totals.forEach((z, j) => out.set(address.neuron(l, j, 'total'), z));
		values[l].forEach((a, j) => out.set(address.neuron(l, j, 'value'), a));
		reads = values[l];
	}
	const [h, o] = values;
	out.set('loss', 0.5 * ((o[0] - targets[0]) ** 2 + (o[1] - targets[1]) ** 2));
	targets.forEach((t, k) => out.set(address.errorPercent(k), (Math.abs(t - o[k]) / t) * 100));
	// ∂E/∂z of an output: ∂E/∂a · ∂a/∂z = (a − t) · σ′, with σ′ = a (1 − a).
	const deltaO = o.map((a, k) => (a - targets[k]) * a * (1 - a));
	// Of a hidden neuron: the outputs' δ carried back along the weights from it, times its σ′.
	const deltaH = h.map(
		(a, j) => (deltaO[0] * output.weights[0][j] + deltaO[1] * output.weights[1][j]) * a * (1 - a)
	);
	const deltas = [deltaH, deltaO];
	const from = [inputs, h];
	for (const [l, { biases, weights }] of layers.entries()) {
		deltas[l].forEach((d, j) => {
			out.set(address.neuron(l, j, 'activation_gradient'), d);
			out.set(address.neuron(l, j, 'bias_gradient'), d);
			out.set(address.neuron(l, j, 'bias'), biases[j] - rate * d);
			from[l].forEach((x, i) => {
				out.set(address.weightGradient(l, j, i), x * d);
				out.set(address.weight(l, j, i), weights[j][i] - rate * x * d);
			});
		});
	}
	return out;
}

describe("Mazur's 2-2-2 example's worked example", () => {
	const start = createSnapshot({ net, inputs, targets, learningRate: rate });
	const expected = byHand();

	test.each([4, 9])('at %i digits, every computed number is the hand-worked one', (digits) => {
		const s = step(start, 'iteration');
		const lines = readBack(workedMarkdown(workedExample(s, digits), digits), [2, 2, 2]);
		const computed = lines.filter((l) => l.computed);
		// Every cell the hand working has, exactly once: 4 z and a, E and 2 error %, 4 δ,
		// 4 bias gradients, 8 weight gradients, then the 4 biases and 8 weights Train updates.
		expect(computed.map((l) => l.address).sort()).toEqual([...expected.keys()].sort());
		for (const line of computed)
			expect(
				showsNumber(line.result, expected.get(line.address)!),
				`${line.address}: ${line.result.text} against ${expected.get(line.address)}`
			).toBe(true);
	});

	test('the numbers set are written as given', () => {
		const lines = readBack(workedMarkdown(workedExample(start, 9), 9), [2, 2, 2]);
		const given = new Map(lines.filter((l) => !l.computed).map((l) => [l.address, l.result.value]));
		expect(given.get('inputs.1')).toBe(0.1);
		expect(given.get('targets.0')).toBe(0.01);
		expect(given.get('learning_rate')).toBe(0.5);
		expect(given.get('layers.0.neurons.1.weights.0')).toBe(0.25);
		expect(given.get('layers.1.neurons.0.weights.1')).toBe(0.45);
		expect(given.get('layers.1.neurons.1.bias')).toBe(0.6);
	});
});
