/**
 * The cell model: for every address, its symbol, its formula (as TeX built
 * from its precedents' terms), its precedents, its spreadsheet text and an
 * evaluator that computes it from those precedents in the same order of
 * operations as the passes. All of it is read from the one expression of
 * its kind in the cell-kinds table (kinds.ts). A test checks evaluator
 * against passes for every cell, so the formula bar, the highlighting and the
 * exports cannot drift from the engine.
 */
import { parseAddress, type Address } from '../addresses.ts';
import { kindOf } from './kinds.ts';
import {
	JUXTAPOSED,
	evaluate,
	precedentsOf,
	sheetOf,
	texOf,
	type Expr,
	type Read,
	type Term
} from './expressions.ts';
import type { Net } from '../model.ts';

export interface Formula {
	/** The formula itself, over its precedents. */
	readonly expression: Expr;
	/** Addresses this cell reads, in the formula's order. */
	readonly precedents: readonly string[];
	/** The right-hand side in TeX, with each precedent rendered by `term` and products by `times`. */
	readonly tex: (term: Term, times?: string) => string;
	/** The cell's number from its precedents' numbers. */
	readonly evaluate: (read: Read) => number;
	/** The right-hand side as spreadsheet text (no `=`), each cell by its defined `name`. */
	readonly sheet: (name: (address: string) => string) => string;
}

/** The TeX symbol of a cell: z^{(1)}_{0}, δ, ∂E/∂w, … */
export function symbolTex(addr: string | Address): string {
	const a = typeof addr === 'string' ? parseAddress(addr) : addr;
	return a ? kindOf(a).symbol(a) : '?';
}

/** A precedent as its symbol, bracketed where a power would otherwise stack on its indices. */
export const symbolTerm: Term = (address, place) =>
	place === 'power' ? `\\left(${symbolTex(address)}\\right)` : symbolTex(address);

/** The formula of the cell at `addr` in `net`, or undefined for a cell the user sets (x, t, η, n). */
export function formulaOf(net: Net, addr: string): Formula | undefined {
	const a = parseAddress(addr);
	const expression = a && kindOf(a).formula?.(a, net);
	if (!expression) return undefined;
	return {
		expression,
		precedents: precedentsOf(expression),
		tex: (term, times = JUXTAPOSED) => texOf(expression, term, times),
		evaluate: (read) => evaluate(expression, read),
		sheet: (name) => sheetOf(expression, name)
	};
}
