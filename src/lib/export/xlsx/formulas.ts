/**
 * Spreadsheet formulas of the computed cells, written from the engine's cell
 * model (cells.ts formulaOf, the cell-kinds table's expressions): each refers
 * by name to exactly the cell's precedents, in the same order of operations
 * as the passes, so a spreadsheet recalculates the engine's numbers (to the
 * last bit, but for TANH and EXP).
 */
import { address } from '../../engine/maths/addresses.ts';
import { formulaOf } from '../../engine/maths/cells/cells.ts';
import { factorsOf, sheetOf } from '../../engine/maths/cells/expressions.ts';
import type { Net } from '../../engine/maths/model.ts';
import { cellName } from './names.ts';

const name = (addr: string) => cellName(addr);

/** δ's two factors, f'(a) and a − t (last layer) or Σ_k δ_k w_kj: the Backward table shows both. */
export function deltaFactors(net: Net, l: number, j: number): { fPrime: string; sum: string } {
	const formula = formulaOf(net, address.neuron(l, j, 'activation_gradient'))!;
	const [fPrime, sum] = factorsOf(formula.expression)!;
	return { fPrime: sheetOf(fPrime, name), sum: sheetOf(sum, name) };
}

/**
 * The formula (without `=`) of the computed cell at `addr`, or undefined for a
 * number the user sets. A bias or weight's formula is Train's: its new number.
 */
export function cellFormula(net: Net, addr: string): string | undefined {
	return formulaOf(net, addr)?.sheet(name);
}
