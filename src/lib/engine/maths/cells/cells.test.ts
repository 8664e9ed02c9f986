import { describe, expect, it } from 'vitest';
import { seededSnapshot } from '../../__fixtures__/nets.ts';
import { ACTIVATION_NAMES, type ActivationName } from '../activations.ts';
import { cellGraph } from './graph.ts';
import { cellInput, cellValue } from './values.ts';
import { describeAddress } from './words.ts';
import { formulaOf, symbolTerm } from './cells.ts';
import { step } from '../passes.ts';
import type { Snapshot } from '../snapshot.ts';

const NETS: [number[], ActivationName[]][] = [
	[
		[2, 3, 3, 2],
		['tanh', 'tanh', 'tanh']
	],
	[
		[3, 4, 1],
		['sigmoid', 'linear']
	],
	[
		[1, 5, 2, 3],
		['relu', 'tanh', 'sigmoid']
	],
	[[4, 2], ['linear']],
	[
		[2, 8, 2],
		['relu', 'relu']
	]
];

/** Every snapshot of one iteration, one neuron apart. */
function everyStep(s: Snapshot): Snapshot[] {
	const all = [s];
	while (s.cursor.pass !== 'done') all.push((s = step(s, 'neuron')));
	return all;
}

/** Asserts each computed cell's formula, evaluated from its precedents, gives the passes' number. */
function expectFormulasMatch(s: Snapshot): number {
	let checked = 0;
	const read = (address: string) => {
		const value = cellInput(s, address);
		if (value === undefined) throw new Error(`read ${address} before it was computed`);
		return value;
	};
	for (const address of cellGraph(s.net).addresses) {
		const formula = formulaOf(s.net, address);
		const shown = cellValue(s, address);
		if (!formula || shown === undefined) continue;
		// A parameter shows a formula's result only once Train has updated it.
		if (
			(address.endsWith('.bias') || address.includes('.weights.')) &&
			shown === cellInput(s, address)
		)
			continue;
		const expected = s.formulaValues[address] ?? shown;
		expect(formula.evaluate(read), address).toBe(expected);
		checked++;
	}
	return checked;
}

describe('the cell model', () => {
	it.each(NETS)(
		'evaluates every formula of a %j net to exactly what the passes computed, at every step',
		(sizes, activations) => {
			let checked = 0;
			for (const s of everyStep(seededSnapshot(sizes, activations, sizes.length * 7)))
				checked += expectFormulasMatch(s);
			expect(checked).toBeGreaterThan(sizes.reduce((a, b) => a + b));
		}
	);

	it.each(ACTIVATION_NAMES)(
		'evaluates every formula of a 2-3-2 %s net to exactly what the passes computed, at every step',
		(name) => {
			let checked = 0;
			for (const s of everyStep(seededSnapshot([2, 3, 2], name, 11)))
				checked += expectFormulasMatch(s);
			expect(checked).toBeGreaterThan(7);
		}
	);

	it('evaluates pinned cells to what their formula gives, not to the pin', () => {
		const start = seededSnapshot([2, 3, 2], ['tanh', 'sigmoid'], 9);
		const pinned = {
			...start,
			overrides: {
				'layers.0.neurons.1.total': 0.7,
				'layers.1.neurons.0.activation_gradient': -0.2,
				loss: 3
			}
		};
		const done = step(pinned, 'iteration');
		expect(Object.keys(done.formulaValues).sort()).toEqual(Object.keys(pinned.overrides).sort());
		expect(expectFormulasMatch(done)).toBeGreaterThan(20);
	});

	it('lists dependents as exactly the inverse of precedents', () => {
		const s = seededSnapshot([2, 3, 2], 'tanh', 1);
		const graph = cellGraph(s.net);
		for (const address of graph.addresses) {
			for (const precedent of graph.precedents(address))
				expect(graph.dependents(precedent)).toContain(address);
			for (const dependent of graph.dependents(address))
				expect(graph.precedents(dependent)).toContain(address);
		}
	});

	it('names the precedents of a hidden activation gradient as the article does', () => {
		const s = seededSnapshot([2, 3, 2], 'tanh', 1);
		expect(cellGraph(s.net).precedents('layers.0.neurons.2.activation_gradient')).toEqual([
			'layers.0.neurons.2.value',
			'layers.1.neurons.0.activation_gradient',
			'layers.1.neurons.0.weights.2',
			'layers.1.neurons.1.activation_gradient',
			'layers.1.neurons.1.weights.2'
		]);
		expect(cellGraph(s.net).dependents('inputs.1')).toEqual([
			'layers.0.neurons.0.total',
			'layers.0.neurons.0.weight_gradients.1',
			'layers.0.neurons.1.total',
			'layers.0.neurons.1.weight_gradients.1',
			'layers.0.neurons.2.total',
			'layers.0.neurons.2.weight_gradients.1'
		]);
	});

	it('writes each formula in symbols', () => {
		const s = seededSnapshot([2, 3, 2], 'tanh', 1);
		const symbols = (address: string) => formulaOf(s.net, address)!.tex(symbolTerm);
		expect(symbols('layers.0.neurons.1.total')).toBe(
			'b^{(0)}_{1} + w^{(0)}_{1,0} \\, x_{0} + w^{(0)}_{1,1} \\, x_{1}'
		);
		expect(symbols('layers.1.neurons.0.value')).toBe('\\tanh(z^{(1)}_{0})');
		expect(symbols('layers.1.neurons.1.activation_gradient')).toBe(
			'(1 - \\left(a^{(1)}_{1}\\right)^2) \\, (a^{(1)}_{1} - t_{1})'
		);
		expect(symbols('layers.0.neurons.0.weights.1')).toBe(
			'w^{(0)}_{0,1} - \\eta \\cdot \\frac{\\partial E}{\\partial w^{(0)}_{0,1}}'
		);
		expect(formulaOf(s.net, 'inputs.0')).toBeUndefined();
	});

	it('elides the middle of long sums', () => {
		const s = seededSnapshot([10, 1], 'linear', 1);
		const tex = formulaOf(s.net, 'layers.0.neurons.0.total')!.tex(symbolTerm);
		expect(tex.split(' + ')).toHaveLength(6);
		expect(tex).toContain('\\cdots + w^{(0)}_{0,9} \\, x_{9}');
	});

	it('says where each cell is in words', () => {
		expect(describeAddress('layers.2.neurons.1.weights.0')).toBe('Layer 2, neuron 1: weight 0');
		expect(describeAddress('inputs.0', { inputs: ['width'] })).toBe('Input 0 (width)');
		expect(describeAddress('layers.0.neurons.0.activation_gradient')).toBe(
			'Layer 0, neuron 0: activation gradient'
		);
	});
});
