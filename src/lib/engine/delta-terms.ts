/**
 * The two factors of a neuron's activation gradient, for showing beside it:
 * δ = f'(a) · s, where s = a − t on the last layer and s = Σ_k δ_k w_kj on the
 * others. The same arithmetic as the backward pass, from the same numbers.
 */
import { ACTIVATIONS } from './activations.ts';
import { backwardDone, forwardDone, type Snapshot } from './snapshot.ts';

export interface DeltaTerms {
	/** f'(a), or undefined before forward has computed a */
	readonly fPrime: number | undefined;
	/** a − t or Σ_k δ_k w_kj, or undefined before its inputs exist */
	readonly sum: number | undefined;
}

export function deltaTerms(s: Snapshot, l: number, j: number): DeltaTerms {
	const layers = s.startNet.layers;
	if (!forwardDone(s.cursor, l, j)) return { fPrime: undefined, sum: undefined };
	const value = s.values[l][j];
	const fPrime = ACTIVATIONS[layers[l].activation].fPrime(value);
	if (l === layers.length - 1) {
		return { fPrime, sum: s.cursor.pass === 'forward' ? undefined : value - s.targets[j] };
	}
	const next = layers[l + 1].neurons;
	if (!next.every((_, k) => backwardDone(s.cursor, l + 1, k))) return { fPrime, sum: undefined };
	let sum = 0;
	for (let k = 0; k < next.length; k++) sum += s.activationGradients[l + 1][k] * next[k].weights[j];
	return { fPrime, sum };
}
