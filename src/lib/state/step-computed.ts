/**
 * What a step just computed first: the cell the page brings into view and
 * into the formula bar after a step ("follow the steps"). A pure function of
 * the snapshots before and after the step, so it knows nothing of buttons.
 *
 * Every step begins at the cursor of the snapshot before it (or, once an
 * iteration is done, at the next iteration's first forward neuron), so the
 * first neuron it computed is that cursor's. Of that neuron's cells:
 * - Forward: its total z, not its value a. z is what the neuron computes
 *   first (a = f(z) follows from it), and z's formula, b + Σ w·a, is the
 *   step's real work with every number it read; a sits in the next column.
 * - Backward: its δ (activation_gradient), the first thing Backward computes
 *   for a neuron; its ∂E/∂b and ∂E/∂w follow from it.
 * - Train: its bias, the first parameter Train updates; selecting it shows
 *   the update b ← b − η ∂E/∂b with its numbers.
 */
import { address } from '$lib/engine/maths/addresses.ts';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import { START, trainDone, type Pass, type Snapshot } from '$lib/engine/maths/snapshot.ts';

type StepPass = Exclude<Pass, 'done'>;

export interface Computed {
	/** The cell's address */
	readonly address: string;
	/** The pass that computed it: its section shows it (a Train step's bias is shown in Train's table). */
	readonly pass: StepPass;
}

const FIRST_CELL = {
	forward: 'total',
	backward: 'activation_gradient',
	train: 'bias'
} as const;

/** The first cell the step from `before` to `after` computed, or undefined when it computed nothing. */
export function firstComputed(before: Snapshot, after: Snapshot): Computed | undefined {
	const moved =
		after.iteration !== before.iteration ||
		after.cursor.pass !== before.cursor.pass ||
		after.cursor.layer !== before.cursor.layer ||
		after.cursor.neuron !== before.cursor.neuron;
	if (!moved) return undefined;
	const from = before.cursor.pass === 'done' ? START : before.cursor;
	if (from.pass === 'done') return undefined;
	const { pass, layer: l, neuron: j } = from;
	const at = address.neuron(l, j, FIRST_CELL[pass]);
	// A bias has a number before Train too: what tells that Train reached it is the cursor.
	const reached =
		pass === 'train' ? trainDone(after.cursor, l, j) : cellValue(after, at) !== undefined;
	return reached ? { address: at, pass } : undefined;
}
