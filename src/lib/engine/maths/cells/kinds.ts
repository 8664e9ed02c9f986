/**
 * The cell kinds, described once: for each kind of cell its symbol, its
 * words, who sets it (the user, or the passes), its number format, its
 * defined name in an exported workbook, and its formula as a small
 * expression over its precedents (expressions.ts). The cell model (cells.ts)
 * derives every cell's evaluator, TeX and spreadsheet text from it, the
 * Backward table its f′(a) and Σ δ w columns; the passes (passes.ts), the
 * trainer and its kernel are the plain, fast truth a test holds it to.
 */
import { address, type Address, type CellKind } from '../addresses.ts';
import { e, type Expr } from './expressions.ts';
import { withParameter, type Net } from '../model.ts';
import { hasWritten, type LineId } from '../lines.ts';
import { lossDone, type Snapshot, type SnapshotInit, type StepPass } from '../snapshot.ts';

/** How a cell's number is formatted in a workbook. */
export type CellFormat = 'number' | 'gradient' | 'percent' | 'general';

export interface Labels {
	readonly inputs?: readonly string[];
	readonly outputs?: readonly string[];
}

type Of<K extends CellKind> = Address & { readonly kind: K };

export interface CellKindSpec<A extends Address = Address> {
	/** The TeX symbol: z^{(1)}_{0}, δ, ∂E/∂w, … */
	readonly symbol: (a: A) => string;
	/** In words, for the formula bar, screen readers and exports: "Layer 2, neuron 1: weight 0". */
	readonly words: (a: A, labels: Labels) => string;
	/** Who gives it its number: the user, or the passes (a parameter is the user's; Train updates it). */
	readonly setBy: 'user' | 'passes';
	readonly format: CellFormat;
	/** The number it shows in `s` now (a trained parameter its new one), or undefined if not computed yet. */
	readonly value: (a: A, s: Snapshot) => number | undefined;
	/** The workbook's defined name; a parameter's number after Train has `_new` after it. */
	readonly name: (a: A, after: string) => string;
	/** Its formula over its precedents in `net`, or undefined for a number the user sets (x, t, η, n). */
	readonly formula?: (a: A, net: Net) => Expr;
	/**
	 * For a number the user sets: what setting it to `value` changes in the
	 * iteration's start (read from its untrained net), or why it cannot be set.
	 * A computed cell is pinned instead (edits.ts).
	 */
	readonly set?: (a: A, start: Snapshot, value: number) => Partial<SnapshotInit> | string;
	/** The part of the network diagram it belongs to, if any: an input, a neuron, a link. */
	readonly item?: 'input' | 'neuron' | 'link';
	/** The pass that computes it, for predictions: a parameter's new number is Train's; none for x, t, η, n. */
	readonly pass?: StepPass;
	/**
	 * The pass section whose table holds its own cell, or the pass it follows,
	 * for following steps and pins: the loss and error % are found after
	 * Forward, and the gradients of b and w in Train's ∂E/∂p column (though
	 * Backward computes them). None for the numbers the user sets.
	 */
	readonly section?: StepPass;
	/**
	 * The listing's lines that compute it, in a net of `layers` layers; a
	 * parameter's are Train's update of it (its 'new' stage). None for x, t, η, n.
	 */
	readonly lines?: (a: A, layers: number) => LineId[];
}

const sup = (l: number) => `^{(${l})}`;
const named = (kind: string, index: number, label: string | undefined) =>
	label ? `${kind} ${index} (${label})` : `${kind} ${index}`;
const ofNeuron = (a: { layer: number; neuron: number }, words: string) =>
	`Layer ${a.layer}, neuron ${a.neuron}: ${words}`;

/** The address of input i of layer l: x_i for layer 0, a^{(l−1)}_i otherwise. */
export const inputOf = (l: number, i: number) =>
	l === 0 ? address.input(i) : address.neuron(l - 1, i, 'value');

const lastLayer = (net: Net) => net.layers.length - 1;

const replaced = (list: readonly number[], index: number, value: number) =>
	list.map((x, i) => (i === index ? value : x));

/** Train's rule for a parameter: new = old − η · gradient, with the old number read but not a precedent. */
const update = (own: string, gradient: string) =>
	e.difference(e.own(own), e.product(e.cell(gradient), e.cell('learning_rate'), 'scalar first'));

/** δ's formula: f′(a)·(a − t) on the last layer, f′(a)·(Σ_k δ_k w_kj over the next layer) before it. */
function delta(net: Net, l: number, j: number): Expr {
	const value = e.cell(address.neuron(l, j, 'value'));
	const fPrime = e.fPrime(net.layers[l].activation, value);
	if (l === lastLayer(net))
		return e.product(fPrime, e.bracket(e.difference(value, e.cell(address.target(j)))));
	const terms = net.layers[l + 1].neurons.map((_, k) =>
		e.product(
			e.cell(address.neuron(l + 1, k, 'activation_gradient')),
			e.cell(address.weight(l + 1, k, j))
		)
	);
	// From +0, as the passes add: a sum of −0 terms stays +0.
	return e.product(fPrime, e.bracket(e.sum(terms, true), true));
}

export const CELL_KINDS: { readonly [K in CellKind]: CellKindSpec<Of<K>> } = {
	inputs: {
		symbol: (a) => `x_{${a.index}}`,
		words: (a, labels) => named('Input', a.index, labels.inputs?.[a.index]),
		setBy: 'user',
		format: 'number',
		value: (a, s) => s.inputs[a.index],
		name: (a) => `x_${a.index}`,
		set: (a, start, value) => ({ inputs: replaced(start.inputs, a.index, value) }),
		item: 'input'
	},
	targets: {
		symbol: (a) => `t_{${a.index}}`,
		words: (a, labels) => named('Target', a.index, labels.outputs?.[a.index]),
		setBy: 'user',
		format: 'number',
		value: (a, s) => s.targets[a.index],
		name: (a) => `t_${a.index}`,
		set: (a, start, value) => ({ targets: replaced(start.targets, a.index, value) })
	},
	learning_rate: {
		symbol: () => '\\eta',
		words: () => 'Learning rate',
		setBy: 'user',
		format: 'general',
		value: (_, s) => s.learningRate,
		name: () => 'eta',
		set: (_, __, value) => ({ learningRate: value })
	},
	iteration: {
		symbol: () => 'n',
		words: () => 'Iteration',
		setBy: 'user',
		format: 'general',
		// Iterations completed: the current one counts once Train has finished it.
		value: (_, s) => s.iteration + (s.cursor.pass === 'done' ? 1 : 0),
		name: () => 'iteration',
		set: () => 'the iteration counts itself; step to change it'
	},
	bias: {
		pass: 'train',
		lines: () => ['train.bias'],
		symbol: (a) => `b${sup(a.layer)}_{${a.neuron}}`,
		words: (a) => ofNeuron(a, 'bias'),
		setBy: 'user',
		format: 'number',
		value: (a, s) => s.net.layers[a.layer]?.neurons[a.neuron]?.bias,
		name: (a, after) => `b_${a.layer}_${a.neuron}${after}`,
		formula: (a) =>
			update(
				address.neuron(a.layer, a.neuron, 'bias'),
				address.neuron(a.layer, a.neuron, 'bias_gradient')
			),
		set: (a, start, value) => ({
			net: withParameter(start.startNet, a.layer, a.neuron, undefined, value)
		}),
		item: 'neuron'
	},
	weights: {
		pass: 'train',
		lines: () => ['train.weight'],
		symbol: (a) => `w${sup(a.layer)}_{${a.neuron},${a.index}}`,
		words: (a) => ofNeuron(a, `weight ${a.index}`),
		setBy: 'user',
		format: 'number',
		value: (a, s) => s.net.layers[a.layer]?.neurons[a.neuron]?.weights[a.index],
		name: (a, after) => `w_${a.layer}_${a.neuron}_${a.index}${after}`,
		formula: (a) =>
			update(
				address.weight(a.layer, a.neuron, a.index),
				address.weightGradient(a.layer, a.neuron, a.index)
			),
		set: (a, start, value) => ({
			net: withParameter(start.startNet, a.layer, a.neuron, a.index, value)
		}),
		item: 'link'
	},
	total: {
		pass: 'forward',
		section: 'forward',
		lines: () => ['forward.bias', 'forward.term'],
		symbol: (a) => `z${sup(a.layer)}_{${a.neuron}}`,
		words: (a) => ofNeuron(a, 'total'),
		setBy: 'passes',
		format: 'number',
		value: (a, s) =>
			hasWritten(s, 'total', a.layer, a.neuron) ? s.totals[a.layer][a.neuron] : undefined,
		name: (a) => `z_${a.layer}_${a.neuron}`,
		formula: ({ layer: l, neuron: j }, net) =>
			e.sum([
				e.cell(address.neuron(l, j, 'bias')),
				...net.layers[l].neurons[j].weights.map((_, i) =>
					e.product(e.cell(address.weight(l, j, i)), e.cell(inputOf(l, i)))
				)
			]),
		item: 'neuron'
	},
	value: {
		pass: 'forward',
		section: 'forward',
		lines: () => ['forward.value'],
		symbol: (a) => `a${sup(a.layer)}_{${a.neuron}}`,
		words: (a) => ofNeuron(a, 'value'),
		setBy: 'passes',
		format: 'number',
		value: (a, s) =>
			hasWritten(s, 'value', a.layer, a.neuron) ? s.values[a.layer][a.neuron] : undefined,
		name: (a) => `a_${a.layer}_${a.neuron}`,
		formula: ({ layer: l, neuron: j }, net) =>
			e.f(net.layers[l].activation, e.cell(address.neuron(l, j, 'total'))),
		item: 'neuron'
	},
	activation_gradient: {
		pass: 'backward',
		section: 'backward',
		lines: (a, layers) => [
			a.layer === layers - 1 ? 'backward.output_delta' : 'backward.hidden_delta'
		],
		symbol: (a) => `\\delta${sup(a.layer)}_{${a.neuron}}`,
		words: (a) => ofNeuron(a, 'activation gradient'),
		setBy: 'passes',
		format: 'gradient',
		value: (a, s) =>
			hasWritten(s, 'activation_gradient', a.layer, a.neuron)
				? s.activationGradients[a.layer][a.neuron]
				: undefined,
		name: (a) => `delta_${a.layer}_${a.neuron}`,
		formula: (a, net) => delta(net, a.layer, a.neuron),
		item: 'neuron'
	},
	bias_gradient: {
		pass: 'backward',
		section: 'train',
		lines: () => ['backward.bias_gradient'],
		symbol: (a) => `\\frac{\\partial E}{\\partial b${sup(a.layer)}_{${a.neuron}}}`,
		words: (a) => ofNeuron(a, 'bias gradient'),
		setBy: 'passes',
		format: 'gradient',
		value: (a, s) =>
			hasWritten(s, 'bias_gradient', a.layer, a.neuron)
				? s.biasGradients[a.layer][a.neuron]
				: undefined,
		name: (a) => `dE_db_${a.layer}_${a.neuron}`,
		formula: (a) => e.cell(address.neuron(a.layer, a.neuron, 'activation_gradient')),
		item: 'neuron'
	},
	weight_gradients: {
		pass: 'backward',
		section: 'train',
		lines: () => ['backward.weight_gradient'],
		symbol: (a) => `\\frac{\\partial E}{\\partial w${sup(a.layer)}_{${a.neuron},${a.index}}}`,
		words: (a) => ofNeuron(a, `weight gradient ${a.index}`),
		setBy: 'passes',
		format: 'gradient',
		value: (a, s) =>
			hasWritten(s, 'weight_gradients', a.layer, a.neuron, a.index)
				? s.weightGradients[a.layer][a.neuron][a.index]
				: undefined,
		name: (a) => `dE_dw_${a.layer}_${a.neuron}_${a.index}`,
		formula: (a) =>
			e.product(
				e.cell(inputOf(a.layer, a.index)),
				e.cell(address.neuron(a.layer, a.neuron, 'activation_gradient'))
			),
		item: 'link'
	},
	loss: {
		pass: 'forward',
		section: 'forward',
		lines: () => ['forward.loss'],
		symbol: () => 'E',
		words: () => 'Loss',
		setBy: 'passes',
		format: 'number',
		value: (_, s) => (lossDone(s.cursor) ? s.loss : undefined),
		name: () => 'E',
		formula: (_, net) => {
			const last = lastLayer(net);
			const squares = net.layers[last].neurons.map((_, k) =>
				e.square(e.difference(e.cell(address.neuron(last, k, 'value')), e.cell(address.target(k))))
			);
			return e.product(e.number(0.5, '\\tfrac12'), e.bracket(e.sum(squares, true), true));
		}
	},
	errors_percent: {
		pass: 'forward',
		section: 'forward',
		lines: () => ['forward.loss'],
		symbol: (a) => `\\mathit{err}_{${a.index}}`,
		words: (a, labels) => named('Error % of output', a.index, labels.outputs?.[a.index]),
		setBy: 'passes',
		format: 'percent',
		value: (a, s) => (lossDone(s.cursor) ? s.errorsPercent[a.index] : undefined),
		name: (a) => `err_${a.index}`,
		formula: (a, net) => {
			// The article's |t − a| / |t| · 100; an exact hit is 0 % even when t = 0.
			const value = e.cell(address.neuron(lastLayer(net), a.index, 'value'));
			const target = e.cell(address.target(a.index));
			const miss = e.quotient(e.abs(e.difference(target, value)), e.abs(target));
			return e.zeroIfEqual(value, target, e.product(miss, e.number(100), 'dot'));
		}
	}
};

/** The kind spec of the address `a`, typed for it. */
export function kindOf(a: Address): CellKindSpec {
	return CELL_KINDS[a.kind] as CellKindSpec;
}

/** Whether the passes compute cells of `kind` (which a user may then pin to a number). */
export function isComputedKind(kind: CellKind): boolean {
	return CELL_KINDS[kind].setBy === 'passes';
}
