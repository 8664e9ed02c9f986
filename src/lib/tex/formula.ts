/** A cell's formula three ways: in symbols, with numbers substituted, and its result. */
import { isParameter } from '$lib/engine/maths/addresses.ts';
import { cellInput, cellValue, isTrained } from '$lib/engine/maths/cells/values.ts';
import { formulaOf, symbolTerm, symbolTex } from '$lib/engine/maths/cells/cells.ts';
import { TIMES, type Term } from '$lib/engine/maths/cells/expressions.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { DEFAULT_PRECISION, numberTex } from './numbers.ts';
import { oldAndNew } from './update-digits.ts';

export interface CellTex {
	/** `z^{(0)}_{1} = b^{(0)}_{1} + …`, or just the symbol for a number the user sets */
	readonly symbols: string;
	/** The right-hand side with each precedent's number and · between factors, or undefined before its inputs exist. */
	readonly substituted: string | undefined;
	/** The cell's number (bare: `-0.3`, not `(-0.3)`), or undefined before the iteration computes it. */
	readonly result: string | undefined;
	/** Whether the formula is Train's update of a parameter (written with ←). */
	readonly update: boolean;
}

/**
 * `update`: for a parameter, whether it is Train's new number (its update
 * formula) or the number as set, which has no formula; by default, the new
 * one once Train has updated it.
 */
export function cellTex(
	s: Snapshot,
	address: string,
	precision = DEFAULT_PRECISION,
	update = isTrained(s, address)
): CellTex {
	const symbol = symbolTex(address);
	const parameter = isParameter(address);
	const asSet = parameter && !(update && isTrained(s, address));
	const value = asSet ? cellInput(s, address) : cellValue(s, address);
	const result = value === undefined ? undefined : numberTex(value, precision, 'alone');
	// A parameter as set (before Train, or the number the iteration used) is a number the user sets: no formula.
	const formula = asSet ? undefined : formulaOf(s.net, address);
	if (!formula) return { symbols: symbol, substituted: undefined, result, update: false };
	const symbols = `${symbol} ${parameter ? '\\leftarrow' : '='} ${formula.tex(symbolTerm)}`;
	const reads = parameter ? [address, ...formula.precedents] : formula.precedents;
	const known = reads.every((p) => cellInput(s, p) !== undefined);
	// An update changes a parameter in a late digit: old and new get the digits that tell them apart.
	const digits =
		parameter && known && value !== undefined
			? oldAndNew(cellInput(s, address)!, value, precision).digits
			: precision;
	const numbers: Term = (p, place) =>
		numberTex(cellInput(s, p)!, p === address ? digits : precision, place);
	const substituted = known ? formula.tex(numbers, TIMES) : undefined;
	const shown = value === undefined ? undefined : numberTex(value, digits, 'alone');
	return { symbols, substituted, result: shown, update: parameter };
}
