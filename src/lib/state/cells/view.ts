/**
 * What one cell shows, from the snapshot now and the one before the last
 * click: its number short and in full, whether it is pending, just computed,
 * changed (and by how much), pinned (and what its formula gives).
 */
import { parseAddress, type Address } from '$lib/engine/maths/addresses.ts';
import { cellValue, formulaValue } from '$lib/engine/maths/cells/values.ts';
import { isPartial } from '$lib/engine/maths/lines.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { formatNumber } from '$lib/tex/numbers.ts';

export interface CellView {
	readonly value: number | undefined;
	/** data-value: String(x), or '' while the iteration has not computed it */
	readonly full: string;
	readonly short: string;
	readonly pending: boolean;
	/** Computed by the last click (it was pending before). */
	readonly fresh: boolean;
	/** now − before, when the last action changed a number that existed before it */
	readonly delta: number | undefined;
	readonly deltaText: string | undefined;
	readonly pinned: boolean;
	/** What a pinned cell's formula gives, when the iteration has reached it */
	readonly formula: string | undefined;
	/** A total mid-sum ("Next line" has added some of its terms, not all): its number is not z yet */
	readonly partial: boolean;
	/**
	 * Its number is ±∞ or NaN, an overflow (overflow.ts names it): marked, and
	 * shown as ∞, −∞ or "not a number" even when focused (`full` stays
	 * String(x), the data-value contract). Not an error % of a zero
	 * target missed, which is ∞ % by the article's definition.
	 */
	readonly overflowed: boolean;
}

export function cellView(
	now: Snapshot,
	before: Snapshot | undefined,
	address: string | Address,
	precision: number,
	/** The address as text, when `address` is already parsed (pins are keyed by it) */
	text?: string,
	/** The cell's view before, at the same digits: its texts are kept where its numbers are */
	previous?: CellView
): CellView {
	const key = typeof address === 'string' ? address : text;
	const a = typeof address === 'string' ? parseAddress(address) : address;
	const value = a ? cellValue(now, a) : undefined;
	const old = a && before ? cellValue(before, a) : undefined;
	const changed = value !== undefined && old !== undefined && !Object.is(value, old);
	const delta = changed ? value - old : undefined;
	const pinned = key !== undefined && Object.hasOwn(now.overrides, key);
	const formula = pinned ? formulaValue(now, key) : undefined;
	const finite = value === undefined || Number.isFinite(value);
	return {
		value,
		full: value === undefined ? '' : String(value),
		short:
			value === undefined
				? ''
				: previous && Object.is(previous.value, value)
					? previous.short
					: formatNumber(value, precision),
		pending: value === undefined,
		fresh: before !== undefined && value !== undefined && old === undefined,
		delta,
		deltaText:
			delta === undefined || Number.isNaN(delta)
				? undefined
				: previous && Object.is(previous.delta, delta)
					? previous.deltaText
					: signed(delta, precision),
		pinned,
		formula: formula === undefined ? undefined : formatNumber(formula, precision),
		partial: a?.kind === 'total' && value !== undefined && isPartial(now, a.layer, a.neuron),
		overflowed: !finite && a?.kind !== 'errors_percent'
	};
}

function signed(x: number, precision: number): string {
	return `${x > 0 ? '+' : ''}${formatNumber(x, Math.min(precision, 3))}`;
}
