/**
 * The two factors of a neuron's activation gradient, for showing beside it:
 * δ = f'(a) · s, where s = a − t on the last layer and s = Σ_k δ_k w_kj on the
 * others. Not a second writing of the rule: the two factors of δ's own
 * expression in the cell-kinds table, evaluated from the snapshot's numbers.
 */
import { address } from '../addresses.ts';
import { cellInput } from './values.ts';
import { formulaOf } from './cells.ts';
import { evaluate, factorsOf, precedentsOf, type Expr } from './expressions.ts';
import { lossDone, type Snapshot } from '../snapshot.ts';

export interface DeltaTerms {
	/** f'(a), or undefined before forward has computed a */
	readonly fPrime: number | undefined;
	/** a − t or Σ_k δ_k w_kj, or undefined before its inputs exist (and before Forward is done) */
	readonly sum: number | undefined;
}

/** `x`'s number once every precedent of it is computed. */
function known(s: Snapshot, x: Expr): number | undefined {
	const read = (p: string) => cellInput(s, p);
	return precedentsOf(x).every((p) => read(p) !== undefined)
		? evaluate(x, (p) => read(p)!)
		: undefined;
}

export function deltaTerms(s: Snapshot, l: number, j: number): DeltaTerms {
	const formula = formulaOf(s.startNet, address.neuron(l, j, 'activation_gradient'))!;
	const [fPrime, sum] = factorsOf(formula.expression)!;
	// a − t belongs to Backward: it shows once the forward pass is done, as δ's other inputs do.
	return { fPrime: known(s, fPrime), sum: lossDone(s.cursor) ? known(s, sum) : undefined };
}
