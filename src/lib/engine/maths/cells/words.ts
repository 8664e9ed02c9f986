/** A cell's address in words, for the formula bar, screen readers and exports (the cell-kinds table's words). */
import { parseAddress } from '../addresses.ts';
import { kindOf, type Labels } from './kinds.ts';

export type { Labels };

/** E.g. "Layer 2, neuron 1: weight 0" or "Input 0 (width)". */
export function describeAddress(text: string, labels: Labels = {}): string {
	const a = parseAddress(text);
	return a ? kindOf(a).words(a, labels) : text;
}
