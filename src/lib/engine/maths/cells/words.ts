/** A cell's address in words, for the formula bar, screen readers and exports (the cell-kinds table's words). */
import { parseAddress } from '../addresses.ts';
import { kindOf, type Labels } from './kinds.ts';

export type { Labels };

/** E.g. "Layer 2, neuron 1: weight 0" or "Input 0 (width)". */
export function describeAddress(text: string, labels: Labels = {}): string {
	const a = parseAddress(text);
	return a ? kindOf(a).words(a, labels) : text;
}

/** Outside ASCII: a character that may be right-to-left or a bidi control. */
const NOT_ASCII = /[\u0080-\uFFFF]/;

/**
 * A label as the page shows it inside other text: between U+2068 FIRST STRONG
 * ISOLATE and U+2069 POP DIRECTIONAL ISOLATE (what `<bdi>` does, but carried by
 * the text, so it holds in a title, an SVG line or a sentence like "Input 0
 * (…)"), so that a right-to-left label or an override in it never reorders
 * the words around it. Only a label with a character outside ASCII can, so
 * plain ones are left as typed.
 */
export function isolated(label: string): string {
	return NOT_ASCII.test(label) ? `\u2068${label}\u2069` : label;
}

/** The notebook's labels, each isolated, for showing on the page (exports write them as typed). */
export function isolatedLabels(labels: Labels | undefined): Labels {
	return {
		inputs: labels?.inputs?.map(isolated),
		outputs: labels?.outputs?.map(isolated)
	};
}
