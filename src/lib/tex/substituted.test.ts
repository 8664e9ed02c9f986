/**
 * Substituted formulas read like the maths: a centred dot between factors,
 * negative numbers in brackets, powers of ten bracketed under a power, a real
 * minus sign everywhere. Hand-worked on nets small enough to follow.
 */
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '$lib/engine/maths/activations.ts';
import { cellGraph } from '$lib/engine/maths/cells/graph.ts';
import type { Net } from '$lib/engine/maths/model.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { createSnapshot } from '$lib/engine/maths/snapshot.ts';
import { seededSnapshot } from '$lib/engine/__fixtures__/nets.ts';
import { cellTex } from './formula.ts';
import { renderTexStrict } from './katex.ts';

/**
 * 1-1-1: z⁰ = −0.5 + 0.25·(−0.4) = −0.6; a⁰ pinned to −1.5e−7 (tanh would give −0.537);
 * z¹ = 0.125 + (−2)·(−1.5e−7) = 0.1250003 = a¹ (linear); t = −0.75; η = 0.1.
 */
const chain: Net = {
	layers: [
		{ activation: 'tanh', neurons: [{ bias: -0.5, weights: [0.25] }] },
		{ activation: 'linear', neurons: [{ bias: 0.125, weights: [-2] }] }
	]
};
const done = step(
	createSnapshot({
		net: chain,
		inputs: [-0.4],
		targets: [-0.75],
		learningRate: 0.1,
		overrides: { 'layers.0.neurons.0.value': -1.5e-7 }
	}),
	'iteration'
);
const tex = (address: string) => cellTex(done, address);

describe('substituted formulas, every kind of cell', () => {
	it.each([
		// A total: · between weight and input, negatives bracketed, the pinned tiny value as a power of ten.
		['layers.0.neurons.0.total', '(-0.5) + 0.25 \\cdot (-0.4)', '-0.6'],
		['layers.1.neurons.0.total', '0.125 + (-2) \\cdot (-1.5 \\times 10^{-7})', '0.125'],
		// A value: its total alone inside the function; the pinned cell's result is its pin.
		['layers.0.neurons.0.value', '\\tanh(-0.6)', '-1.5 \\times 10^{-7}'],
		['layers.1.neurons.0.value', '0.125', '0.125'],
		['loss', '\\tfrac12 \\cdot \\left((0.125 - (-0.75))^2\\right)', '0.3828'],
		[
			'errors_percent.0',
			'\\frac{\\lvert (-0.75) - 0.125 \\rvert}{\\lvert -0.75 \\rvert} \\cdot 100',
			'116.7'
		],
		// The last layer's δ (linear: f′ = 1), then the hidden one: a tiny negative base squared, bracketed.
		['layers.1.neurons.0.activation_gradient', '1 \\cdot (0.125 - (-0.75))', '0.875'],
		[
			'layers.0.neurons.0.activation_gradient',
			'(1 - (-1.5 \\times 10^{-7})^2) \\cdot \\left(0.875 \\cdot (-2)\\right)',
			'-1.75'
		],
		['layers.0.neurons.0.bias_gradient', '-1.75', '-1.75'],
		['layers.0.neurons.0.weight_gradients.0', '(-0.4) \\cdot (-1.75)', '0.7'],
		[
			'layers.1.neurons.0.weight_gradients.0',
			'(-1.5 \\times 10^{-7}) \\cdot 0.875',
			'-1.313 \\times 10^{-7}'
		],
		['layers.0.neurons.0.bias', '(-0.5) - 0.1 \\cdot (-1.75)', '-0.325'],
		['layers.1.neurons.0.weights.0', '(-2) - 0.1 \\cdot (-1.313 \\times 10^{-7})', '-1.99999999']
	])('%s = %s = %s', (address, substituted, result) => {
		expect(tex(address).substituted).toBe(substituted);
		expect(tex(address).result).toBe(result);
	});

	it('keeps juxtaposition in symbols, where maths writes products so', () => {
		expect(tex('layers.1.neurons.0.total').symbols).toBe(
			'z^{(1)}_{0} = b^{(1)}_{0} + w^{(1)}_{0,0} \\, a^{(0)}_{0}'
		);
		expect(tex('layers.1.neurons.0.weight_gradients.0').symbols).toBe(
			'\\frac{\\partial E}{\\partial w^{(1)}_{0,0}} = a^{(0)}_{0} \\, \\delta^{(1)}_{0}'
		);
	});

	it.each<[ActivationName, string]>([
		['tanh', '(1 - (-0.2)^2) \\cdot ((-0.2) - 0.3)'],
		['sigmoid', '(-0.2) \\cdot (1 - (-0.2)) \\cdot ((-0.2) - 0.3)'],
		['relu', '[(-0.2)> 0] \\cdot ((-0.2) - 0.3)'],
		['leaky_relu', '([(-0.2)> 0] + 0.01 \\cdot [(-0.2)\\le 0]) \\cdot ((-0.2) - 0.3)'],
		['linear', '1 \\cdot ((-0.2) - 0.3)']
	])("writes %s's δ with · between f′(a) and (a − t), a pinned to −0.2", (activation, expected) => {
		const s = step(
			createSnapshot({
				net: { layers: [{ activation, neurons: [{ bias: 0.1, weights: [0.3] }] }] },
				inputs: [0.5],
				targets: [0.3],
				learningRate: 0.1,
				overrides: { 'layers.0.neurons.0.value': -0.2 }
			}),
			'iteration'
		);
		expect(cellTex(s, 'layers.0.neurons.0.activation_gradient').substituted).toBe(expected);
	});

	it.each([
		[[2, 3, 3, 2], 'tanh'],
		[
			[3, 4, 1],
			['sigmoid', 'relu']
		],
		[
			[2, 2, 2],
			['linear', 'tanh']
		]
	] as const)(
		'never writes two numbers, or a number and a bracket, side by side (%j)',
		(sizes, activations) => {
			const s = step(
				seededSnapshot(
					[...sizes],
					typeof activations === 'string' ? activations : [...activations],
					5
				),
				'iteration'
			);
			for (const address of cellGraph(s.net).addresses) {
				const { substituted, result } = cellTex(s, address);
				for (const part of [substituted, result]) {
					if (part === undefined) continue;
					// A number or a closing bracket, a space, then a number or an opening bracket.
					expect(part, address).not.toMatch(/[\d)]\s+(\\left)?[\d(]/);
					expect(part, address).not.toMatch(/\)\s*(\\left)?\(/);
					// KaTeX turns each TeX "-" into U+2212; no hyphen-minus reaches the page.
					const html = renderTexStrict(part);
					const text = html.replace(/<annotation.*?<\/annotation>/gs, '').replace(/<[^>]*>/g, '');
					expect(text, address).not.toContain('-');
				}
			}
		}
	);
});
