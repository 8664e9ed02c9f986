/**
 * The generic training loop's arithmetic for one neuron (trainer.ts): f and
 * f' from the activations table, the weighted sum and the descent step over a flat
 * row, each operation exactly as activations.ts and passes.ts do it, in the
 * same order, so that the loop matches the step functions bit for bit.
 */
import { activationOf, type Activation, type ActivationName } from '../maths/activations.ts';
import type { Row } from './sampler.ts';

/**
 * Each layer's f and f' from the activations table (activations.ts): the loop
 * calls them, so it has no activation of its own to forget. A name the table
 * does not have throws here, before any iteration runs.
 */
export function layerActivations(names: readonly ActivationName[]): {
	f: Activation['f'][];
	fPrime: Activation['fPrime'][];
} {
	const activations = names.map(activationOf);
	return { f: activations.map((a) => a.f), fPrime: activations.map((a) => a.fPrime) };
}

/**
 * b + Σ_i w_i a_i added left to right, with b at w[p] and the weights after
 * it. Fan-ins of 2 and 3 (the article's net) are unrolled: about 10 % faster.
 */
export function weightedSum(w: Row, p: number, a: Row, at: number, m: number): number {
	if (m === 2) return w[p] + w[p + 1] * a[at] + w[p + 2] * a[at + 1];
	if (m === 3) return w[p] + w[p + 1] * a[at] + w[p + 2] * a[at + 1] + w[p + 3] * a[at + 2];
	let total = w[p];
	for (let i = 0; i < m; i++) total += w[p + 1 + i] * a[at + i];
	return total;
}

/** b ← b − δ·η and w_i ← w_i − (a_i δ)·η for the neuron whose bias is w[p]. */
export function descend(
	w: Row,
	p: number,
	a: Row,
	at: number,
	m: number,
	delta: number,
	rate: number
) {
	w[p] = w[p] - delta * rate;
	if (m === 2 || m === 3) {
		w[p + 1] = w[p + 1] - a[at] * delta * rate;
		w[p + 2] = w[p + 2] - a[at + 1] * delta * rate;
		if (m === 3) w[p + 3] = w[p + 3] - a[at + 2] * delta * rate;
		return;
	}
	for (let i = 0; i < m; i++) w[p + 1 + i] = w[p + 1 + i] - a[at + i] * delta * rate;
}
