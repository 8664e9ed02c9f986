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
import { errorPercent, loss } from './loss.ts';
import type { Neuron } from './model.ts';
import type { Cursor, Snapshot } from './snapshot.ts';
import type { Sample } from '../maths/model.ts';
import { createSnapshot } from './snapshot.ts';

export type Granularity = 'neuron' | 'layer' | 'pass' | 'iteration';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A snapshot being built by one step: rows are copied the first time the step
 * writes to them, so a step costs what it touches, not the size of the net.
 */
class Draft {
	readonly s: Mutable<Snapshot>;
	private copied = new Set<unknown>();
	private pins: Record<string, number> | undefined;

	constructor(from: Snapshot) {
		this.s = { ...from };
	}

	/** `field[l]`, copied once per step so the snapshot we came from stays as it was. */
	row(field: 'totals' | 'values' | 'activationGradients' | 'biasGradients', l: number): number[] {
		return this.own(field, l, () => [...this.s[field][l]]) as number[];
	}

	weightGradientRow(l: number, j: number): number[] {
		const layer = this.own('weightGradients', l, () => [
			...this.s.weightGradients[l]
		]) as number[][];
		const key = `weightGradients.${l}.${j}`;
		if (!this.copied.has(key)) {
			layer[j] = [...layer[j]];
			this.copied.add(key);
		}
		return layer[j];
	}

	private own(field: keyof Snapshot, l: number, copy: () => unknown[]): unknown[] {
		const key = `${field}.${l}`;
		if (!this.copied.has(field)) {
			(this.s as Record<string, unknown>)[field] = [...(this.s[field] as unknown[])];
			this.copied.add(field);
		}
		const rows = this.s[field] as unknown[];
		if (!this.copied.has(key)) {
			rows[l] = copy();
			this.copied.add(key);
		}
		return rows[l] as unknown[];
	}

	/** `computed`, or the number `cell` is pinned to (remembering what the formula gave). */
	pin(cell: () => string, computed: number): number {
		if (this.s.overrides === EMPTY || isEmpty(this.s.overrides)) return computed;
		const name = cell();
		const pinned = this.s.overrides[name];
		if (pinned === undefined) return computed;
		this.pins ??= this.s.formulaValues = { ...this.s.formulaValues };
		this.pins[name] = computed;
		return pinned;
	}
}

const EMPTY = {};
const isEmpty = (o: object) => {
	for (const _ in o) return false;
	return true;
};

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

/** The loss and errors % of the outputs against the targets. */
function scoreOutputs(d: Draft): void {
	const s = d.s;
	const outputs = s.values[s.values.length - 1];
	s.loss = d.pin(() => 'loss', loss(outputs, s.targets));
	s.errorsPercent = outputs.map((a, k) =>
		d.pin(() => address.errorPercent(k), errorPercent(a, s.targets[k]))
	);
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

/** The cursor after (pass, l, j) in a net whose layers have `sizes[l]` neurons. */
export function nextCursor(c: Cursor, sizes: readonly number[]): Cursor {
	const last = sizes.length - 1;
	if (c.pass === 'done') return c;
	if (c.neuron + 1 < sizes[c.layer]) return { ...c, neuron: c.neuron + 1 };
	if (c.pass === 'backward') {
		return c.layer > 0
			? { pass: 'backward', layer: c.layer - 1, neuron: 0 }
			: { pass: 'train', layer: 0, neuron: 0 };
	}
	if (c.layer < last) return { pass: c.pass, layer: c.layer + 1, neuron: 0 };
	return c.pass === 'forward'
		? { pass: 'backward', layer: last, neuron: 0 }
		: { pass: 'done', layer: 0, neuron: 0 };
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
	const d = new Draft(s);
	const sizes = neuronCounts(s);
	const from = s.cursor;
	let c = from;
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
	return s;
}
