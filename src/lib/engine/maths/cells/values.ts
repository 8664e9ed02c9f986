/**
 * Reading a snapshot by address: the number each cell shows, or undefined
 * while the current iteration has not computed it.
 */
import { parameterPlaceOf, parseAddress, type Address } from '../addresses.ts';
import { parameterAt } from '../model.ts';
import { kindOf } from './kinds.ts';
import { isTrainedAt } from '../lines.ts';
import type { Snapshot } from '../snapshot.ts';

/** The number at `address` now (a trained weight reads its new value), or undefined if not computed yet. */
export function cellValue(s: Snapshot, address: string | Address): number | undefined {
	const a = typeof address === 'string' ? parseAddress(address) : address;
	return a ? kindOf(a).value(a, s) : undefined;
}

/** Whether Train has updated the bias or weight at `address` in this iteration (cellValue then reads its new number). */
export function isTrained(s: Snapshot, address: string): boolean {
	const place = parameterPlaceOf(parseAddress(address));
	return place !== undefined && isTrainedAt(s, place);
}

/**
 * The number at `address` as this iteration's passes read it: parameters at
 * their values before Train ("old"), computed cells as computed (or pinned).
 */
export function cellInput(s: Snapshot, address: string | Address): number | undefined {
	const a = typeof address === 'string' ? parseAddress(address) : address;
	const place = parameterPlaceOf(a);
	if (place) return parameterAt(s.startNet, place);
	return a ? cellValue(s, a) : undefined;
}

/** What a pinned cell's formula gives, or undefined if it is not pinned or not reached. */
export function formulaValue(s: Snapshot, address: string): number | undefined {
	return s.formulaValues[address];
}
