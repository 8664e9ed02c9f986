/** Column headings of the layer tables: the maths' symbols with subscripts. */

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

export function subscript(n: number): string {
	return String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);
}

export { range } from '$lib/engine/maths/range.ts';

/** What weight i of a layer-l neuron multiplies, in words. */
export function sourceOf(l: number, i: number, inputLabels?: readonly string[]): string {
	if (l > 0) return `the value of neuron ${i} of layer ${l - 1}`;
	return inputLabels?.[i] ? `input ${i} (${inputLabels[i]})` : `input ${i}`;
}
