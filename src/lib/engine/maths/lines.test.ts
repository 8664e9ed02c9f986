import { describe, expect, it } from 'vitest';
import { handStart, seededSnapshot } from '../__fixtures__/nets.ts';
import { parseAddress } from './addresses.ts';
import { cellValue } from './cells/values.ts';
import {
	LINE_IDS,
	hasWritten,
	isPartial,
	lineCells,
	neuronRuns,
	nextLine,
	runsBefore,
	stepLine,
	type LineId,
	type LineRun
} from './lines.ts';
import { LISTING, listingIndex, loopVariables } from './listing.ts';
import { replayTo, step } from './passes.ts';
import type { Snapshot } from './snapshot.ts';

/** A neuron-step walk and a line walk side by side: the line walk's snapshot at each neuron boundary. */
function lineWalk(start: Snapshot): { runs: LineRun[]; atNeurons: Snapshot[]; end: Snapshot } {
	const runs: LineRun[] = [];
	const atNeurons: Snapshot[] = [];
	let s = start;
	while (s.cursor.pass !== 'done') {
		runs.push(nextLine(s)!);
		s = stepLine(s);
		if (!s.cursor.line) atNeurons.push(s);
	}
	return { runs, atNeurons, end: s };
}

const NETS: [string, () => Snapshot][] = [
	['the hand-worked 2-2-1 tanh', handStart],
	['a 2-3-2 tanh', () => seededSnapshot([2, 3, 2], 'tanh', 4)],
	[
		'a 3-4-3-2 of sigmoid, ReLU, leaky ReLU',
		() => seededSnapshot([3, 4, 3, 2], ['sigmoid', 'relu', 'leaky_relu'], 9)
	],
	['a 1-2-1 linear', () => seededSnapshot([1, 2, 1], 'linear', 2)],
	[
		'a 2-2-1 with pinned cells',
		() => ({
			...handStart(),
			overrides: {
				'layers.0.neurons.1.total': 0.3,
				'layers.0.neurons.0.value': 0.25,
				'layers.1.neurons.0.activation_gradient': 1,
				'layers.0.neurons.0.weight_gradients.1': 2,
				loss: 3
			}
		})
	]
];

describe('Next line gives every neuron step’s numbers bit for bit', () => {
	for (const [name, start] of NETS) {
		it(`for ${name}, at every neuron of the iteration`, () => {
			const { atNeurons, end } = lineWalk(start());
			let s = start();
			for (const after of atNeurons) {
				s = step(s, 'neuron');
				expect(after).toEqual(s);
			}
			expect(end).toEqual(step(start(), 'iteration'));
		});
	}
});

describe('the runs of a neuron', () => {
	it('are the bias, one term per weight and the value; the loss after the last neuron', () => {
		const { runs } = lineWalk(handStart());
		const forward = runs
			.filter((r) => r.pass === 'forward')
			.map((r) => r.id.slice(8) + (r.weight ?? ''));
		expect(forward).toEqual([
			...['bias', 'term0', 'term1', 'value'],
			...['bias', 'term0', 'term1', 'value'],
			...['bias', 'term0', 'term1', 'value', 'loss']
		]);
		const backward = runs.filter((r) => r.pass === 'backward').map((r) => r.id + (r.weight ?? ''));
		expect(backward.slice(0, 4)).toEqual([
			'backward.output_delta',
			'backward.bias_gradient',
			'backward.weight_gradient0',
			'backward.weight_gradient1'
		]);
		expect(backward[4]).toBe('backward.hidden_delta');
		expect(runs.filter((r) => r.pass === 'train').map((r) => r.id + (r.weight ?? ''))).toEqual(
			Array(3).fill(['train.bias', 'train.weight0', 'train.weight1']).flat()
		);
	});

	it('write the cells that runsBefore places them at, and nothing shows before its line', () => {
		let s = seededSnapshot([2, 3, 2], 'tanh', 4);
		while (s.cursor.pass !== 'done') {
			const run = nextLine(s)!;
			const n = s.cursor.line ?? 0;
			expect(neuronRuns(s)[n]).toEqual(run);
			const after = stepLine(s);
			for (const written of lineCells(s, run).writes) {
				const a = parseAddress(written)!;
				if (a.kind === 'loss' || a.kind === 'errors_percent') {
					expect(cellValue(s, written)).toBeUndefined();
					expect(cellValue(after, written)).toBeDefined();
					continue;
				}
				if (!('neuron' in a)) throw new Error(written);
				const i = 'index' in a ? a.index : 0;
				const inputs = s.startNet.layers[a.layer].neurons[a.neuron].weights.length;
				// A total is written by its bias line first, then by each term.
				const first = runsBefore(a.kind as 'total', i, inputs);
				if (a.kind === 'total') expect(first).toBe(run.id === 'forward.bias' ? n : 0);
				else {
					expect(first, written).toBe(n);
					expect(hasWritten(s, a.kind as 'value', a.layer, a.neuron, i)).toBe(false);
				}
				expect(hasWritten(after, a.kind as 'value', a.layer, a.neuron, i), written).toBe(true);
			}
			s = after;
		}
	});
});

describe('a total accumulates term by term', () => {
	it('shows b, then b + w₀a₀, then b + w₀a₀ + w₁a₁, partial until its last term', () => {
		const s0 = handStart();
		const s1 = stepLine(s0);
		const s2 = stepLine(s1);
		const s3 = stepLine(s2);
		const z = 'layers.0.neurons.0.total';
		expect(cellValue(s0, z)).toBeUndefined();
		expect(cellValue(s1, z)).toBe(0.1);
		expect(cellValue(s2, z)).toBe(0.1 + 0.2 * 0.5);
		expect(cellValue(s3, z)).toBe(0.1 + 0.2 * 0.5 + -0.3 * -1);
		expect([s1, s2, s3].map((s) => isPartial(s, 0, 0))).toEqual([true, true, false]);
		expect(cellValue(s3, 'layers.0.neurons.0.value')).toBeUndefined();
		expect(cellValue(stepLine(s3), 'layers.0.neurons.0.value')).toBe(Math.tanh(0.5));
	});

	it('reads each term’s weight and input, and writes the total', () => {
		const s = stepLine(handStart());
		expect(lineCells(s, nextLine(s)!)).toEqual({
			reads: ['layers.0.neurons.0.total', 'layers.0.neurons.0.weights.0', 'inputs.0'],
			writes: ['layers.0.neurons.0.total']
		});
	});
});

describe('coarser steps from inside a neuron', () => {
	const start = () => seededSnapshot([2, 3, 2], 'tanh', 4);
	const lines = (s: Snapshot, n: number) => {
		for (let k = 0; k < n; k++) s = stepLine(s);
		return s;
	};

	it('Next neuron finishes the neuron; Next layer and a pass finish theirs', () => {
		const inside = lines(start(), 2);
		expect(step(inside, 'neuron')).toEqual(step(start(), 'neuron'));
		expect(step(inside, 'layer')).toEqual(step(start(), 'layer'));
		expect(step(inside, 'pass')).toEqual(step(start(), 'pass'));
		expect(step(inside, 'iteration')).toEqual(step(start(), 'iteration'));
	});

	it('replays to a cursor inside a neuron, as edits and autosave do', () => {
		const inside = lines(step(start(), 'pass'), 7);
		expect(inside.cursor.line).toBeGreaterThan(0);
		expect(replayTo(start(), inside.cursor)).toEqual(inside);
	});

	it('a Train line updates one parameter; the others keep their old number', () => {
		const trainStart = step(step(start(), 'pass'), 'pass');
		const s = lines(trainStart, 2);
		const old = trainStart.net.layers[0].neurons[0];
		const now = s.net.layers[0].neurons[0];
		expect(now.bias).not.toBe(old.bias);
		expect(now.weights[0]).not.toBe(old.weights[0]);
		expect(now.weights[1]).toBe(old.weights[1]);
		expect(trainStart.net.layers[0].neurons[0]).toBe(old);
	});
});

describe('the listing', () => {
	it('has one line for every line that computes, and writes each activation’s own f and f′', () => {
		for (const [pass, ids] of Object.entries(LINE_IDS))
			for (const id of ids) expect(listingIndex(`${pass}.${id}` as LineId)).toBeGreaterThan(0);
		const value = LISTING.forward[listingIndex('forward.value')];
		expect(value.code('tanh')).toBe('neuron.value = tanh(neuron.total)');
		expect(value.code('relu')).toBe('neuron.value = max(0, neuron.total)');
		const delta = LISTING.backward[listingIndex('backward.output_delta')];
		expect(delta.code('tanh')).toContain('(1 − neuron.value²) *');
		expect(delta.code('sigmoid')).toContain('neuron.value * (1 − neuron.value) *');
	});

	it('names the loop variables of a run', () => {
		const term = nextLine(stepLine(handStart()))!;
		expect(loopVariables(term)).toEqual({ layer_index: 0, neuron_index: 0, weight_index: 0 });
	});
});
