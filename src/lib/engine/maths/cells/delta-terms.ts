/**
 * The two factors of a neuron's activation gradient, for showing beside it:
 * δ = f'(a) · s, where s = a − t on the last layer and s = Σ_k δ_k w_kj on the
 * others. Not a second writing of the rule: the two factors of δ's own
 * expression in the cell-kinds table, evaluated from the snapshot's numbers.
 */
import { address, parseAddress, type Address } from '../addresses.ts';
import { cellInput } from './values.ts';
import { formulaOf } from './cells.ts';
import { evaluate, factorsOf, precedentsOf, type Expr } from './expressions.ts';
import type { Net } from '../model.ts';
import { lossDone, type Snapshot } from '../snapshot.ts';

export interface DeltaTerms {
	/** f'(a), or undefined before forward has computed a */
	readonly fPrime: number | undefined;
	/** a − t or Σ_k δ_k w_kj, or undefined before its inputs exist (and before Forward is done) */
	readonly sum: number | undefined;
}

/** One factor and the cells it reads, each parsed once: a step of a large net reads thousands. */
interface Factor {
	readonly expression: Expr;
	readonly precedents: readonly (readonly [name: string, at: Address | string])[];
}

/**
 * δ's two factors for neuron j of layer l. They depend on the net's shape and
 * activations only, never on its numbers: a caller showing many steps of one
 * net (the Backward table) makes them once and passes them to `deltaTerms`.
 */
export interface DeltaFactors {
	readonly fPrime: Factor;
	readonly sum: Factor;
}

export function deltaFactors(net: Net, l: number, j: number): DeltaFactors {
	const formula = formulaOf(net, address.neuron(l, j, 'activation_gradient'))!;
	const [fPrime, sum] = factorsOf(formula.expression)!.map((expression) => ({
		expression,
		precedents: precedentsOf(expression).map((p) => [p, parseAddress(p) ?? p] as const)
	}));
	return { fPrime, sum };
}

/** The factor's number once every cell it reads is computed (each read once). */
function known(s: Snapshot, { expression, precedents }: Factor): number | undefined {
	const values = new Map<string, number>();
	for (const [name, at] of precedents) {
		const x = cellInput(s, at);
		if (x === undefined) return undefined;
		values.set(name, x);
	}
	return evaluate(expression, (p) => values.get(p)!);
}

export function deltaTerms(
	s: Snapshot,
	l: number,
	j: number,
	factors: DeltaFactors = deltaFactors(s.startNet, l, j)
): DeltaTerms {
	// a − t belongs to Backward: it shows once the forward pass is done, as δ's other inputs do.
	return {
		fPrime: known(s, factors.fPrime),
		sum: lossDone(s.cursor) ? known(s, factors.sum) : undefined
	};
}
