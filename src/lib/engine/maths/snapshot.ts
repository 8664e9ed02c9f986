/**
 * A snapshot is the whole state of one moment of an iteration: the net's
 * parameters, the current sample, every number the passes have filled in so
 * far, and a cursor saying what the next step computes. Steps never mutate a
 * snapshot; they return the next one, so history is a list of snapshots.
 */
import type { Net } from './model.ts';
import { layerSizes } from './model.ts';

export const PASSES = ['forward', 'backward', 'train', 'done'] as const;
/** 'done' means the iteration is complete: the next step begins a new one. */
export type Pass = (typeof PASSES)[number];

/** The neuron the next step computes. Forward and train walk layers first to last, backward last to first. */
export interface Cursor {
	readonly pass: Pass;
	readonly layer: number;
	readonly neuron: number;
	/**
	 * How many of the neuron's lines of pseudocode have run (lines.ts), when a
	 * "Next line" stopped inside it; absent at the neuron's start, which is
	 * the only place a neuron, layer or pass step stops.
	 */
	readonly line?: number;
}

/** The passes that compute: every pass but 'done'. */
export type StepPass = Exclude<Pass, 'done'>;

type Rows = readonly (readonly number[])[];

export interface Snapshot {
	/** The parameters now: after Train, the new ones. */
	readonly net: Net;
	/** The parameters this iteration's forward and backward passes use (its "old" weights). */
	readonly startNet: Net;
	readonly inputs: readonly number[];
	readonly targets: readonly number[];
	readonly learningRate: number;
	/** Iterations completed before this one. */
	readonly iteration: number;
	readonly cursor: Cursor;
	/** Computed cells pinned to a number, by address. */
	readonly overrides: Readonly<Record<string, number>>;
	/** For each pinned cell the current iteration has reached: what its formula gives. */
	readonly formulaValues: Readonly<Record<string, number>>;
	/** z, per layer and neuron. */
	readonly totals: Rows;
	/** a = f(z) */
	readonly values: Rows;
	/** δ = ∂E/∂z */
	readonly activationGradients: Rows;
	/** ∂E/∂b = δ */
	readonly biasGradients: Rows;
	/** ∂E/∂w_ji = a_i δ_j, per layer, neuron, weight */
	readonly weightGradients: readonly Rows[];
	/** E = ½ Σ (a − t)² over the outputs */
	readonly loss: number;
	/** |t − a| / |t| · 100 per output */
	readonly errorsPercent: readonly number[];
}

export interface SnapshotInit {
	readonly net: Net;
	readonly inputs: readonly number[];
	readonly targets: readonly number[];
	readonly learningRate: number;
	readonly iteration?: number;
	readonly overrides?: Readonly<Record<string, number>>;
}

export const START: Cursor = { pass: 'forward', layer: 0, neuron: 0 };

const zeros = (n: number) => new Array<number>(n).fill(0);

/** A snapshot at the start of an iteration: nothing computed yet. */
export function createSnapshot(init: SnapshotInit): Snapshot {
	const sizes = layerSizes(init.net);
	const perNeuron = () => sizes.slice(1).map(zeros);
	return {
		net: init.net,
		startNet: init.net,
		inputs: init.inputs,
		targets: init.targets,
		learningRate: init.learningRate,
		iteration: init.iteration ?? 0,
		cursor: START,
		overrides: init.overrides ?? {},
		formulaValues: {},
		totals: perNeuron(),
		values: perNeuron(),
		activationGradients: perNeuron(),
		biasGradients: perNeuron(),
		weightGradients: sizes.slice(1).map((n, l) => Array.from({ length: n }, () => zeros(sizes[l]))),
		loss: 0,
		errorsPercent: zeros(sizes[sizes.length - 1])
	};
}

/** Whether the cursor `c` has passed neuron (l, j) of a pass that walks layers in `order`. */
function passed(c: Cursor, l: number, j: number, order: 1 | -1): boolean {
	return order * (l - c.layer) < 0 || (l === c.layer && j < c.neuron);
}

const rank = (pass: Pass) => PASSES.indexOf(pass);

/** The cursor after neuron (pass, l, j) in a net whose layers have `sizes[l]` neurons. */
export function nextCursor(c: Cursor, sizes: readonly number[]): Cursor {
	const last = sizes.length - 1;
	if (c.pass === 'done') return c;
	if (c.neuron + 1 < sizes[c.layer]) return { pass: c.pass, layer: c.layer, neuron: c.neuron + 1 };
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

/**
 * How many of neuron (l, j)'s lines of `pass` have run this iteration: none
 * before the pass reaches it, all (Infinity) once its step is done, and the
 * cursor's count while "Next line" is inside it.
 */
export function linesRun(c: Cursor, pass: StepPass, l: number, j: number): number {
	if (DONE[pass](c, l, j)) return Infinity;
	return c.pass === pass && c.layer === l && c.neuron === j ? (c.line ?? 0) : 0;
}

/** Whether forward has computed neuron (l, j)'s total and value this iteration. */
export function forwardDone(c: Cursor, l: number, j: number): boolean {
	return rank(c.pass) > rank('forward') || passed(c, l, j, 1);
}

/** Whether backward has computed neuron (l, j)'s gradients this iteration. */
export function backwardDone(c: Cursor, l: number, j: number): boolean {
	return rank(c.pass) > rank('backward') || (c.pass === 'backward' && passed(c, l, j, -1));
}

/** Whether train has updated neuron (l, j)'s bias and weights this iteration. */
export function trainDone(c: Cursor, l: number, j: number): boolean {
	return c.pass === 'done' || (c.pass === 'train' && passed(c, l, j, 1));
}

/** Whether the loss and errors % exist: once the forward pass is complete. */
export function lossDone(c: Cursor): boolean {
	return c.pass !== 'forward';
}

const DONE = { forward: forwardDone, backward: backwardDone, train: trainDone } as const;
