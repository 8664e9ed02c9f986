/**
 * A workbook as plain data: sheets of rows of cells, each number with its
 * defined name, formula, cached value and format. The sheets (sheets.ts) are
 * planned from one complete iteration; workbook.ts only writes the plan out
 * with exceljs, so everything here runs and is tested without it.
 */
import { parseAddress } from '../../engine/maths/addresses.ts';
import { isComputedKind, kindOf, type CellFormat } from '../../engine/maths/cells/kinds.ts';
import { cellInput, cellValue } from '../../engine/maths/cells/values.ts';
import { step } from '../../engine/maths/passes.ts';
import { createSnapshot, type Snapshot } from '../../engine/maths/snapshot.ts';
import { cellFormula } from './formulas.ts';
import { cellName, type Stage } from './names.ts';

/** How a number is shown: plain decimals, scientific for gradients, a percentage, as typed. */
export type Format = CellFormat;

export type TextStyle = 'title' | 'caption' | 'header' | 'note';

export interface TextCell {
	readonly kind: 'text';
	readonly text: string;
	readonly style?: TextStyle;
}

export interface NumberCell {
	readonly kind: 'number';
	/** The engine's number: the cached value of a formula. */
	readonly value: number;
	readonly format: Format;
	/** The cell's address and defined name, for a cell that has an address (not a mirror). */
	readonly address?: string;
	readonly name?: string;
	/** Without the leading `=`; absent for a number the user sets or pinned. */
	readonly formula?: string;
	/** A number the user sets: shown as one to change. */
	readonly input?: boolean;
	/** For a pinned cell: what its formula is and gives. */
	readonly pinned?: string;
}

export type PlanCell = TextCell | NumberCell | undefined;

export interface SheetPlan {
	readonly name: string;
	readonly rows: readonly (readonly PlanCell[])[];
}

export const text = (t: string, style?: TextStyle): TextCell => ({ kind: 'text', text: t, style });

/** The iteration `s` is in, with every pass run: the cached values of the whole workbook. */
export function completeIteration(s: Snapshot): Snapshot {
	const start = createSnapshot({ ...s, net: s.startNet });
	return step(start, 'iteration');
}

/** The cell-kinds table's format for the cell at `addr`. */
function formatOf(addr: string): Format {
	const a = parseAddress(addr);
	return a ? kindOf(a).format : 'number';
}

/**
 * The cell at `addr` of the complete iteration `s`: a number the user sets
 * (and a parameter's old number) as an input, a pinned cell as its pinned
 * number, anything else as its formula with the engine's value cached.
 */
export function addressCell(s: Snapshot, addr: string, stage: Stage = 'old'): NumberCell {
	const kind = parseAddress(addr)?.kind;
	const base = {
		kind: 'number',
		address: addr,
		name: cellName(addr, stage),
		format: formatOf(addr)
	} as const;
	if (kind === 'iteration') return { ...base, value: s.iteration };
	const formula =
		stage === 'new' || (kind && isComputedKind(kind)) ? cellFormula(s.startNet, addr) : undefined;
	if (formula === undefined) return { ...base, value: cellInput(s, addr)!, input: true };
	const pin = s.overrides[addr];
	if (pin !== undefined) {
		const gives = String(s.formulaValues[addr]);
		return {
			...base,
			value: pin,
			pinned: `Pinned in Gradsheet; its formula =${formula} gives ${gives}`
		};
	}
	return { ...base, value: cellValue(s, addr)!, formula };
}

/** A cell showing another's number (a parameter's old one), as the notebook's mirrored columns do. */
export function mirrorCell(s: Snapshot, addr: string): NumberCell {
	return {
		kind: 'number',
		formula: cellName(addr),
		value: cellInput(s, addr)!,
		format: formatOf(addr)
	};
}

/** `C5` (or `$C$5`, `absolute`) for row 4, column 2, both counted from 0. */
export function cellRef(row: number, column: number, absolute = false): string {
	let letters = '';
	for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26))
		letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
	const $ = absolute ? '$' : '';
	return `${$}${letters}${$}${row + 1}`;
}
