import { describe, expect, it } from 'vitest';
import { handStart, seededSnapshot } from '../__fixtures__/nets.ts';
import { cellValue } from './cells/values.ts';
import { nextIteration, replayTo, step } from './passes.ts';
import { nextCursor } from './snapshot.ts';
import type { Cursor } from './snapshot.ts';

/** Worked out by hand (with a calculator's tanh) for the 2-2-1 net in the fixtures. */
const HAND = {
	'layers.0.neurons.0.total': 0.5,
	'layers.0.neurons.1.total': -0.1,
	'layers.0.neurons.0.value': 0.46211715726000974,
	'layers.0.neurons.1.value': -0.09966799462495582,
	'layers.1.neurons.0.total': 0.3771042916684837,
	'layers.1.neurons.0.value': 0.36019007212744625,
	loss: 0.006070925997725903,
	'errors_percent.0': 44.0760288509785,
	'layers.1.neurons.0.activation_gradient': 0.09589435507461534,
	'layers.1.neurons.0.bias_gradient': 0.09589435507461534,
	'layers.0.neurons.0.activation_gradient': 0.045249538891596545,
	'layers.0.neurons.1.activation_gradient': -0.04747088422096589,
	'layers.0.neurons.1.bias_gradient': -0.04747088422096589,
	'layers.1.neurons.0.weight_gradients.0': 0.04431442676436323,
	'layers.1.neurons.0.weight_gradients.1': -0.009557598066140366,
	'layers.0.neurons.0.weight_gradients.0': 0.022624769445798273,
	'layers.0.neurons.0.weight_gradients.1': -0.045249538891596545,
	'layers.0.neurons.1.weight_gradients.0': -0.023735442110482945,
	'layers.0.neurons.1.weight_gradients.1': 0.04747088422096589,
	'layers.1.neurons.0.bias': 0.040410564492538464,
	'layers.1.neurons.0.weights.0': 0.5955685573235636,
	'layers.1.neurons.0.weights.1': -0.49904424019338595,
	'layers.0.neurons.0.bias': 0.09547504611084034,
	'layers.0.neurons.1.bias': -0.19525291157790342,
	'layers.0.neurons.0.weights.0': 0.1977375230554202,
	'layers.0.neurons.0.weights.1': -0.29547504611084036,
	'layers.0.neurons.1.weights.0': 0.4023735442110483,
	'layers.0.neurons.1.weights.1': 0.09525291157790342
};

describe('one iteration of a net worked out by hand', () => {
	it('fills every cell kind with the hand-worked number', () => {
		const done = step(handStart(), 'iteration');
		for (const [address, expected] of Object.entries(HAND)) {
			const actual = cellValue(done, address)!;
			expect(Math.abs(actual - expected), address).toBeLessThanOrEqual(Math.abs(expected) * 4e-16);
		}
		expect(done.cursor.pass).toBe('done');
	});

	it('keeps the old weights the passes used beside the new ones', () => {
		const done = step(handStart(), 'iteration');
		expect(done.startNet.layers[1].neurons[0].weights).toEqual([0.6, -0.5]);
		expect(done.net.layers[1].neurons[0].bias).toBe(
			done.startNet.layers[1].neurons[0].bias - 0.09589435507461534 * 0.1
		);
	});
});

describe('stepping', () => {
	const walk = (g: 'neuron' | 'layer' | 'pass') => {
		const cursors: Cursor[] = [];
		let s = seededSnapshot([2, 3, 2], 'tanh', 4);
		while (s.cursor.pass !== 'done') {
			cursors.push(s.cursor);
			s = step(s, g);
		}
		return { cursors, s };
	};

	it('walks forward first to last layer, backward last to first, train first to last, one neuron a click', () => {
		const names = walk('neuron').cursors.map((c) => `${c.pass[0]}${c.layer}.${c.neuron}`);
		expect(names).toEqual([
			'f0.0',
			'f0.1',
			'f0.2',
			'f1.0',
			'f1.1',
			'b1.0',
			'b1.1',
			'b0.0',
			'b0.1',
			'b0.2',
			't0.0',
			't0.1',
			't0.2',
			't1.0',
			't1.1'
		]);
	});

	it('stops at each layer with layer steps and at each pass with pass steps', () => {
		expect(walk('layer').cursors.map((c) => `${c.pass[0]}${c.layer}`)).toEqual([
			'f0',
			'f1',
			'b1',
			'b0',
			't0',
			't1'
		]);
		expect(walk('pass').cursors.map((c) => c.pass)).toEqual(['forward', 'backward', 'train']);
	});

	it('gives the same numbers at every granularity', () => {
		const whole = step(seededSnapshot([2, 3, 2], 'tanh', 4), 'iteration');
		for (const g of ['neuron', 'layer', 'pass'] as const) expect(walk(g).s).toEqual(whole);
	});

	it('never changes the snapshot it steps from', () => {
		const start = seededSnapshot([2, 3, 2], 'sigmoid', 5);
		const frozen = structuredClone(start);
		let s = start;
		while (s.cursor.pass !== 'done') {
			const before = structuredClone(s);
			const next = step(s, 'neuron');
			expect(s).toEqual(before);
			s = next;
		}
		expect(start).toEqual(frozen);
	});

	it('leaves cells empty until their pass reaches them', () => {
		let s = step(handStart(), 'neuron');
		expect(cellValue(s, 'layers.0.neurons.0.value')).toBe(0.46211715726000974);
		expect(cellValue(s, 'layers.0.neurons.1.value')).toBeUndefined();
		expect(cellValue(s, 'loss')).toBeUndefined();
		s = step(s, 'pass');
		expect(cellValue(s, 'loss')).toBeCloseTo(0.006070925997725903, 17);
		expect(cellValue(s, 'layers.0.neurons.0.activation_gradient')).toBeUndefined();
	});

	it('does nothing once the iteration is done, and the next iteration starts clean on the trained weights', () => {
		const done = step(handStart(), 'iteration');
		expect(step(done, 'neuron')).toBe(done);
		const next = nextIteration(done, { inputs: [1, 2], targets: [0.5] });
		expect(next.iteration).toBe(1);
		expect(next.startNet).toBe(done.net);
		expect(next.inputs).toEqual([1, 2]);
		expect(cellValue(next, 'layers.0.neurons.0.total')).toBeUndefined();
	});

	it('knows the cursor after the last neuron of each pass', () => {
		const sizes = [2, 1];
		expect(nextCursor({ pass: 'forward', layer: 1, neuron: 0 }, sizes)).toEqual({
			pass: 'backward',
			layer: 1,
			neuron: 0
		});
		expect(nextCursor({ pass: 'backward', layer: 0, neuron: 1 }, sizes)).toEqual({
			pass: 'train',
			layer: 0,
			neuron: 0
		});
		expect(nextCursor({ pass: 'train', layer: 1, neuron: 0 }, sizes)).toEqual({
			pass: 'done',
			layer: 0,
			neuron: 0
		});
	});

	it('replays an edited iteration to where it was', () => {
		const start = handStart();
		const midway = step(step(start, 'pass'), 'layer');
		expect(replayTo(start, midway.cursor)).toEqual(midway);
	});
});

describe('overrides', () => {
	it('uses a pinned value downstream and keeps what its formula gave', () => {
		const pinned = { ...handStart(), overrides: { 'layers.0.neurons.1.value': 0.25 } };
		const s = step(pinned, 'pass');
		expect(cellValue(s, 'layers.0.neurons.1.value')).toBe(0.25);
		expect(s.formulaValues['layers.0.neurons.1.value']).toBe(-0.09966799462495582);
		const a0 = 0.46211715726000974;
		expect(cellValue(s, 'layers.1.neurons.0.total')).toBe(0.05 + 0.6 * a0 + -0.5 * 0.25);
	});

	it('lets a pinned activation gradient drive the gradients and the update', () => {
		const pinned = { ...handStart(), overrides: { 'layers.1.neurons.0.activation_gradient': 1 } };
		const s = step(pinned, 'iteration');
		expect(cellValue(s, 'layers.1.neurons.0.bias_gradient')).toBe(1);
		expect(cellValue(s, 'layers.1.neurons.0.weight_gradients.0')).toBe(0.46211715726000974);
		expect(cellValue(s, 'layers.0.neurons.0.activation_gradient')).toBe(
			(1 - 0.46211715726000974 ** 2) * 0.6
		);
		expect(cellValue(s, 'layers.1.neurons.0.bias')).toBe(0.05 - 1 * 0.1);
	});

	it('pins a weight gradient without touching the activation gradient', () => {
		const pinned = { ...handStart(), overrides: { 'layers.0.neurons.0.weight_gradients.1': 2 } };
		const s = step(pinned, 'iteration');
		expect(cellValue(s, 'layers.0.neurons.0.weight_gradients.1')).toBe(2);
		expect(s.formulaValues['layers.0.neurons.0.weight_gradients.1']).toBe(-0.045249538891596545);
		expect(cellValue(s, 'layers.0.neurons.0.weights.1')).toBe(-0.3 - 2 * 0.1);
	});
});

describe('replaying', () => {
	it('reaches every cursor of an iteration with the same numbers as stepping there', () => {
		const start = seededSnapshot([2, 3, 3, 2], 'tanh', 8);
		let s = start;
		while (s.cursor.pass !== 'done') {
			s = step(s, 'neuron');
			expect(replayTo(start, s.cursor)).toEqual(s);
		}
	});
});

describe('the iteration cell', () => {
	it('counts completed iterations: 0 until Train finishes the first, then 1', () => {
		let s = handStart();
		expect(cellValue(s, 'iteration')).toBe(0);
		s = step(s, 'pass');
		s = step(s, 'pass');
		expect(cellValue(s, 'iteration')).toBe(0);
		s = step(s, 'pass');
		expect(cellValue(s, 'iteration')).toBe(1);
		expect(cellValue(nextIteration(s, { inputs: [0, 0], targets: [0] }), 'iteration')).toBe(1);
	});
});
