/**
 * What a step just computed first: the cell the page brings into view and
 * into the formula bar after a step ("follow the steps"). A pure function of
 * the snapshots before and after the step, so it knows nothing of buttons.
 *
 * Every step begins at the cursor of the snapshot before it (or, once an
 * iteration is done, at the next iteration's first forward neuron), so the
 * first line it ran is that cursor's (lines.ts), and the cell is the first
 * that line writes. A "Next line" runs just that line; a neuron's step from
 * its start runs its first line first, so of the neuron's cells it is:
 * - Forward: its total z, not its value a. z is what the neuron computes
 *   first (a = f(z) follows from it), and z's formula, b + Σ w·a, is the
 *   step's real work with every number it read; a sits in the next column.
 * - Backward: its δ (activation_gradient), the first thing Backward computes
 *   for a neuron; its ∂E/∂b and ∂E/∂w follow from it.
 * - Train: its bias, the first parameter Train updates; selecting it shows
 *   the update b ← b − η ∂E/∂b with its numbers.
 */
import type { Address } from '$lib/engine/maths/addresses.ts';
import { kindOf } from '$lib/engine/maths/cells/kinds.ts';
import { cellValue, isTrained } from '$lib/engine/maths/cells/values.ts';
import { lineAt, lineCells } from '$lib/engine/maths/lines.ts';
import { START, type Pass, type Snapshot } from '$lib/engine/maths/snapshot.ts';

type StepPass = Exclude<Pass, 'done'>;

export interface Computed {
	/** The cell's address */
	readonly address: string;
	/** The pass that computed it: its section shows it (a Train step's bias is shown in Train's table). */
	readonly pass: StepPass;
}

/** The first cell the step from `before` to `after` computed, or undefined when it computed nothing. */
export function firstComputed(before: Snapshot, after: Snapshot): Computed | undefined {
	const [was, now] = [before.cursor, after.cursor];
	const moved =
		after.iteration !== before.iteration ||
		now.pass !== was.pass ||
		now.layer !== was.layer ||
		now.neuron !== was.neuron ||
		now.line !== was.line;
	if (!moved) return undefined;
	const run = lineAt(after, was.pass === 'done' ? START : was);
	if (!run) return undefined;
	const at = lineCells(after, run).writes[0];
	// A parameter has a number before Train too: what tells that Train reached it is the cursor.
	const reached = run.pass === 'train' ? isTrained(after, at) : cellValue(after, at) !== undefined;
	return reached ? { address: at, pass: run.pass } : undefined;
}

/**
 * The pass section that holds a computed cell's own table cell (its
 * data-cell), or the pass it follows: z and a are Forward's (the loss and
 * error % are found after it), δ is Backward's, and the gradients of b and w
 * are in Train's ∂E/∂p column. Undefined for the numbers the user sets.
 */
export const homeSection = (a: Address): StepPass | undefined => kindOf(a).section;
