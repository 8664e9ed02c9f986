/**
 * Practice by prediction, the rules alone: which cells a learner may predict
 * now, which pass computes each, and when a prediction counts as right. Plain
 * functions of a snapshot and numbers, so that they are tested without a page.
 */
import { isParameter, parseAddress, type Address } from '$lib/engine/maths/addresses.ts';
import { isComputedKind, kindOf } from '$lib/engine/maths/cells/kinds.ts';
import { cellValue, isTrained } from '$lib/engine/maths/cells/values.ts';
import { isPartial } from '$lib/engine/maths/lines.ts';
import type { Pass, Snapshot } from '$lib/engine/maths/snapshot.ts';
import { formatNumber } from '$lib/tex/numbers.ts';

/** How close a prediction must be: relative 1e-3 of the engine's number, or equal to the digits the page shows. */
export type Tolerance = 'relative' | 'digits';
export const TOLERANCES = ['relative', 'digits'] as const satisfies readonly Tolerance[];

/** The relative tolerance: |p − v| ≤ RELATIVE · |v|. */
export const RELATIVE = 1e-3;
/**
 * The absolute floor for an engine number at or near 0, where a relative
 * bound would ask for the exact bits: a gradient of 0 predicted as 1e-7 is right.
 */
export const ABSOLUTE_FLOOR = 1e-6;

/** Whether `guess` is right for the engine's `value` under `tolerance`, with the page showing `digits` significant digits. */
export function isRight(
	guess: number,
	value: number,
	tolerance: Tolerance,
	digits: number
): boolean {
	if (!Number.isFinite(value)) return Object.is(guess, value);
	if (tolerance === 'digits') return formatNumber(guess, digits) === formatNumber(value, digits);
	return Math.abs(guess - value) <= Math.max(RELATIVE * Math.abs(value), ABSOLUTE_FLOOR);
}

/** The tolerance in words, after "right if", for the tally and the formula bar. */
export function toleranceText(tolerance: Tolerance, digits: number): string {
	return tolerance === 'digits'
		? `equal at the ${digits} significant digits shown`
		: 'within 0.1% of it (relative 1e−3, at least ±1e−6)';
}

/** One pass's tally in words: "3 of 4 right, 1 waiting", or "—" when it has no predictions. */
export function tallyText(t: { right: number; checked: number; pending: number }): string {
	const parts = [
		...(t.checked > 0 ? [`${t.right} of ${t.checked} right`] : []),
		...(t.pending > 0 ? [`${t.pending} waiting`] : [])
	];
	return parts.length > 0 ? parts.join(', ') : '—';
}

/** The passes a prediction is tallied in. */
export type PredictPass = Exclude<Pass, 'done'>;
export const PREDICT_PASSES = ['forward', 'backward', 'train'] as const satisfies PredictPass[];

/** The pass that computes the cell at `a`: an updated bias or weight is Train's. */
export const passOf = (a: Address): PredictPass | undefined => kindOf(a).pass;

/**
 * The iteration a prediction typed now is for: this one, or once it is done
 * the next (whose first step computes every cell afresh).
 */
export const targetIteration = (s: Snapshot): number =>
	s.cursor.pass === 'done' ? s.iteration + 1 : s.iteration;

/**
 * Whether iteration `iteration`'s cell at `address` has been computed in `s`:
 * a computed cell has its number, a bias or weight has been updated by Train.
 * A cell of another iteration than the snapshot's has not.
 */
export function computedIn(s: Snapshot, address: string, iteration: number): boolean {
	if (s.iteration !== iteration) return false;
	if (isParameter(address)) return isTrained(s, address);
	// A total "Next line" is still adding terms to is not its number yet.
	const a = parseAddress(address);
	if (a?.kind === 'total' && isPartial(s, a.layer, a.neuron)) return false;
	return cellValue(s, address) !== undefined;
}

/**
 * Whether the learner may predict `address` now: a cell some step computes
 * (a parameter's number after Train included), not yet computed for the
 * iteration a prediction now is for. Inputs, targets, η and the count never are.
 */
export function isPredictable(s: Snapshot, address: string): boolean {
	const a = parseAddress(address);
	if (!a || passOf(a) === undefined) return false;
	if (!isParameter(address) && !isComputedKind(a.kind)) return false;
	return !computedIn(s, address, targetIteration(s));
}
