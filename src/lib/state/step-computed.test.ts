import { describe, expect, it } from 'vitest';
import { seededSnapshot } from '$lib/engine/__fixtures__/nets.ts';
import { address, parseAddress } from '$lib/engine/maths/addresses.ts';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import { nextIteration, step, type Granularity } from '$lib/engine/maths/passes.ts';
import { trainDone, type Snapshot } from '$lib/engine/maths/snapshot.ts';
import { firstComputed, homeSection } from './step-computed.ts';

const SIZES = [2, 3, 3, 2];
const start = () => seededSnapshot(SIZES, 'tanh', 1);

/** The neurons in the order a pass walks them: forward and train first layer to last, backward last to first. */
function walkOrder(pass: 'forward' | 'backward' | 'train'): [number, number][] {
	const layers = SIZES.slice(1).map((n, l) => Array.from({ length: n }, (_, j) => [l, j]));
	if (pass === 'backward') layers.reverse();
	return layers.flat() as [number, number][];
}

/**
 * The oracle, written the slow way: the first neuron, in the pass's order,
 * whose first cell went from not computed to computed (for Train: from not
 * updated to updated).
 */
function slowFirst(before: Snapshot, after: Snapshot): string | undefined {
	const fresh = after.iteration !== before.iteration;
	for (const pass of ['forward', 'backward', 'train'] as const) {
		for (const [l, j] of walkOrder(pass)) {
			if (pass === 'train') {
				if ((fresh || !trainDone(before.cursor, l, j)) && trainDone(after.cursor, l, j))
					return address.neuron(l, j, 'bias');
				continue;
			}
			const at = address.neuron(l, j, pass === 'forward' ? 'total' : 'activation_gradient');
			if ((fresh || cellValue(before, at) === undefined) && cellValue(after, at) !== undefined)
				return at;
		}
	}
	return undefined;
}

describe('the first cell a step computed', () => {
	it('is the total z of the first neuron for Forward, and its δ for Backward, its bias for Train', () => {
		const s0 = start();
		const forward = step(s0, 'pass');
		expect(firstComputed(s0, forward)).toEqual({
			address: 'layers.0.neurons.0.total',
			pass: 'forward'
		});
		const backward = step(forward, 'pass');
		// Backward walks from the last layer: its first δ is layer 2's neuron 0.
		expect(firstComputed(forward, backward)).toEqual({
			address: 'layers.2.neurons.0.activation_gradient',
			pass: 'backward'
		});
		const train = step(backward, 'pass');
		expect(firstComputed(backward, train)).toEqual({
			address: 'layers.0.neurons.0.bias',
			pass: 'train'
		});
	});

	it('is the neuron at the cursor for Next neuron and Next layer', () => {
		let s = step(step(start(), 'neuron'), 'neuron'); // forward, layer 0, neuron 2 next
		const next = step(s, 'neuron');
		expect(firstComputed(s, next)?.address).toBe('layers.0.neurons.2.total');
		s = next;
		const layer = step(s, 'layer');
		expect(firstComputed(s, layer)?.address).toBe('layers.1.neurons.0.total');
	});

	it('is the next iteration’s first total for a step after a whole iteration', () => {
		const done = step(start(), 'iteration');
		const nextStart = nextIteration(done, { inputs: [0.1, 0.2], targets: [0.3, 0.4] });
		// The page's step begins the next iteration, then steps it (moment-edits.ts, stepped).
		expect(firstComputed(done, step(nextStart, 'neuron'))).toEqual({
			address: 'layers.0.neurons.0.total',
			pass: 'forward'
		});
		expect(firstComputed(done, step(nextStart, 'iteration'))?.address).toBe(
			'layers.0.neurons.0.total'
		);
	});

	it('is the cell each Next line writes: the total at every term, then the value, the loss, a gradient, a weight', () => {
		let s = start();
		const seen: string[] = [];
		while (s.cursor.pass !== 'done') {
			const next = step(s, 'line');
			seen.push(firstComputed(s, next)!.address);
			s = next;
		}
		const z = 'layers.0.neurons.0.total';
		expect(seen.slice(0, 4)).toEqual([z, z, z, 'layers.0.neurons.0.value']);
		expect(seen).toContain('loss');
		expect(seen).toContain('layers.2.neurons.1.weight_gradients.2');
		expect(seen.at(-1)).toBe('layers.2.neurons.1.weights.2');
		// Every line of the iteration: per neuron, forward 2 + weights (+ the loss), backward 2 + weights, train 1 + weights.
		const weights = 2 * 3 + 3 * 3 + 3 * 2;
		expect(seen).toHaveLength(8 * 2 + weights + 1 + (8 * 2 + weights) + (8 + weights));
	});

	it('is nothing when the snapshot did not move', () => {
		const s0 = start();
		expect(firstComputed(s0, s0)).toBeUndefined();
		const done = step(s0, 'iteration');
		expect(firstComputed(done, done)).toBeUndefined();
	});

	it('agrees with the slow definition for every step of every granularity through an iteration', () => {
		const granularities: Granularity[] = ['neuron', 'layer', 'pass', 'iteration'];
		let checked = 0;
		for (const g of granularities) {
			let s = start();
			while (s.cursor.pass !== 'done') {
				const next = step(s, g);
				const found = firstComputed(s, next);
				expect(found?.address, `${g} from ${JSON.stringify(s.cursor)}`).toBe(slowFirst(s, next));
				expect(found?.pass).toBe(s.cursor.pass);
				s = next;
				checked++;
			}
		}
		// 8 neurons × 3 passes one at a time, 3 × 3 layers, 3 passes, 1 iteration.
		expect(checked).toBe(24 + 9 + 3 + 1);
	});
});

describe('homeSection', () => {
	it('names the section whose table holds each computed cell, and none for a number the user sets', () => {
		const home = (a: string) => homeSection(parseAddress(a)!);
		expect(home('layers.1.neurons.0.total')).toBe('forward');
		expect(home('layers.1.neurons.0.value')).toBe('forward');
		expect(home('loss')).toBe('forward');
		expect(home('layers.1.neurons.0.activation_gradient')).toBe('backward');
		expect(home('layers.1.neurons.0.bias_gradient')).toBe('train');
		expect(home('layers.1.neurons.0.weight_gradients.2')).toBe('train');
		expect(home('layers.1.neurons.0.bias')).toBeUndefined();
		expect(home('inputs.0')).toBeUndefined();
	});
});
