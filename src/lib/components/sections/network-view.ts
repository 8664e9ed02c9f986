/** What the Network and Data sections show, derived from the notebook: no computing in components. */
import { formatCount } from '$lib/engine/document/number-text.ts';
import type { ActivationName } from '$lib/engine/maths/activations.ts';
import { LIMITS, type Sample } from '$lib/engine/maths/model.ts';
import { dataSourceOf, netOf, type Notebook } from '$lib/engine/document/notebook.ts';
import { subscript } from './labels.ts';

interface LayerView {
	readonly index: number;
	readonly role: 'hidden' | 'output';
	readonly neurons: number;
	readonly activation: ActivationName;
	/** Its neuron count is the generator's to set (the output layer, while a generator supplies the samples). */
	readonly countFixed: boolean;
	/** A hidden layer can go; the output layer cannot. */
	readonly removable: boolean;
}

export interface NetworkView {
	readonly inputs: number;
	readonly layers: readonly LayerView[];
	/** The generator that fixes the input and output counts, when one supplies the samples. */
	readonly fixedBy: string | undefined;
	/** The input count is the generator's to set. */
	readonly inputsFixed: boolean;
	readonly seed: number;
	/** "2 → 3 → 3 → 2" */
	readonly shape: string;
	/** "tanh", or each layer's activation when they differ: "tanh, relu, linear" */
	readonly activations: string;
	/** "21 weights, 8 biases" */
	readonly counts: string;
	readonly canAddLayer: boolean;
}

export function networkView(notebook: Notebook): NetworkView {
	const net = netOf(notebook);
	const last = net.layers.length - 1;
	const source = dataSourceOf(notebook);
	const fixedBy = source.kind === 'generator' ? source.name : undefined;
	const layers = net.layers.map((layer, l): LayerView => ({
		index: l,
		role: l === last ? 'output' : 'hidden',
		neurons: layer.neurons.length,
		activation: layer.activation,
		countFixed: l === last && fixedBy !== undefined,
		removable: l !== last
	}));
	const inputs = notebook.inputs.length;
	const sizes = [inputs, ...layers.map((l) => l.neurons)];
	let weights = 0;
	for (let l = 1; l < sizes.length; l++) weights += sizes[l - 1] * sizes[l];
	const biases = sizes.slice(1).reduce((a, b) => a + b, 0);
	return {
		inputs,
		layers,
		fixedBy,
		inputsFixed: fixedBy !== undefined,
		seed: notebook.seed ?? 0,
		shape: sizes.join(' → '),
		activations:
			[...new Set(layers.map((l) => l.activation))].length === 1
				? layers[0].activation
				: layers.map((l) => l.activation).join(', '),
		counts: `${plural(weights, 'weight')}, ${plural(biases, 'bias', 'biases')}`,
		canAddLayer: layers.length < LIMITS.maxLayers
	};
}

/** "1 row", "1,200 rows" */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Where the samples come from, in words: "the rectangle generator, seed 1". */
export function dataSummary(notebook: Notebook): string {
	const source = dataSourceOf(notebook);
	switch (source.kind) {
		case 'fixed':
			return 'fixed inputs and targets, every iteration';
		case 'table':
			return `a table of ${plural(source.samples.length, 'row')}, walked in order`;
		case 'generator':
			return `the ${source.name} generator, seed ${source.seed}`;
	}
}

export interface SampleColumn {
	/** x₀, t₁ … */
	readonly symbol: string;
	readonly label: string;
	readonly kind: 'input' | 'target';
	/** Index among the inputs or the targets */
	readonly index: number;
}

/** The samples table's columns: the inputs, then the targets. */
export function sampleColumns(
	inputs: number,
	outputs: number,
	labels: Notebook['labels']
): SampleColumn[] {
	const column = (kind: 'input' | 'target', index: number): SampleColumn => ({
		symbol: `${kind === 'input' ? 'x' : 't'}${subscript(index)}`,
		label: (kind === 'input' ? labels?.inputs : labels?.outputs)?.[index] ?? '',
		kind,
		index
	});
	return [
		...Array.from({ length: inputs }, (_, i) => column('input', i)),
		...Array.from({ length: outputs }, (_, k) => column('target', k))
	];
}

/** A sample cell in words, for screen readers: "Sample 3, input 0 (width)". */
export function sampleLabel(row: number, column: SampleColumn): string {
	const what = `${column.kind} ${column.index}`;
	return `Sample ${row}, ${what}${column.label ? ` (${column.label})` : ''}`;
}

/** The sample the current iteration reads, as a one-row table to start a samples table from. */
export function startingTable(inputs: readonly number[], targets: readonly number[]): Sample[] {
	return [{ inputs: [...inputs], targets: [...targets] }];
}

export const PAGE_ROWS = 50;

/** The first row of the page that shows `row`. */
export function pageStart(row: number): number {
	return Math.floor(row / PAGE_ROWS) * PAGE_ROWS;
}
