/**
 * The columns of the per-layer tables, as addresses: which cell sits in
 * column c of neuron j's row, and where an address sits (so that a windowed
 * table can scroll to a cell selected elsewhere). Forward: b, w₀…wₙ₋₁, z, a.
 * Backward: a, f′(a), the sum or a − t, δ. Train: ∂E/∂b, b, then ∂E/∂wᵢ, wᵢ
 * for each input.
 */
import { parseAddress, type Address } from '$lib/engine/addresses.ts';

/** Where a cell sits in one layer's table: [neuron, column], or undefined when elsewhere. */
export type Locate = (address: string) => readonly [number, number] | undefined;

const at = (l: number, j: number) => `layers.${l}.neurons.${j}`;

export const forwardColumns = (l: number, inputs: number) => ({
	count: inputs + 3,
	address: (j: number, c: number) =>
		c === 0
			? `${at(l, j)}.bias`
			: c <= inputs
				? `${at(l, j)}.weights.${c - 1}`
				: `${at(l, j)}.${c === inputs + 1 ? 'total' : 'value'}`,
	locate: locator(l, (a) => {
		if (a.kind === 'bias') return 0;
		if (a.kind === 'weights') return a.index + 1;
		if (a.kind === 'total') return inputs + 1;
		return a.kind === 'value' ? inputs + 2 : undefined;
	})
});

export const trainColumns = (l: number, inputs: number) => ({
	count: 2 * inputs + 2,
	address: (j: number, c: number) => {
		if (c < 2) return `${at(l, j)}.${c === 0 ? 'bias_gradient' : 'bias'}`;
		const i = (c - 2) >> 1;
		return `${at(l, j)}.${c % 2 === 0 ? 'weight_gradients' : 'weights'}.${i}`;
	},
	locate: locator(l, (a) => {
		if (a.kind === 'bias_gradient') return 0;
		if (a.kind === 'bias') return 1;
		if (a.kind === 'weight_gradients') return 2 + 2 * a.index;
		return a.kind === 'weights' ? 3 + 2 * a.index : undefined;
	})
});

/** Backward's columns are not all cells (f′(a) and the sum are its working): its δ is column 3. */
export const backwardLocate = (l: number): Locate =>
	locator(l, (a) => (a.kind === 'value' ? 0 : a.kind === 'activation_gradient' ? 3 : undefined));

function locator(
	l: number,
	column: (a: Address & { layer: number }) => number | undefined
): Locate {
	return (text) => {
		const a = parseAddress(text);
		if (!a || !('layer' in a) || a.layer !== l) return undefined;
		const c = column(a);
		return c === undefined ? undefined : [a.neuron, c];
	};
}
