/** One cell of a worked example: its formula in symbols, with its numbers, and its number (the formula bar's cellTex). */
import { formulaOf } from '$lib/engine/maths/cells/cells.ts';
import { cellInput, cellValue } from '$lib/engine/maths/cells/values.ts';
import { describeAddress, type Labels } from '$lib/engine/maths/cells/words.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { cellTex } from '$lib/tex/formula.ts';
import { numberTex } from '$lib/tex/numbers.ts';
import type { Include } from './include.ts';

export interface WorkedLine {
	readonly address: string;
	/** The cell in words: "Layer 0, neuron 1: total". */
	readonly words: string;
	/** TeX: the symbol, and for a computed cell `= formula` (`\leftarrow` for Train's update). */
	readonly symbols: string;
	/** TeX: the formula's right-hand side with its numbers, or undefined for a number the user sets. */
	readonly substituted: string | undefined;
	/** TeX: the cell's number, in the digits the page shows. */
	readonly result: string;
	/** The cell's number in full, as the page's data-value has it. */
	readonly value: number;
	/** When the number is not what the formula gives (a pinned cell, a weight typed after Train). */
	readonly differs?: { readonly gives: string; readonly why: string };
}

export interface Context {
	readonly s: Snapshot;
	readonly precision: number;
	readonly labels: Labels;
	readonly include: Include;
}

/** One cell's line, or undefined while the iteration has not computed it. `asSet`: a parameter's number before Train. */
function line(c: Context, at: string, asSet = false): WorkedLine | undefined {
	const { s, precision } = c;
	const tex = cellTex(s, at, precision, !asSet);
	const value = asSet ? cellInput(s, at) : cellValue(s, at);
	if (tex.result === undefined || value === undefined) return undefined;
	const formula = tex.substituted === undefined ? undefined : formulaOf(s.net, at);
	const gives = formula?.evaluate((p) => cellInput(s, p)!);
	const differs =
		gives === undefined || Object.is(gives, value)
			? undefined
			: {
					gives: numberTex(gives, precision, 'alone'),
					why: at in s.overrides ? 'pinned' : 'typed after Train'
				};
	return {
		address: at,
		words: describeAddress(at, c.labels),
		symbols: tex.symbols,
		substituted: tex.substituted,
		result: tex.result,
		value,
		...(differs ? { differs } : {})
	};
}

export const lines = (c: Context, addresses: readonly string[], asSet = false): WorkedLine[] =>
	addresses.flatMap((at) => line(c, at, asSet) ?? []);
