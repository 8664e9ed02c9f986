/**
 * Which neurons learn slowly now, saturated or dead (engine/fast/slow.ts),
 * for the tables, the diagram and the formula bar. Derived from the open
 * moment: recomputed at each step or edit. The dead test's forward passes over
 * the last report's samples run only when a ReLU neuron is at a = 0 now.
 */
import { parseAddress } from '$lib/engine/maths/addresses.ts';
import { lastReport, slowNeurons, type SlowNeuron } from '$lib/engine/fast/slow.ts';
import type { DataSource } from '$lib/engine/fast/data.ts';
import { sampleFor } from './data-source.ts';
import type { Moment } from './moment.ts';

export type { SlowNeuron };

export class SlowNeurons {
	readonly #rows: (SlowNeuron | undefined)[][];

	constructor(moment: () => Moment, source: () => DataSource) {
		this.#rows = $derived.by(() => {
			const now = moment();
			const s = now.snapshot;
			// The current iteration's sample as shown, edits to its inputs included.
			const current = { inputs: s.inputs, targets: s.targets };
			const samples = lastReport(s.iteration, (k) =>
				k === s.iteration ? current : sampleFor(now, source(), k)
			);
			return slowNeurons(s, samples);
		});
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
