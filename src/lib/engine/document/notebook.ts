/**
 * The notebook: everything a user can set, as one JSON document (PRODUCT.md,
 * "Notebook file (version 1)"). Parsing and serialising live in
 * notebook-file.ts; this module holds the type and what the engine derives
 * from it.
 */
import type { ActivationName } from '../maths/activations.ts';
import type { DataSource, GeneratorName } from '../fast/data.ts';
import type { Net, Sample } from '../maths/model.ts';
import type { NotebookPredictions } from './predictions-schema.ts';

export interface NotebookLayer {
	/** This layer's activation; the notebook's `activation` when absent. */
	readonly activation?: ActivationName;
	readonly neurons: readonly { readonly bias: number; readonly weights: readonly number[] }[];
}

export interface Notebook {
	readonly format: 'gradsheet-notebook';
	readonly version: 1;
	/** The default activation of every layer. */
	readonly activation: ActivationName;
	readonly learningRate: number;
	/** The current iteration's inputs and targets. */
	readonly inputs: readonly number[];
	readonly targets: readonly number[];
	readonly layers: readonly NotebookLayer[];
	readonly labels?: { readonly inputs?: readonly string[]; readonly outputs?: readonly string[] };
	/** Training rows that iterations walk in order; wins over `dataset`. */
	readonly samples?: readonly Sample[];
	/** A generator that draws each iteration's sample, seeded by `seed`. */
	readonly dataset?: GeneratorName;
	/** Seeds the generator's samples and any re-initialisation. */
	readonly seed?: number;
	/** Computed cells pinned to a number, by address. */
	readonly overrides?: Readonly<Record<string, number>>;
	/** Iterations completed so far (the `iteration` cell). */
	readonly iteration?: number;
	/** Cells asked to be predicted, and the learner's predictions (predictions-schema.ts). */
	readonly predictions?: NotebookPredictions;
	/** Fields this version does not know are kept, not dropped. */
	readonly [unknown: string]: unknown;
}

/** The net a notebook describes, each layer with its activation resolved. */
export function netOf(notebook: Notebook): Net {
	return {
		layers: notebook.layers.map((layer) => ({
			activation: layer.activation ?? notebook.activation,
			neurons: layer.neurons
		}))
	};
}

/** Where the notebook's iterations take their samples from. */
export function dataSourceOf(notebook: Notebook): DataSource {
	if (notebook.samples && notebook.samples.length > 0)
		return { kind: 'table', samples: notebook.samples };
	if (notebook.dataset)
		return { kind: 'generator', name: notebook.dataset, seed: notebook.seed ?? 0 };
	return { kind: 'fixed', sample: { inputs: notebook.inputs, targets: notebook.targets } };
}
