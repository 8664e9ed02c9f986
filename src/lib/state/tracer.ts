/**
 * The code tracer's rules, without Svelte: what a line's variables are
 * called in the listing, their numbers as the line reads or wrote them, which
 * line computes a cell, which run a click on a line stands for, and which
 * cells the next line reads and writes (the tables' and diagram's marks).
 */
import { parseAddress, type Address } from '$lib/engine/maths/addresses.ts';
import { kindOf } from '$lib/engine/maths/cells/kinds.ts';
import { cellInput, cellValue } from '$lib/engine/maths/cells/values.ts';
import { isPartial, lineCells, type LineId, type LineRun } from '$lib/engine/maths/lines.ts';
import type { Snapshot, StepPass } from '$lib/engine/maths/snapshot.ts';
import { nodeKey, type Node, type Stage } from './parameter-stage.ts';

/** One variable of a watch: its name in the listing, its cell and its number. */
export interface WatchItem {
	readonly name: string;
	readonly address: string;
	/** undefined: not computed yet */
	readonly value: number | undefined;
	/** A total mid-sum: some of its terms added, not all */
	readonly partial: boolean;
}

export const passOf = (id: LineId): StepPass => id.slice(0, id.indexOf('.')) as StepPass;

/** `a`'s name in the listing, as line `run` sees it: its own neuron's fields, its inputs, the next layer's. */
export function variableName(run: LineRun, a: Address): string {
	const field = 'index' in a ? `${a.kind}[${a.index}]` : a.kind;
	// The address's shape, not its kind: a cell of no neuron (x, t, η, E, err, n) is a top-level variable.
	if (!('layer' in a)) return field;
	if (run.id === 'forward.loss') return `outputs[${a.neuron}].${field}`;
	if (a.layer === run.layer && a.neuron === run.neuron) return `neuron.${field}`;
	if (a.layer === run.layer - 1 && a.kind === 'value') return `inputs[${a.neuron}]`;
	if (a.layer === run.layer + 1) return `next[${a.neuron}].${field}`;
	return `layers[${a.layer}].neurons[${a.neuron}].${field}`;
}

function item(s: Snapshot, run: LineRun, address: string, value: number | undefined): WatchItem {
	const a = parseAddress(address)!;
	return {
		name: variableName(run, a),
		address,
		value,
		partial: a.kind === 'total' && value !== undefined && isPartial(s, a.layer, a.neuron)
	};
}

/** What the line `run` reads, at the numbers this iteration's passes read (a parameter before Train: its old number). */
export function readsOf(s: Snapshot, run: LineRun): WatchItem[] {
	return lineCells(s, run).reads.map((a) => item(s, run, a, cellInput(s, a)));
}

/** What the line `run` writes, at the numbers the cells hold now (after it ran: what it wrote). */
export function writesOf(s: Snapshot, run: LineRun): WatchItem[] {
	return lineCells(s, run).writes.map((a) => item(s, run, a, cellValue(s, a)));
}

/** The lines that compute the cell `node`, in a net of `layers` layers: none for a number the user sets. */
export function computedBy(node: Node, layers: number): LineId[] {
	const a = parseAddress(node.address);
	if (!a) return [];
	const spec = kindOf(a);
	// A parameter's 'set' number is the user's; only its 'new' one is Train's.
	if (spec.setBy === 'user' && node.stage !== 'new') return [];
	return spec.lines?.(a, layers) ?? [];
}

const PER_WEIGHT = new Set<LineId>(['forward.term', 'backward.weight_gradient', 'train.weight']);

/**
 * The run a click on line `id` stands for: the one at the neuron its pass
 * is at (the next line's, else the one that ran), else at the neuron the
 * cursor is at, else the pass's first; moved to a layer the line runs on. Undefined for a line no layer
 * runs (a hidden layer's δ in a net of one layer).
 */
export function runFor(
	s: Snapshot,
	id: LineId,
	near: readonly (LineRun | undefined)[]
): LineRun | undefined {
	const pass = passOf(id);
	const sizes = s.startNet.layers.map((layer) => layer.neurons.length);
	const last = sizes.length - 1;
	const at = near.find((run) => run?.pass === pass) ??
		near.find((run) => run !== undefined) ?? {
			id,
			pass,
			layer: pass === 'backward' ? last : 0,
			neuron: 0
		};
	if (id === 'forward.loss') return { id, pass, layer: last, neuron: sizes[last] - 1 };
	let { layer, neuron } = at;
	if (id === 'backward.output_delta') layer = last;
	if (id === 'backward.hidden_delta' && layer === last) layer = last - 1;
	if (layer < 0) return undefined;
	if (layer !== at.layer) neuron = 0;
	const weight = PER_WEIGHT.has(id) ? (at.id === id ? (at.weight ?? 0) : 0) : undefined;
	return { id, pass, layer, neuron, ...(weight === undefined ? {} : { weight }) };
}

/** The cell a click on `run`'s line selects: the first it writes (Train's: the parameter's new number). */
export function writtenNode(s: Snapshot, run: LineRun): Node {
	const stage: Stage = run.pass === 'train' ? 'new' : 'set';
	return { address: lineCells(s, run).writes[0], stage };
}

/** The cells a line reads and writes, as node keys: a parameter Train updates is written at its new stage. */
export interface Trace {
	readonly reads: ReadonlySet<string>;
	readonly writes: ReadonlySet<string>;
	/** Every address it reads or writes, whatever the stage (the diagram marks their items) */
	readonly cells: readonly string[];
}

export const NO_TRACE: Trace = { reads: new Set(), writes: new Set(), cells: [] };

export function traceOf(s: Snapshot, run: LineRun | undefined): Trace {
	if (!run) return NO_TRACE;
	const { reads, writes } = lineCells(s, run);
	const stage: Stage = run.pass === 'train' ? 'new' : 'set';
	return {
		reads: new Set(reads),
		writes: new Set(writes.map((a) => nodeKey(a, stage))),
		cells: [...reads, ...writes]
	};
}

/**
 * What the formula bar says of a total mid-sum: its number is the sum of the
 * terms added so far, not yet the formula's result. Undefined for any other cell.
 */
export function partialNote(s: Snapshot, address: string): string | undefined {
	const a = parseAddress(address);
	if (a?.kind !== 'total' || !isPartial(s, a.layer, a.neuron)) return undefined;
	const terms = s.startNet.layers[a.layer].neurons[a.neuron].weights.length;
	// The cursor is inside this neuron: its bias line, then one line per term added.
	const added = (s.cursor.line ?? 1) - 1;
	return `Σ so far: ${added} of ${terms} terms added`;
}
