import { describe, expect, it } from 'vitest';
import { seededSnapshot } from '$lib/engine/__fixtures__/nets.ts';
import { parseAddress } from '$lib/engine/maths/addresses.ts';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import { step } from '$lib/engine/maths/passes.ts';
import {
	ABSOLUTE_FLOOR,
	RELATIVE,
	isPredictable,
	isRight,
	passOf,
	tallyText,
	targetIteration
} from './prediction-rules.ts';

describe('a prediction is right', () => {
	it('within relative 1e-3 of the engine’s number, on either side', () => {
		const v = 0.4123;
		expect(isRight(v * (1 + RELATIVE * 0.99), v, 'relative', 4)).toBe(true);
		expect(isRight(v * (1 - RELATIVE * 0.99), v, 'relative', 4)).toBe(true);
		expect(isRight(v * (1 + RELATIVE * 1.01), v, 'relative', 4)).toBe(false);
		expect(isRight(-v * (1 + RELATIVE * 1.01), -v, 'relative', 4)).toBe(false);
		expect(isRight(-v, v, 'relative', 4)).toBe(false);
	});

	it('near an engine number of 0 within the absolute floor, not by the exact bits', () => {
		expect(isRight(ABSOLUTE_FLOOR / 2, 0, 'relative', 4)).toBe(true);
		expect(isRight(-ABSOLUTE_FLOOR, 0, 'relative', 4)).toBe(true);
		expect(isRight(ABSOLUTE_FLOOR * 2, 0, 'relative', 4)).toBe(false);
		expect(isRight(0, -0, 'relative', 4)).toBe(true);
	});

	it('to the digits shown when both read the same at the page’s digits', () => {
		expect(isRight(0.41234, 0.412345678, 'digits', 4)).toBe(true);
		expect(isRight(0.4124, 0.412345678, 'digits', 4)).toBe(false);
		expect(isRight(0.41, 0.412345678, 'digits', 2)).toBe(true);
		// Within 1e-3 relative, yet another number at 4 digits.
		expect(isRight(0.41266, 0.412345678, 'relative', 4)).toBe(true);
		expect(isRight(0.41266, 0.412345678, 'digits', 4)).toBe(false);
	});

	it('never for a number that is not finite unless it is the same', () => {
		expect(isRight(1e308, Infinity, 'relative', 4)).toBe(false);
		expect(isRight(Infinity, Infinity, 'relative', 4)).toBe(true);
	});
});

describe('what may be predicted', () => {
	const start = seededSnapshot([2, 3, 3, 2], 'tanh', 1);

	it('each cell a step computes, in the pass that computes it', () => {
		const pass = (a: string) => passOf(parseAddress(a)!);
		expect(pass('layers.0.neurons.0.total')).toBe('forward');
		expect(pass('layers.2.neurons.1.value')).toBe('forward');
		expect(pass('loss')).toBe('forward');
		expect(pass('layers.1.neurons.2.activation_gradient')).toBe('backward');
		expect(pass('layers.1.neurons.2.weight_gradients.0')).toBe('backward');
		expect(pass('layers.1.neurons.2.bias')).toBe('train');
		expect(pass('layers.1.neurons.2.weights.1')).toBe('train');
		expect(pass('inputs.0')).toBeUndefined();
		expect(pass('learning_rate')).toBeUndefined();
	});

	it('only until its step has computed it; inputs, targets, η and the count never', () => {
		expect(isPredictable(start, 'layers.0.neurons.0.total')).toBe(true);
		expect(isPredictable(start, 'layers.0.neurons.0.bias')).toBe(true);
		for (const a of ['inputs.0', 'targets.1', 'learning_rate', 'iteration', 'nonsense'])
			expect(isPredictable(start, a)).toBe(false);
		const after = step(start, 'neuron');
		expect(cellValue(after, 'layers.0.neurons.0.total')).toBeDefined();
		expect(isPredictable(after, 'layers.0.neurons.0.total')).toBe(false);
		expect(isPredictable(after, 'layers.0.neurons.1.total')).toBe(true);
		const trained = step(step(step(start, 'pass'), 'pass'), 'neuron');
		expect(isPredictable(trained, 'layers.0.neurons.0.bias')).toBe(false);
		expect(isPredictable(trained, 'layers.0.neurons.1.bias')).toBe(true);
	});

	it('once an iteration is done, every cell again, for the next iteration', () => {
		const done = step(step(step(start, 'pass'), 'pass'), 'pass');
		expect(done.cursor.pass).toBe('done');
		expect(targetIteration(done)).toBe(done.iteration + 1);
		expect(isPredictable(done, 'layers.0.neurons.0.total')).toBe(true);
		expect(isPredictable(done, 'layers.2.neurons.1.weights.2')).toBe(true);
	});
});

describe('the tally of a pass', () => {
	it('says how many of the checked were right, and how many wait', () => {
		expect(tallyText({ right: 3, checked: 4, pending: 0 })).toBe('3 of 4 right');
		expect(tallyText({ right: 0, checked: 1, pending: 2 })).toBe('0 of 1 right, 2 waiting');
		expect(tallyText({ right: 0, checked: 0, pending: 2 })).toBe('2 waiting');
		expect(tallyText({ right: 0, checked: 0, pending: 0 })).toBe('—');
	});
});
