/**
 * A bias or weight is two numbers within one iteration once Train has reached
 * its neuron: the value the forward and backward passes used (as set, "before
 * Train") and Train's new one, w ← w − η·∂E/∂w. One address names both, so a
 * selection says which of the two the learner picked, and the highlighting
 * links each to its own neighbours: the value as set is read by totals and
 * gradients and reads nothing; the new one reads it, η and ∂E/∂w, and is
 * read by nothing before the next iteration. Every other cell has one stage, 'set'.
 */
import { isParameter, parameterPlaceOf, type Address } from '$lib/engine/maths/addresses.ts';
import { cellInput, cellValue, isTrained } from '$lib/engine/maths/cells/values.ts';
import { parameterAt } from '$lib/engine/maths/model.ts';
import type { CellGraph } from '$lib/engine/maths/cells/graph.ts';
import type { Cursor, Snapshot } from '$lib/engine/maths/snapshot.ts';
import { isTrainedAt } from '$lib/engine/maths/lines.ts';

/** 'set': the number the passes read (a parameter before Train); 'new': Train's update of a parameter. */
export type Stage = 'set' | 'new';

/**
 * A parameter's cell where it is not the address's home: Forward's b or w
 * once Train has replaced it (`value`, the number the iteration used, and a
 * `note`), or Train's new number before Train has computed it (no value; its
 * accessible name is `label`).
 */
interface CellCopy {
	readonly value?: number;
	readonly note?: string;
	readonly label?: string;
}

/** What each of a parameter's two elements shows where it is not the address's home (undefined: it is the home). */
export interface Copies {
	/** Forward's b or w, once Train has replaced it: the number the iteration used */
	readonly set: CellCopy | undefined;
	/** Train's new number, before Train has computed it */
	readonly new: CellCopy | undefined;
}

const HOMES: Copies = { set: undefined, new: undefined };

/**
 * The copies of the cell at `a` (named `label`) in `s`: only a parameter has
 * any. Before Train reaches its neuron, Forward's element is the home and
 * Train's new number a pending copy; after, the other way round.
 */
export function copiesOf(s: Snapshot, a: Address | undefined, label: string): Copies {
	const place = parameterPlaceOf(a);
	if (!place) return HOMES;
	if (isTrainedAt(s, place))
		return { set: { value: parameterAt(s.startNet, place), note: 'before Train' }, new: undefined };
	return { set: undefined, new: { label: `New ${label}: after Train` } };
}

const sameCopy = (a: CellCopy | undefined, b: CellCopy | undefined) =>
	a === b ||
	(!!a && !!b && Object.is(a.value, b.value) && a.note === b.note && a.label === b.label);

/** `next`, keeping `now`'s objects where they show the same: a cell whose copy is the same object does not wake. */
export function keptCopies(now: Copies, next: Copies): Copies {
	const set = sameCopy(now.set, next.set) ? now.set : next.set;
	const fresh = sameCopy(now.new, next.new) ? now.new : next.new;
	return set === now.set && fresh === now.new ? now : { set, new: fresh };
}

/** One cell at one stage: what a selection, a highlight or a chip points at. */
export interface Node {
	readonly address: string;
	readonly stage: Stage;
}

/** The stage of the element that carries `address`'s data-cell: Train's new value once trained. */
export const homeStage = (s: Snapshot, address: string): Stage =>
	isTrained(s, address) ? 'new' : 'set';

/** `stage` where it means something: only a trained parameter has a 'new' stage. */
export const stageOf = (s: Snapshot, address: string, stage: Stage): Stage =>
	stage === 'new' && isTrained(s, address) ? 'new' : 'set';

/** A node as one string, for sets of highlighted cells: the address, marked when it is the new stage. */
export const nodeKey = (address: string, stage: Stage): string =>
	stage === 'new' ? `${address}→new` : address;

/** How many of layer `l`'s `neurons` Train has updated: those rows show the new parameters. */
export function trainedNeurons(c: Cursor, l: number, neurons: number): number {
	if (c.pass === 'done') return neurons;
	if (c.pass !== 'train' || l > c.layer) return 0;
	return l < c.layer ? neurons : c.neuron;
}

/** The number a node shows: the iteration's value as set, or the cell's number now. */
export function nodeValue(s: Snapshot, node: Node): number | undefined {
	return node.stage === 'set' ? cellInput(s, node.address) : cellValue(s, node.address);
}

export interface Links {
	readonly precedents: readonly Node[];
	readonly dependents: readonly Node[];
}

/** What no selection links: nothing, and the cell graph is not built for it. */
export const NO_LINKS: Links = { precedents: [], dependents: [] };

/**
 * What `node` reads and what reads it. The graph's formula of a parameter is
 * its update; its readers (totals, δ) read the value as set; a parameter
 * among the readers of η or a gradient is its update.
 */
export function linksOf(graph: CellGraph, node: Node): Links {
	const { address, stage } = node;
	const set = (a: string): Node => ({ address: a, stage: 'set' });
	if (isParameter(address)) {
		return stage === 'new'
			? { precedents: [set(address), ...graph.precedents(address).map(set)], dependents: [] }
			: { precedents: [], dependents: graph.dependents(address).map(set) };
	}
	return {
		precedents: graph.precedents(address).map(set),
		dependents: graph
			.dependents(address)
			.map((a) => ({ address: a, stage: isParameter(a) ? 'new' : 'set' }))
	};
}

/** What the formula bar says of a parameter's stage, or undefined for any other cell. */
export function stageNote(s: Snapshot, node: Node): string | undefined {
	if (!isParameter(node.address)) return undefined;
	if (!isTrained(s, node.address)) return 'a number you set';
	return node.stage === 'set'
		? 'before Train: the number this iteration used'
		: 'after Train: its new number';
}
