/**
 * Which layers and neurons a worked example writes out. A net whose longest
 * pass is at most PRINT_LIMIT cells is written whole; a bigger one is
 * written for the layers chosen and the first `neurons` neurons of each (and
 * their weights from the first `neurons` of the layer before), by default
 * every layer with as many neurons as keep each pass within the limit.
 */

/** Cells in one pass that a printed worked example holds: about four pages of one formula a line. */
export const PRINT_LIMIT = 100;
/** Beyond this many cells in one pass the page refuses to typeset them (KaTeX would take seconds). */
export const SHOW_LIMIT = 1000;

export interface Include {
	/** The layers written out, in any order. */
	readonly layers: readonly number[];
	/** How many of each layer's neurons (and of each neuron's weights), from the first. */
	readonly neurons: number;
}

/** Everything of a net with `sizes` = [inputs, layer 0 neurons, …]. */
export const everything = (sizes: readonly number[]): Include => ({
	layers: sizes.slice(1).map((_, l) => l),
	neurons: Math.max(...sizes)
});

/** The cells of the longest pass (Forward, Backward or Train) that `include` writes out. */
export function cellsPerPass(sizes: readonly number[], include: Include): number {
	let forward = 0;
	let backward = 0;
	let train = 0;
	for (const l of include.layers) {
		if (l + 1 >= sizes.length) continue;
		const neurons = Math.min(include.neurons, sizes[l + 1]);
		const weights = Math.min(include.neurons, sizes[l]);
		forward += 2 * neurons; // z and a
		backward += neurons * (2 + weights); // δ, ∂E/∂b and each ∂E/∂w
		train += neurons * (1 + weights); // b and each w
	}
	return Math.max(forward, backward, train);
}

/** Whether a net with `sizes` is written whole by default. */
export const fitsWhole = (sizes: readonly number[]): boolean =>
	cellsPerPass(sizes, everything(sizes)) <= PRINT_LIMIT;

/** What is written by default: the whole net when it fits, else every layer's first neurons, as many as fit. */
export function defaultInclude(sizes: readonly number[]): Include {
	const all = everything(sizes);
	if (fitsWhole(sizes)) return all;
	let neurons = 1;
	while (
		neurons < all.neurons &&
		cellsPerPass(sizes, { ...all, neurons: neurons + 1 }) <= PRINT_LIMIT
	)
		neurons++;
	return { ...all, neurons };
}

/** Whether `include` leaves out part of a net with `sizes`. */
export function isPartial(sizes: readonly number[], include: Include): boolean {
	const every = sizes.slice(1).every((_, l) => include.layers.includes(l));
	return !every || sizes.some((n) => include.neurons < n);
}
