/**
 * Why a neuron learns slowly (issue 13): its δ = f'(z) · Σ w δ is scaled by
 * f', and where f' is all but 0 the neuron's bias and weights barely move. A
 * neuron is *saturated* when its current value a lies where its activation's
 * f' is tiny (tanh |a| > 0.99, σ within 0.01 of 0 or 1: the activation
 * table's `slow` rule), and *dead* when its ReLU gives a = 0 on every sample
 * of the last report, so that f' = 0 and nothing ever moves it. The leaky
 * ReLU is never dead: its f' is at least 0.01.
 *
 * "The last report" is the samples of the last REPORT_SAMPLES iterations up to
 * the current one, or before that many have run, of the first REPORT_SAMPLES
 * (the first report's): a table's rows in the order iterations take them, a
 * generator's samples, or the one fixed sample, run forward through the
 * parameters the current iteration uses. So "dead" never rests on a sample or
 * two. The Run's own reports span up to millions of iterations, too many to
 * re-run at every step.
 */
import { ACTIVATIONS } from '../maths/activations.ts';
import { forwardValues } from './grid.ts';
import type { Net, Sample } from '../maths/model.ts';
import { forwardDone, type Snapshot } from '../maths/snapshot.ts';

/** How many recent iterations' samples "the last report" holds. */
const REPORT_SAMPLES = 100;

export interface SlowNeuron {
	readonly kind: 'saturated' | 'dead';
	/** The current value a */
	readonly a: number;
	/** f' at that value: what δ is scaled by */
	readonly fPrime: number;
	/** The mark beside the value: "sat." or "dead" */
	readonly short: string;
	/** Why its gradient is small, in words */
	readonly words: string;
}

/** The samples of "the last report": iterations i − 99 … i, or 0 … 99 while i < 99; `sampleOf(k)` gives iteration k's. */
export function lastReport(iteration: number, sampleOf: (k: number) => Sample): Sample[] {
	const from = Math.max(0, iteration - REPORT_SAMPLES + 1);
	return Array.from({ length: REPORT_SAMPLES }, (_, n) => sampleOf(from + n));
}

/** A few significant figures, as words can carry them. */
const figures = (x: number, n = 2) => String(Number(x.toPrecision(n)));

/** Whether neuron (l, j) is at a = 0 on every sample of the last report (zeroEverywhere). */
type Zeros = (l: number, j: number) => boolean;

/**
 * For each layer and neuron, whether it is saturated or dead now (undefined
 * when neither, or while the current iteration has not computed its value).
 * `samples` are the last report's; `zeros` is asked only when a ReLU neuron
 * is at a = 0 now (the page keeps it for the iteration: it depends only on
 * the iteration's parameters and samples).
 */
export function slowNeurons(
	s: Snapshot,
	samples: readonly Sample[],
	zeros: () => Zeros = () => zeroEverywhere(s.startNet, samples)
): (SlowNeuron | undefined)[][] {
	let dead: Zeros | undefined;
	return s.startNet.layers.map((layer, l) => {
		const { slow, fPrime } = ACTIVATIONS[layer.activation];
		return layer.neurons.map((_, j) => {
			const a = s.values[l][j];
			if (!slow || !forwardDone(s.cursor, l, j) || !slow.at(a)) return undefined;
			if (slow.kind === 'dead' && !(dead ??= zeros())(l, j)) return undefined;
			const d = fPrime(a);
			const words =
				slow.kind === 'saturated'
					? `Saturated: a = ${figures(a, 4)} (${slow.rule}), so ${slow.prime} = ${figures(d)}: δ is scaled by it, so this neuron's weights ${d === 0 ? 'do not move at all' : 'barely move'}.`
					: `Dead: a = 0 on all ${samples.length} samples of the last report, so ${slow.prime} = 0: δ is 0 on every one, so this neuron's weights do not move.`;
			return {
				kind: slow.kind,
				a,
				fPrime: d,
				short: slow.kind === 'dead' ? 'dead' : 'sat.',
				words
			};
		});
	});
}

/** Whether neuron (l, j) of `net` gives a = 0 on every sample, by forward passes. */
export function zeroEverywhere(net: Net, samples: readonly Sample[]): Zeros {
	const { start, run } = forwardValues(net);
	const alive = new Uint8Array(start.at(-1)!);
	for (const sample of samples) {
		const values = run(sample.inputs);
		for (let o = start[1]; o < values.length; o++) if (values[o] !== 0) alive[o] = 1;
	}
	return (l, j) => alive[start[l + 1] + j] === 0;
}
