/**
 * Overflow: the first number a step (or an edit's replay) made that is not
 * finite — ±∞ or NaN — found by comparing the snapshots before and after it.
 * Cells are walked in the order the passes compute them (Forward's z and a
 * layer by layer, then E, Backward's gradients from the last layer, Train's
 * biases and weights), so the first one found is where the overflow began:
 * every number its formula read is finite, or came from an earlier step.
 * A parameter Train would make non-finite is the one overflow a step may not
 * keep (the notebook file holds finite numbers only), so it is told apart.
 */
import { address } from './addresses.ts';
import type { Pass, Snapshot } from './snapshot.ts';

export interface Overflow {
	/** The cell's address */
	readonly address: string;
	/** Its number: Infinity, -Infinity or NaN */
	readonly value: number;
	/** The pass that computed it */
	readonly pass: Exclude<Pass, 'done'>;
}

type Visit = (at: () => string, now: number, was: number | undefined) => boolean;

/**
 * The first cell that is not finite after the step from `before` to `after`
 * and was finite (or not yet computed) before it, or undefined. Error % is
 * left out: a missed target of 0 is ∞ % by the article's definition, not an overflow.
 */
export function firstOverflow(before: Snapshot, after: Snapshot): Overflow | undefined {
	// A new iteration recomputes every cell: what the last one held says nothing about this one's.
	const same = before.iteration === after.iteration && before.totals.length === after.totals.length;
	let found: Overflow | undefined;
	const visit =
		(pass: Overflow['pass']): Visit =>
		(at, now, was) => {
			if (Number.isFinite(now) || (same && was !== undefined && !Number.isFinite(was)))
				return false;
			found = { address: at(), value: now, pass };
			return true;
		};
	const old = same ? before : undefined;
	if (walkForward(after, old, visit('forward'))) return found;
	if (walkBackward(after, old, visit('backward'))) return found;
	return trainOverflow(before, after);
}

/** The first bias or weight of `after` that is not finite, when `before`'s was finite: what Train refuses to write. */
export function trainOverflow(before: Snapshot, after: Snapshot): Overflow | undefined {
	const layers = after.net.layers;
	for (let l = 0; l < layers.length; l++) {
		const neurons = layers[l].neurons;
		for (let j = 0; j < neurons.length; j++) {
			const { bias, weights } = neurons[j];
			const was = before.net.layers[l]?.neurons[j];
			if (!Number.isFinite(bias) && Number.isFinite(was?.bias ?? 0))
				return { address: address.neuron(l, j, 'bias'), value: bias, pass: 'train' };
			for (let i = 0; i < weights.length; i++)
				if (!Number.isFinite(weights[i]) && Number.isFinite(was?.weights[i] ?? 0))
					return { address: address.weight(l, j, i), value: weights[i], pass: 'train' };
		}
	}
	return undefined;
}

function walkForward(s: Snapshot, old: Snapshot | undefined, visit: Visit): boolean {
	for (let l = 0; l < s.totals.length; l++)
		for (let j = 0; j < s.totals[l].length; j++) {
			if (visit(() => address.neuron(l, j, 'total'), s.totals[l][j], old?.totals[l][j]))
				return true;
			if (visit(() => address.neuron(l, j, 'value'), s.values[l][j], old?.values[l][j]))
				return true;
		}
	return visit(() => 'loss', s.loss, old?.loss);
}

function walkBackward(s: Snapshot, old: Snapshot | undefined, visit: Visit): boolean {
	for (let l = s.totals.length - 1; l >= 0; l--)
		for (let j = 0; j < s.totals[l].length; j++) {
			const δ = s.activationGradients[l][j];
			if (
				visit(() => address.neuron(l, j, 'activation_gradient'), δ, old?.activationGradients[l][j])
			)
				return true;
			const bias = s.biasGradients[l][j];
			if (visit(() => address.neuron(l, j, 'bias_gradient'), bias, old?.biasGradients[l][j]))
				return true;
			const row = s.weightGradients[l][j];
			for (let i = 0; i < row.length; i++)
				if (visit(() => address.weightGradient(l, j, i), row[i], old?.weightGradients[l][j][i]))
					return true;
		}
	return false;
}
