/**
 * Cell addresses: the article's own field paths (PRODUCT.md, "Cell addresses"),
 * e.g. `layers.2.neurons.1.activation_gradient`. One address names one number.
 */
import { parameterPlaces, type ParameterPlace } from './model.ts';

/** Kinds of cell that belong to one neuron. */
const NEURON_FIELDS = ['bias', 'total', 'value', 'activation_gradient', 'bias_gradient'] as const;
export type NeuronField = (typeof NEURON_FIELDS)[number];

/** Kinds of cell that belong to one weight of a neuron. */
const WEIGHT_FIELDS = ['weights', 'weight_gradients'] as const;
type WeightField = (typeof WEIGHT_FIELDS)[number];

export type Address =
	| { readonly kind: 'inputs' | 'targets' | 'errors_percent'; readonly index: number }
	| { readonly kind: 'learning_rate' | 'loss' | 'iteration' }
	| { readonly kind: NeuronField; readonly layer: number; readonly neuron: number }
	| {
			readonly kind: WeightField;
			readonly layer: number;
			readonly neuron: number;
			readonly index: number;
	  };

export type CellKind = Address['kind'];

export const address = {
	input: (i: number) => `inputs.${i}`,
	target: (k: number) => `targets.${k}`,
	errorPercent: (k: number) => `errors_percent.${k}`,
	neuron: (l: number, j: number, field: NeuronField) => `layers.${l}.neurons.${j}.${field}`,
	weight: (l: number, j: number, i: number) => `layers.${l}.neurons.${j}.weights.${i}`,
	weightGradient: (l: number, j: number, i: number) =>
		`layers.${l}.neurons.${j}.weight_gradients.${i}`
} as const;

const INDEX = /^(0|[1-9]\d{0,5})$/;
const index = (part: string | undefined) =>
	part !== undefined && INDEX.test(part) ? Number(part) : undefined;

/**
 * Addresses parsed so far: a step reads the same few thousand cells by address
 * again and again, and a lookup costs a fraction of a split and four regex
 * tests. Bounded, so that walking a 100,000-weight net does not keep them all;
 * the parsed objects are read-only, so sharing them is safe.
 */
const parsed = new Map<string, Address | undefined>();
const PARSED_MOST = 100_000;

/**
 * The address a string names, or undefined. Only checks the form; whether the
 * indices exist in a given net is `sizes`' business (see `addressExists`).
 */
export function parseAddress(text: string): Address | undefined {
	let a = parsed.get(text);
	if (a === undefined && !parsed.has(text)) {
		if (parsed.size >= PARSED_MOST) parsed.clear();
		a = parseForm(text);
		parsed.set(text, a);
	}
	return a;
}

function parseForm(text: string): Address | undefined {
	const parts = text.split('.');
	if (parts.length === 1) {
		return parts[0] === 'learning_rate' || parts[0] === 'loss' || parts[0] === 'iteration'
			? { kind: parts[0] }
			: undefined;
	}
	if (parts.length === 2) {
		const i = index(parts[1]);
		const kind = parts[0];
		if (i === undefined) return undefined;
		return kind === 'inputs' || kind === 'targets' || kind === 'errors_percent'
			? { kind, index: i }
			: undefined;
	}
	if (parts[0] !== 'layers' || parts[2] !== 'neurons') return undefined;
	const layer = index(parts[1]);
	const neuron = index(parts[3]);
	if (layer === undefined || neuron === undefined) return undefined;
	const field = parts[4];
	if (parts.length === 5 && (NEURON_FIELDS as readonly string[]).includes(field))
		return { kind: field as NeuronField, layer, neuron };
	const i = index(parts[5]);
	if (parts.length === 6 && i !== undefined && (WEIGHT_FIELDS as readonly string[]).includes(field))
		return { kind: field as WeightField, layer, neuron, index: i };
	return undefined;
}

/** Whether `a` names a number of a net with `sizes` = [inputs, layer 0 neurons, …]. */
export function addressExists(a: Address, sizes: readonly number[]): boolean {
	const outputs = sizes[sizes.length - 1];
	switch (a.kind) {
		case 'inputs':
			return a.index < sizes[0];
		case 'targets':
		case 'errors_percent':
			return a.index < outputs;
		case 'learning_rate':
		case 'loss':
		case 'iteration':
			return true;
		case 'weights':
		case 'weight_gradients':
			return (
				a.layer < sizes.length - 1 && a.neuron < sizes[a.layer + 1] && a.index < sizes[a.layer]
			);
		default:
			return a.layer < sizes.length - 1 && a.neuron < sizes[a.layer + 1];
	}
}

/** Every address of a net with `sizes`, in reading order. */
export function allAddresses(sizes: readonly number[]): string[] {
	const out = ['iteration', 'learning_rate', 'loss'];
	for (let i = 0; i < sizes[0]; i++) out.push(address.input(i));
	const outputs = sizes[sizes.length - 1];
	for (let k = 0; k < outputs; k++) out.push(address.target(k), address.errorPercent(k));
	for (let l = 0; l + 1 < sizes.length; l++) {
		for (let j = 0; j < sizes[l + 1]; j++) {
			for (const field of NEURON_FIELDS) out.push(address.neuron(l, j, field));
			for (let i = 0; i < sizes[l]; i++)
				out.push(address.weight(l, j, i), address.weightGradient(l, j, i));
		}
	}
	return out;
}

/** Where the bias or weight at `a` sits in its net, or undefined for any other cell. */
export function parameterPlaceOf(a: Address | undefined): ParameterPlace | undefined {
	if (a?.kind === 'bias') return { layer: a.layer, neuron: a.neuron, index: undefined };
	if (a?.kind === 'weights') return { layer: a.layer, neuron: a.neuron, index: a.index };
	return undefined;
}

/** Whether `address` names a bias or a weight: a number the user sets that Train then updates. */
export const isParameter = (address: string): boolean =>
	parameterPlaceOf(parseAddress(address)) !== undefined;

/** Every bias's and weight's address, in the one order of the parameters (model.ts's parameterPlaces). */
export function parameterAddresses(sizes: readonly number[]): string[] {
	return parameterPlaces(sizes).map(({ layer, neuron, index }) =>
		index === undefined
			? address.neuron(layer, neuron, 'bias')
			: address.weight(layer, neuron, index)
	);
}
