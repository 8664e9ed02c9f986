/**
 * The article's three passes, as pure functions from one snapshot to the next,
 * at four granularities: one neuron, the rest of a layer, the rest of a pass,
 * the rest of the iteration.
 *
 * Any computed cell pinned in `overrides` is used as its pinned number by
 * everything that reads it; what its formula gave is kept in `formulaValues`.
 */
import { ACTIVATIONS } from './activations.ts';
import { address, type NeuronField } from './addresses.ts';
import { scoreOutputs } from './score.ts';
import { finishNeuron, stepLine } from './lines.ts';
import type { Neuron } from './model.ts';
import { nextCursor, type Cursor, type Snapshot } from './snapshot.ts';
import { Draft } from './draft.ts';
import type { Sample } from '../maths/model.ts';
import { createSnapshot } from './snapshot.ts';

export type Granularity = 'line' | 'neuron' | 'layer' | 'pass' | 'iteration';

const neuronCell = (l: number, j: number, field: NeuronField) => () => address.neuron(l, j, field);

/** z = b + Σ_i w_i a_i, a = f(z); the loss once the last neuron is done. */
function forwardNeuron(d: Draft, l: number, j: number): void {
	const s = d.s;
	const layer = s.startNet.layers[l];
	const neuron = layer.neurons[j];
	const inputs = l === 0 ? s.inputs : s.values[l - 1];
	let total = neuron.bias;
	for (let i = 0; i < neuron.weights.length; i++) total += neuron.weights[i] * inputs[i];
	total = d.pin(neuronCell(l, j, 'total'), total);
	d.row('totals', l)[j] = total;
	const value = d.pin(neuronCell(l, j, 'value'), ACTIVATIONS[layer.activation].f(total));
	d.row('values', l)[j] = value;
}

/**
 * Last layer: δ = f'(a)·(a − t). Other layers: δ_j = f'(a_j)·Σ_k δ_k w_kj over layer l + 1.
 * Then ∂E/∂b = δ and ∂E/∂w_ji = a_i δ_j.
 */
function backwardNeuron(d: Draft, l: number, j: number): void {
	const s = d.s;
	const layers = s.startNet.layers;
	const value = s.values[l][j];
	let sum: number;
	if (l === layers.length - 1) {
		sum = value - s.targets[j];
	} else {
		const next = layers[l + 1].neurons;
		const nextGradients = s.activationGradients[l + 1];
		sum = 0;
		for (let k = 0; k < next.length; k++) sum += nextGradients[k] * next[k].weights[j];
	}
	const fPrime = ACTIVATIONS[layers[l].activation].fPrime;
	const delta = d.pin(neuronCell(l, j, 'activation_gradient'), fPrime(value) * sum);
	d.row('activationGradients', l)[j] = delta;
	d.row('biasGradients', l)[j] = d.pin(neuronCell(l, j, 'bias_gradient'), delta);
	const inputs = l === 0 ? s.inputs : s.values[l - 1];
	const gradients = d.weightGradientRow(l, j);
	for (let i = 0; i < inputs.length; i++)
		gradients[i] = d.pin(() => address.weightGradient(l, j, i), inputs[i] * delta);
}

/** b ← b − η ∂E/∂b, w ← w − η ∂E/∂w, from the gradients Backward computed. */
function trainNeuron(d: Draft, l: number, j: number): void {
	const s = d.s;
	const old = s.startNet.layers[l].neurons[j];
	const rate = s.learningRate;
	const gradients = s.weightGradients[l][j];
	const trained: Neuron = {
		bias: old.bias - s.biasGradients[l][j] * rate,
		weights: old.weights.map((w, i) => w - gradients[i] * rate)
	};
	const layers = [...s.net.layers];
	const neurons = [...layers[l].neurons];
	neurons[j] = trained;
	layers[l] = { ...layers[l], neurons };
	s.net = { ...s.net, layers };
}

const KERNELS = { forward: forwardNeuron, backward: backwardNeuron, train: trainNeuron } as const;

/** Neurons per layer of the snapshot's net. */
const neuronCounts = (s: Snapshot) => s.startNet.layers.map((layer) => layer.neurons.length);

/** Whether a step of granularity `g` that began at `from` stops before `c`. */
function stopsAt(g: Granularity, from: Cursor, c: Cursor): boolean {
	if (c.pass === 'done') return true;
	if (g === 'neuron') return true;
	if (g === 'iteration') return false;
	if (g === 'pass') return c.pass !== from.pass;
	return c.pass !== from.pass || c.layer !== from.layer;
}

/** The next snapshot after one step of granularity `g`. A complete iteration stays as it is. */
export function step(s: Snapshot, g: Granularity): Snapshot {
	if (s.cursor.pass === 'done') return s;
	if (g === 'line') return stepLine(s);
	const from = s.cursor;
	// Inside a neuron after "Next line": its remaining lines finish it, the rest goes a neuron at a time.
	if (from.line) {
		const finished = finishNeuron(s);
		return g === 'neuron' || stopsAt(g, from, finished.cursor)
			? finished
			: stepFrom(finished, g, from);
	}
	return stepFrom(s, g, from);
}

/** Neuron steps from `s`'s cursor, at the start of a neuron, until a step of `g` begun at `from` stops. */
function stepFrom(s: Snapshot, g: Granularity, from: Cursor): Snapshot {
	const d = new Draft(s);
	const sizes = neuronCounts(s);
	let c = s.cursor;
	do {
		if (c.pass === 'done') break;
		KERNELS[c.pass](d, c.layer, c.neuron);
		const next = nextCursor(c, sizes);
		if (c.pass === 'forward' && next.pass === 'backward') scoreOutputs(d);
		c = next;
	} while (!stopsAt(g, from, c));
	d.s.cursor = c;
	return d.s;
}

/** The next iteration's first snapshot: the trained weights and the next sample, nothing computed. */
export function nextIteration(s: Snapshot, sample: Sample): Snapshot {
	return createSnapshot({
		net: s.net,
		inputs: sample.inputs,
		targets: sample.targets,
		learningRate: s.learningRate,
		iteration: s.iteration + 1,
		overrides: s.overrides
	});
}

/** The same iteration replayed from its start to the cursor `to`: how edits recompute. */
export function replayTo(start: Snapshot, to: Cursor): Snapshot {
	let s = start;
	// Whole passes, then whole layers, then neurons: as few steps (and copies) as reach `to`.
	while (s.cursor.pass !== to.pass && s.cursor.pass !== 'done') s = step(s, 'pass');
	while (s.cursor.pass === to.pass && s.cursor.layer !== to.layer && s.cursor.pass !== 'done')
		s = step(s, 'layer');
	while (s.cursor.pass === to.pass && s.cursor.neuron < to.neuron && s.cursor.pass !== 'done')
		s = step(s, 'neuron');
	const line = to.line ?? 0;
	while (s.cursor.pass === to.pass && s.cursor.neuron === to.neuron && (s.cursor.line ?? 0) < line)
		s = stepLine(s);
	return s;
}
