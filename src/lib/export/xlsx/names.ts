/**
 * Defined names of the workbook's cells, the cell-kinds table's patterns, so
 * that formulas read like the maths: `layers.1.neurons.0.value` is `a_1_0`,
 * its total `z_1_0`, its activation gradient `delta_1_0`. Every name starts
 * with a letter and holds an underscore or is a word, so Excel and LibreOffice
 * never mistake one for a cell reference (`A1`, `R1C1`) or a function.
 */
import { parseAddress } from '../../engine/maths/addresses.ts';
import { kindOf } from '../../engine/maths/cells/kinds.ts';

/** A bias or weight has two numbers in an iteration: the one it starts with, and the one after Train. */
export type Stage = 'old' | 'new';

/**
 * Names already made, by stage and address: a large net's workbook asks for
 * each name several times over (its cell, every formula it is a precedent
 * of, the Names sheet), and parsing the address each time cost a fifth of
 * planning.
 */
const made: Record<Stage, Map<string, string>> = { old: new Map(), new: new Map() };

/** The defined name of the cell at `addr` (for a parameter, its `stage` number). */
export function cellName(addr: string, stage: Stage = 'old'): string {
	let name = made[stage].get(addr);
	if (name === undefined) made[stage].set(addr, (name = nameOf(addr, stage)));
	return name;
}

function nameOf(addr: string, stage: Stage): string {
	const a = parseAddress(addr);
	if (!a) throw new Error(`${addr} is not a cell address`);
	const after = stage === 'new' ? '_new' : '';
	return kindOf(a).name(a, after);
}
