/**
 * What the page says when a step or an edit overflows (engine/maths/overflow.ts
 * finds the cell): which cell, in its words, what it became, and what to do.
 * A computed cell that overflows stays, shown as ∞, −∞ or "not a number";
 * a bias or weight Train would make non-finite is refused, since the notebook
 * keeps finite parameters only (its file holds no ±∞ or NaN), and Undo is the
 * way back.
 */
import { firstOverflow, trainOverflow, type Overflow } from '$lib/engine/maths/overflow.ts';
import { describeAddress, type Labels } from '$lib/engine/maths/cells/words.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { formatNumber } from '$lib/tex/numbers.ts';

export interface OverflowNote {
	readonly address: string;
	readonly pass: Overflow['pass'];
	/** Where the cell's formula is read: after the step, or the step that was refused. */
	readonly snapshot: Snapshot;
	/** Whether the step or edit was refused (Train would have written a non-finite parameter). */
	readonly refused: boolean;
	/** One or two sentences, for eyes and for a screen reader alike. */
	readonly text: string;
}

/** What a cell became, in words: "∞ (too large for a number)", or "not a number (…)". */
function became(value: number): string {
	return Number.isNaN(value)
		? 'not a number (∞ − ∞, 0 · ∞ or ∞ / ∞)'
		: `${formatNumber(value)} (too large for a number)`;
}

/**
 * What the step `what` (a button's name, or "The edit") from `before` to
 * `after` overflowed, or undefined when every number it made is finite.
 */
export function overflowNote(
	what: string,
	before: Snapshot,
	after: Snapshot,
	labels: Labels
): OverflowNote | undefined {
	const train = trainOverflow(before, after);
	const found = train ?? firstOverflow(before, after);
	if (!found) return undefined;
	const cell = `“${describeAddress(found.address, labels)}”`;
	const text = train
		? `${what} was refused: Train would set ${cell} to ${became(found.value)}. The notebook ` +
			`keeps finite biases and weights only, so nothing changed: lower the learning rate η, or Undo.`
		: `${what} overflowed: ${cell} is ${became(found.value)}, and the cells computed from it ` +
			`are not finite either. Undo goes back.`;
	return { address: found.address, pass: found.pass, snapshot: after, refused: !!train, text };
}
