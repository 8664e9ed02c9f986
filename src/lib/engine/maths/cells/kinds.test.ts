import { describe, expect, it } from 'vitest';
import { handNet, handStart, seededSnapshot } from '../../__fixtures__/nets.ts';
import { ACTIVATION_NAMES } from '../activations.ts';
import { allAddresses, parseAddress } from '../addresses.ts';
import { CELL_KINDS, isComputedKind } from './kinds.ts';
import { backwardDone, forwardDone, type Snapshot } from '../snapshot.ts';
import { deltaTerms } from './delta-terms.ts';
import { e, evaluate, factorsOf, precedentsOf, sheetOf, texOf } from './expressions.ts';
import { layerSizes } from '../model.ts';
import { editStart } from '../edits.ts';
import { step } from '../passes.ts';
import { symbolTerm } from './cells.ts';

/** Every snapshot of one iteration, one neuron apart. */
function everyStep(s: Snapshot): Snapshot[] {
	const all = [s];
	while (s.cursor.pass !== 'done') all.push((s = step(s, 'neuron')));
	return all;
}

describe('the cell-kinds table', () => {
	it('gives a formula to every kind the passes compute and to the parameters (Train), and none to x, t, η, n', () => {
		const withFormula = Object.entries(CELL_KINDS)
			.filter(([, spec]) => 'formula' in spec)
			.map(([kind]) => kind);
		expect(withFormula.sort()).toEqual(
			[
				...Object.keys(CELL_KINDS).filter((k) => isComputedKind(k as never)),
				'bias',
				'weights'
			].sort()
		);
		expect(isComputedKind('weights')).toBe(false);
		expect(isComputedKind('loss')).toBe(true);
	});

	it('says how each number the user sets is set, and of no computed one (those are pinned)', () => {
		const settable = Object.entries(CELL_KINDS).filter(([, spec]) => 'set' in spec);
		expect(settable.map(([kind]) => kind).sort()).toEqual(
			Object.keys(CELL_KINDS)
				.filter((k) => !isComputedKind(k as never))
				.sort()
		);
	});

	it('names every cell of a net differently, each name a letter then letters, digits and _', () => {
		const addresses = allAddresses([3, 4, 2]);
		const names = addresses.map((a) =>
			CELL_KINDS[parseAddress(a)!.kind].name(parseAddress(a) as never, '')
		);
		expect(new Set(names).size).toBe(addresses.length);
		for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
	});
});

describe('an expression', () => {
	const x = e.cell('inputs.0');
	const w = e.cell('layers.0.neurons.0.weights.0');
	const numbers: Record<string, number> = {
		'inputs.0': -0.5,
		'layers.0.neurons.0.weights.0': 0.25
	};
	const read = (a: string) => numbers[a];

	it('is evaluated, typeset and written for a spreadsheet from the one tree', () => {
		const sum = e.sum([e.product(w, x), e.abs(e.difference(x, w))], true);
		expect(evaluate(sum, read)).toBe(0 + 0.25 * -0.5 + Math.abs(-0.5 - 0.25));
		expect(texOf(sum, symbolTerm)).toBe(
			'w^{(0)}_{0,0} \\, x_{0} + \\lvert x_{0} - w^{(0)}_{0,0} \\rvert'
		);
		expect(sheetOf(sum, (a) => (a === 'inputs.0' ? 'x_0' : 'w_0_0_0'))).toBe(
			'w_0_0_0*x_0+ABS(x_0-w_0_0_0)'
		);
		expect(precedentsOf(sum)).toEqual(['layers.0.neurons.0.weights.0', 'inputs.0']);
	});

	it('adds from +0 when asked, as the passes do: a sum of −0 is +0', () => {
		const minusZero = e.product(e.number(-0), e.number(1));
		expect(Object.is(evaluate(e.sum([minusZero], true), read), 0)).toBe(true);
		expect(Object.is(evaluate(e.sum([minusZero]), read), -0)).toBe(true);
	});

	it('shows a scalar first but computes in its own order, and reads a parameter without depending on it', () => {
		const bias = 'layers.0.neurons.0.bias';
		const update = e.difference(e.own(bias), e.product(x, w, 'scalar first'));
		expect(texOf(update, symbolTerm)).toBe('b^{(0)}_{0} - w^{(0)}_{0,0} \\cdot x_{0}');
		expect(sheetOf(update, (a) => (a === bias ? 'b' : a === 'inputs.0' ? 'x' : 'w'))).toBe('b-x*w');
		expect(precedentsOf(update)).toEqual(['layers.0.neurons.0.weights.0', 'inputs.0']);
		expect(evaluate(update, (a) => (a === bias ? 0.1 : read(a)))).toBe(0.1 - -0.5 * 0.25);
	});
});

describe("the Backward table's f′(a) and Σ δ w (or a − t)", () => {
	it.each(ACTIVATION_NAMES)(
		'multiply to δ bit for bit at every step of a 2-3-3-2 %s net, and show once their inputs exist',
		(name) => {
			for (const s of everyStep(seededSnapshot([2, 3, 3, 2], name, 4))) {
				const sizes = layerSizes(s.net);
				for (let l = 0; l + 1 < sizes.length; l++)
					for (let j = 0; j < sizes[l + 1]; j++) {
						const { fPrime, sum } = deltaTerms(s, l, j);
						expect(fPrime !== undefined).toBe(forwardDone(s.cursor, l, j));
						if (backwardDone(s.cursor, l, j))
							expect(fPrime! * sum!).toBe(s.activationGradients[l][j]);
						if (s.cursor.pass === 'forward') expect(sum).toBeUndefined();
					}
			}
		}
	);

	it("are the hand-worked numbers of the 2-2-1 net's hidden neuron", () => {
		const s = step(step(handStart(), 'pass'), 'pass');
		const a = s.values[0][1];
		const { fPrime, sum } = deltaTerms(s, 0, 1);
		expect(fPrime).toBe(1 - a * a);
		expect(sum).toBe(0 + s.activationGradients[1][0] * handNet.layers[1].neurons[0].weights[1]);
		expect(factorsOf(e.cell('loss'))).toBeUndefined();
	});
});

describe('an edit, as the table says', () => {
	it('changes the start of x, t, η, b and w (b and w in the untrained net), and refuses n', () => {
		const start = handStart();
		const set = (address: string, value: number) => {
			const r = editStart(start, address, value);
			if (!r.ok) throw new Error(r.error);
			return r.start;
		};
		expect(set('inputs.1', 7).inputs[1]).toBe(7);
		expect(set('targets.0', -2).targets[0]).toBe(-2);
		expect(set('learning_rate', 0.5).learningRate).toBe(0.5);
		expect(set('layers.0.neurons.1.bias', 3).net.layers[0].neurons[1].bias).toBe(3);
		expect(set('layers.1.neurons.0.weights.1', 4).startNet.layers[1].neurons[0].weights[1]).toBe(4);
		expect(set('loss', 0.25).overrides).toEqual({ loss: 0.25 });
		expect(editStart(start, 'iteration', 3)).toEqual({
			ok: false,
			error: 'the iteration counts itself; step to change it'
		});
	});
});
