/**
 * One row of Train's table: a parameter p of one neuron with its gradient,
 * the number the iteration used (old), Train's change −η·∂E/∂p and the new
 * number, old and new written with enough digits to differ. Before Train
 * reaches the neuron only the old number exists.
 */
import { address } from '$lib/engine/maths/addresses.ts';
import { cellInput, cellValue } from '$lib/engine/maths/cells/values.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { formatNumber } from '$lib/tex/numbers.ts';
import { oldAndNew, signedNumber, type Split } from '$lib/tex/update-digits.ts';
import { isTrained } from '$lib/engine/maths/cells/values.ts';

export interface TrainRow {
	/** The parameter's address, and its gradient's. */
	readonly parameter: string;
	readonly gradient: string;
	/** The number the forward and backward passes used. */
	readonly old: number;
	readonly oldText: Split;
	/** Once trained: new − old, which is −η·∂E/∂p unless the new number was typed. */
	readonly change: number | undefined;
	readonly changeText: string;
	/** Whether the new number was typed rather than computed by Train. */
	readonly typed: boolean;
	readonly newText: Split | undefined;
}

/** Parameter `p` of neuron (l, j): 0 is the bias, i + 1 is weight i. */
export function parameterAddress(l: number, j: number, p: number): string {
	return p === 0 ? address.neuron(l, j, 'bias') : address.weight(l, j, p - 1);
}

export function gradientAddress(l: number, j: number, p: number): string {
	return p === 0 ? address.neuron(l, j, 'bias_gradient') : address.weightGradient(l, j, p - 1);
}

export function trainRow(
	s: Snapshot,
	l: number,
	j: number,
	p: number,
	precision: number
): TrainRow {
	const parameter = parameterAddress(l, j, p);
	const gradient = gradientAddress(l, j, p);
	const old = cellInput(s, parameter) ?? NaN;
	const next = isTrained(s, parameter) ? cellValue(s, parameter) : undefined;
	if (next === undefined) {
		const oldText = { same: formatNumber(old, precision), changed: '' };
		return {
			parameter,
			gradient,
			old,
			oldText,
			change: undefined,
			changeText: '',
			typed: false,
			newText: undefined
		};
	}
	// Train's own arithmetic, w − g·η (cells.ts): then old + change is new exactly.
	const update = -((cellInput(s, gradient) ?? NaN) * s.learningRate);
	const typed = !Object.is(old + update, next);
	const change = typed ? next - old : update;
	const shown = oldAndNew(old, next, precision);
	return {
		parameter,
		gradient,
		old,
		oldText: shown.old,
		change,
		// Its size is the point, not its last digits: three, as a cell's "changed by" line.
		changeText: signedNumber(change, Math.min(precision, 3)),
		typed,
		newText: shown.new
	};
}

const sameSplit = (a: Split | undefined, b: Split | undefined) =>
	a === b || (!!a && !!b && a.same === b.same && a.changed === b.changed);

function sameRow(a: TrainRow, b: TrainRow): boolean {
	return (
		a.parameter === b.parameter &&
		Object.is(a.old, b.old) &&
		Object.is(a.change, b.change) &&
		a.changeText === b.changeText &&
		a.typed === b.typed &&
		sameSplit(a.oldText, b.oldText) &&
		sameSplit(a.newText, b.newText)
	);
}

/** `next`, or `now` when it shows the same numbers: a row that is the same object wakes none of its cells. */
export const keptRow = (now: TrainRow | undefined, next: TrainRow): TrainRow =>
	now && sameRow(now, next) ? now : next;
