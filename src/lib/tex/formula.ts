/** A cell's formula three ways: in symbols, with numbers substituted, and its result. */
import { cellInput, cellValue } from '$lib/engine/cell-values.ts';
import { formulaOf, symbolTex } from '$lib/engine/cells.ts';
import type { Snapshot } from '$lib/engine/snapshot.ts';
import { DEFAULT_PRECISION, numberTex } from './numbers.ts';

export interface CellTex {
	/** `z^{(0)}_{1} = b^{(0)}_{1} + …`, or just the symbol for a cell the user sets */
	readonly symbols: string;
	/** The right-hand side with each precedent's number, or undefined before its inputs exist. */
	readonly substituted: string | undefined;
	/** The cell's number, or undefined before the iteration computes it. */
	readonly result: string | undefined;
}

export function cellTex(s: Snapshot, address: string, precision = DEFAULT_PRECISION): CellTex {
	const symbol = symbolTex(address);
	const formula = formulaOf(s.net, address);
	const value = cellValue(s, address);
	const result = value === undefined ? undefined : numberTex(value, precision);
	if (!formula) return { symbols: symbol, substituted: undefined, result };
	const symbols = `${symbol} = ${formula.tex(symbolTex)}`;
	const known = formula.precedents.every((p) => cellInput(s, p) !== undefined);
	const substituted = known
		? formula.tex((p) => numberTex(cellInput(s, p)!, precision))
		: undefined;
	return { symbols, substituted, result };
}
