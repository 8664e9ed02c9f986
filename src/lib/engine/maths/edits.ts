/**
 * Edits to what an iteration starts from: a parameter, an input, a target,
 * the learning rate, or a pinned cell. Each returns a new start snapshot; the
 * caller replays it to where the iteration was (passes.ts, replayTo), so every
 * pass already run is recomputed and none is run that was not.
 */
import { parseAddress } from './addresses.ts';
import { isComputedKind } from './cells/kinds.ts';
import type { Net } from './model.ts';
import { createSnapshot, type Snapshot } from './snapshot.ts';

export type EditResult = { ok: true; start: Snapshot } | { ok: false; error: string };

/** `net` with the bias or weight at (layer, neuron[, index]) set to `value`. */
export function withParameter(
	net: Net,
	layer: number,
	neuron: number,
	index: number | undefined,
	value: number
): Net {
	const layers = [...net.layers];
	const neurons = [...layers[layer].neurons];
	const old = neurons[neuron];
	neurons[neuron] =
		index === undefined
			? { ...old, bias: value }
			: { ...old, weights: old.weights.map((w, i) => (i === index ? value : w)) };
	layers[layer] = { ...layers[layer], neurons };
	return { ...net, layers };
}

const replaced = (list: readonly number[], index: number, value: number) =>
	list.map((x, i) => (i === index ? value : x));

/**
 * The start snapshot with the cell at `address` set to `value`: a number the
 * user sets is changed, a computed one is pinned.
 */
export function editStart(start: Snapshot, address: string, value: number): EditResult {
	const a = parseAddress(address);
	if (!a) return { ok: false, error: `${address} is not a cell` };
	if (!Number.isFinite(value)) return { ok: false, error: 'only a finite number can go here' };
	const base = { ...start, net: start.startNet };
	switch (a.kind) {
		case 'inputs':
			return {
				ok: true,
				start: createSnapshot({ ...base, inputs: replaced(start.inputs, a.index, value) })
			};
		case 'targets':
			return {
				ok: true,
				start: createSnapshot({ ...base, targets: replaced(start.targets, a.index, value) })
			};
		case 'learning_rate':
			return { ok: true, start: createSnapshot({ ...base, learningRate: value }) };
		case 'bias':
		case 'weights': {
			const index = a.kind === 'weights' ? a.index : undefined;
			const net = withParameter(start.startNet, a.layer, a.neuron, index, value);
			return { ok: true, start: createSnapshot({ ...base, net }) };
		}
		case 'iteration':
			return { ok: false, error: 'the iteration counts itself; step to change it' };
		default:
			if (!isComputedKind(a.kind)) return { ok: false, error: `${address} cannot be edited` };
			return {
				ok: true,
				start: createSnapshot({ ...base, overrides: { ...start.overrides, [address]: value } })
			};
	}
}

/** The start snapshot without the pin on `address`: its formula rules again. */
export function unpinStart(start: Snapshot, address: string): Snapshot {
	const overrides = { ...start.overrides };
	delete overrides[address];
	return createSnapshot({ ...start, net: start.startNet, overrides });
}
