/**
 * Which neurons learn slowly now, saturated or dead (engine/fast/slow.ts),
 * for the tables, the diagram and the formula bar. Derived from the open
 * moment: recomputed at each step or edit. The dead test's forward passes over
 * the last report's samples (3 to 8 ms on the 12,544-weight net: npm run
 * bench:slow) run only when a ReLU neuron is at a = 0 now, and once per
 * iteration or edit, not at every step.
 */
import { parseAddress } from '$lib/engine/maths/addresses.ts';
import { untrack } from 'svelte';
import { lastReport, slowNeurons, zeroEverywhere, type SlowNeuron } from '$lib/engine/fast/slow.ts';
import type { DataSource } from '$lib/engine/fast/data.ts';
import { sampleFor } from './data-source.ts';
import type { Moment } from './moment.ts';

export type { SlowNeuron };

export class SlowNeurons {
	readonly #rows: (SlowNeuron | undefined)[][];

	constructor(moment: () => Moment, source: () => DataSource) {
		// Steps within an iteration keep these objects, so the samples and the dead test stay put.
		const snapshot = $derived(moment().snapshot);
		const net = $derived(snapshot.startNet);
		const iteration = $derived(snapshot.iteration);
		const inputs = $derived(snapshot.inputs);
		const targets = $derived(snapshot.targets);
		const samples = $derived.by(() => {
			// The current iteration's sample as shown, edits to its inputs included.
			const current = { inputs, targets };
			const now = untrack(moment);
			return lastReport(iteration, (k) =>
				k === iteration ? current : sampleFor(now, source(), k)
			);
		});
		// Read only when a ReLU neuron is at a = 0 now; then once per iteration or edit.
		const zeros = $derived(zeroEverywhere(net, samples));
		this.#rows = $derived(slowNeurons(snapshot, samples, () => zeros));
	}

	/** The neuron of a value or δ cell, when it is saturated or dead. */
	at(address: string): SlowNeuron | undefined {
		const a = parseAddress(address);
		if (!a || (a.kind !== 'value' && a.kind !== 'activation_gradient')) return undefined;
		return this.#rows[a.layer]?.[a.neuron];
	}

	/** Neuron (l, j), when it is saturated or dead. */
	neuron(l: number, j: number): SlowNeuron | undefined {
		return this.#rows[l]?.[j];
	}
}
