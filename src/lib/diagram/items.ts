/**
 * The diagram's parts by key (an input, a neuron, a link) and which part a
 * cell address belongs to, so that selecting in the tables highlights the
 * drawing and the other way round.
 */
import { parseAddress } from '$lib/engine/maths/addresses.ts';
import { kindOf } from '$lib/engine/maths/cells/kinds.ts';

/** Keys naming diagram items: an input, a neuron, a link. */
export const inputKey = (i: number) => `i${i}`;
export const neuronKey = (l: number, j: number) => `n${l}.${j}`;
const linkKey = (id: string) => `w${id}`;
/** The link id ("l.j.i") a key names, or undefined for an input's or a neuron's key. */
export const linkIdOf = (key: string) => (key.startsWith('w') ? key.slice(1) : undefined);

/** The diagram item a cell belongs to, as its kind says (cell-kinds table, `item`): a neuron's fields name the neuron, a weight and its gradient the link. */
export function itemKey(address: string): string | undefined {
	const a = parseAddress(address);
	if (!a) return undefined;
	const item = kindOf(a).item;
	if (item === 'input' && 'index' in a) return inputKey(a.index);
	if (item === 'neuron' && 'layer' in a) return neuronKey(a.layer, a.neuron);
	if (item === 'link' && 'index' in a && 'layer' in a)
		return linkKey(`${a.layer}.${a.neuron}.${a.index}`);
	return undefined;
}

export type Mark = 'selected' | 'precedent' | 'dependent';

/**
 * Each item's highlight, by key: the selected cell's item, the items of the
 * cells it reads (precedents) and of the cells that read it (dependents), in
 * that order of precedence.
 */
export function itemMarks(
	selected: string | undefined,
	precedents: Iterable<string>,
	dependents: Iterable<string>
): Map<string, Mark> {
	const marks = new Map<string, Mark>();
	const mark = (addresses: Iterable<string>, m: Mark) => {
		for (const a of addresses) {
			const key = itemKey(a);
			if (key) marks.set(key, m);
		}
	};
	mark(dependents, 'dependent');
	mark(precedents, 'precedent');
	if (selected !== undefined) mark([selected], 'selected');
	return marks;
}

/** The items of `addresses`, as a set of keys. */
export function itemKeys(addresses: Iterable<string>): Set<string> {
	const keys = new Set<string>();
	for (const a of addresses) {
		const key = itemKey(a);
		if (key) keys.add(key);
	}
	return keys;
}
