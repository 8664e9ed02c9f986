/**
 * The columns of the per-layer tables, as addresses: which cell sits in
 * column c of neuron j's row, and where an address sits (so that a windowed
 * table can scroll to a cell selected elsewhere). Forward: b, w₀…wₙ₋₁, z, a.
 * Backward: a, f′(a), the sum or a − t, δ. Train is tall rather than wide:
 * a row per parameter (neuron j's b, w₀, w₁, …) with ∂E/∂p, old, −η·∂E/∂p, new.
 */
import { parseAddress, type Address } from '$lib/engine/maths/addresses.ts';

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

/** Train's columns: ∂E/∂p, old, −η·∂E/∂p, new. */
export const TRAIN_COLUMNS = 4;

/** Train's rows for layer `l` of neurons reading `inputs` each: row r is parameter p of neuron j. */
export const trainRows = (l: number, inputs: number) => {
	const per = inputs + 1;
	return {
		/** Rows for `neurons` neurons. */
		count: (neurons: number) => neurons * per,
		neuronOf: (row: number) => Math.floor(row / per),
		/** 0 for the bias, i + 1 for weight i */
		parameterOf: (row: number) => row % per,
		/** A selected parameter or gradient is in its row's "old" or "∂E/∂p" column. */
		locate: ((text) => {
			const a = parseAddress(text);
			if (!a || !('layer' in a) || a.layer !== l) return undefined;
			const row = a.neuron * per + ('index' in a ? a.index + 1 : 0);
			if (a.kind === 'bias_gradient' || a.kind === 'weight_gradients') return [row, 0];
			return a.kind === 'bias' || a.kind === 'weights' ? [row, 1] : undefined;
		}) satisfies Locate
	};
};

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
