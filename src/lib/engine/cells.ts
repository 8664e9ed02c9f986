/**
 * The cell model: for every address, its symbol, its formula (as TeX built
 * from its precedents' terms), its precedents, and an evaluator that computes
 * it from those precedents in the same order of operations as the passes.
 * A test checks evaluator against passes for every cell, so the formula bar,
 * the highlighting and the exports cannot drift from the engine.
 */
import { ACTIVATIONS } from './activations.ts';
import { address, parseAddress, type Address } from './addresses.ts';
import type { Net } from './model.ts';
import { range } from './range.ts';

/**
 * Where a precedent stands in a formula, which decides its brackets: an
 * operand of +, − or a product (the default), the base of a power, or alone
 * (a whole right-hand side, a function's whole argument, inside |…|).
 */
export type Place = 'operand' | 'power' | 'alone';
/** Renders one precedent inside a formula: its symbol, or its number, as its place needs. */
export type Term = (address: string, place?: Place) => string;
/**
 * How a product is written between factors: juxtaposed in symbols (w a, as
 * maths writes it), with a centred dot between numbers (0.4 · 0.3, never 0.4 0.3).
 */
const JUXTAPOSED = '\\,';
export const TIMES = '\\cdot';
/** Reads a precedent's number as the passes read it (parameters: before Train). */
type Read = (address: string) => number;

export interface Formula {
	/** Addresses this cell reads, in the formula's order. */
	readonly precedents: readonly string[];
	/** The right-hand side in TeX, with each precedent rendered by `term` and products by `times`. */
	readonly tex: (term: Term, times?: string) => string;
	/** The cell's number from its precedents' numbers. */
	readonly evaluate: (read: Read) => number;
}

const sup = (l: number) => `^{(${l})}`;

/** The TeX symbol of a cell: z^{(1)}_{0}, δ, ∂E/∂w, … */
export function symbolTex(addr: string | Address): string {
	const a = typeof addr === 'string' ? parseAddress(addr) : addr;
	if (!a) return '?';
	switch (a.kind) {
		case 'inputs':
			return `x_{${a.index}}`;
		case 'targets':
			return `t_{${a.index}}`;
		case 'errors_percent':
			return `\\mathit{err}_{${a.index}}`;
		case 'learning_rate':
			return '\\eta';
		case 'loss':
			return 'E';
		case 'iteration':
			return 'n';
		case 'bias':
			return `b${sup(a.layer)}_{${a.neuron}}`;
		case 'weights':
			return `w${sup(a.layer)}_{${a.neuron},${a.index}}`;
		case 'total':
			return `z${sup(a.layer)}_{${a.neuron}}`;
		case 'value':
			return `a${sup(a.layer)}_{${a.neuron}}`;
		case 'activation_gradient':
			return `\\delta${sup(a.layer)}_{${a.neuron}}`;
		case 'bias_gradient':
			return `\\frac{\\partial E}{\\partial b${sup(a.layer)}_{${a.neuron}}}`;
		case 'weight_gradients':
			return `\\frac{\\partial E}{\\partial w${sup(a.layer)}_{${a.neuron},${a.index}}}`;
	}
}

/** A precedent as its symbol, bracketed where a power would otherwise stack on its indices. */
export const symbolTerm: Term = (address, place) =>
	place === 'power' ? `\\left(${symbolTex(address)}\\right)` : symbolTex(address);

/** Sums longer than this are shown with their middle elided. */
const SHOWN_TERMS = 6;

/** `first + … + last` in TeX, eliding the middle of long sums. */
function sumTex(parts: readonly string[]): string {
	if (parts.length <= SHOWN_TERMS) return parts.join(' + ');
	return [...parts.slice(0, SHOWN_TERMS - 2), '\\cdots', parts[parts.length - 1]].join(' + ');
}

/** The address of input i of layer l: x_i for layer 0, a^{(l−1)}_i otherwise. */
const inputOf = (l: number, i: number) =>
	l === 0 ? address.input(i) : address.neuron(l - 1, i, 'value');

/** The formula of the cell at `addr` in `net`, or undefined for a cell the user sets (x, t, η, n). */
export function formulaOf(net: Net, addr: string): Formula | undefined {
	const a = parseAddress(addr);
	if (!a) return undefined;
	const layers = net.layers;
	const last = layers.length - 1;
	const outputs = layers[last].neurons.length;
	switch (a.kind) {
		case 'inputs':
		case 'targets':
		case 'learning_rate':
		case 'iteration':
			return undefined;
		case 'loss': {
			const pairs = range(outputs).map((k) => [
				address.neuron(last, k, 'value'),
				address.target(k)
			]);
			return {
				precedents: pairs.flat(),
				tex: (t, times = JUXTAPOSED) =>
					`\\tfrac12 ${times} \\left(${sumTex(pairs.map(([v, g]) => `(${t(v)} - ${t(g)})^2`))}\\right)`,
				evaluate: (read) => {
					let sum = 0;
					for (const [v, g] of pairs) {
						const difference = read(v) - read(g);
						sum += difference * difference;
					}
					return 0.5 * sum;
				}
			};
		}
		case 'errors_percent': {
			const v = address.neuron(last, a.index, 'value');
			const g = address.target(a.index);
			return {
				precedents: [g, v],
				tex: (t) =>
					`\\frac{\\lvert ${t(g)} - ${t(v)} \\rvert}{\\lvert ${t(g, 'alone')} \\rvert} \\cdot 100`,
				evaluate: (read) =>
					read(v) === read(g) ? 0 : (Math.abs(read(g) - read(v)) / Math.abs(read(g))) * 100
			};
		}
		case 'bias':
		case 'weights': {
			// A parameter's formula is Train's update rule: new = old − η · gradient.
			// Its old value is read through `read(addr)` but is not a precedent:
			// a cell does not depend on itself.
			const gradient =
				a.kind === 'weights'
					? address.weightGradient(a.layer, a.neuron, a.index)
					: address.neuron(a.layer, a.neuron, 'bias_gradient');
			return {
				precedents: ['learning_rate', gradient],
				tex: (t) => `${t(addr)} - ${t('learning_rate')} \\cdot ${t(gradient)}`,
				evaluate: (read) => read(addr) - read(gradient) * read('learning_rate')
			};
		}
		case 'total': {
			const neuron = layers[a.layer].neurons[a.neuron];
			const bias = address.neuron(a.layer, a.neuron, 'bias');
			const products = neuron.weights.map((_, i) => [
				address.weight(a.layer, a.neuron, i),
				inputOf(a.layer, i)
			]);
			return {
				precedents: [bias, ...products.flat()],
				tex: (t, times = JUXTAPOSED) =>
					sumTex([t(bias), ...products.map(([w, x]) => `${t(w)} ${times} ${t(x)}`)]),
				evaluate: (read) => {
					let total = read(bias);
					for (const [w, x] of products) total += read(w) * read(x);
					return total;
				}
			};
		}
		case 'value': {
			const total = address.neuron(a.layer, a.neuron, 'total');
			const activation = ACTIVATIONS[layers[a.layer].activation];
			return {
				precedents: [total],
				tex: (t) => activation.tex.replaceAll('#', t(total, 'alone')),
				evaluate: (read) => activation.f(read(total))
			};
		}
		case 'activation_gradient':
			return deltaFormula(net, a.layer, a.neuron);
		case 'bias_gradient': {
			const delta = address.neuron(a.layer, a.neuron, 'activation_gradient');
			return {
				precedents: [delta],
				tex: (t) => t(delta, 'alone'),
				evaluate: (read) => read(delta)
			};
		}
		case 'weight_gradients': {
			const x = inputOf(a.layer, a.index);
			const delta = address.neuron(a.layer, a.neuron, 'activation_gradient');
			return {
				precedents: [x, delta],
				tex: (t, times = JUXTAPOSED) => `${t(x)} ${times} ${t(delta)}`,
				evaluate: (read) => read(x) * read(delta)
			};
		}
	}
}

/** Last layer: δ = f'(a)·(a − t). Hidden: δ_j = f'(a_j)·Σ_k δ_k w_kj over the next layer. */
function deltaFormula(net: Net, l: number, j: number): Formula {
	const layers = net.layers;
	const value = address.neuron(l, j, 'value');
	const activation = ACTIVATIONS[layers[l].activation];
	// The template's * is a product, @ is a raised to a power, # is a.
	const prime = (t: Term, times: string) =>
		activation.primeTex
			.replaceAll('*', ` ${times} `)
			.replaceAll('@', t(value, 'power'))
			.replaceAll('#', t(value));
	if (l === layers.length - 1) {
		const target = address.target(j);
		return {
			precedents: [value, target],
			tex: (t, times = JUXTAPOSED) => `${prime(t, times)} ${times} (${t(value)} - ${t(target)})`,
			evaluate: (read) => activation.fPrime(read(value)) * (read(value) - read(target))
		};
	}
	const pairs = layers[l + 1].neurons.map((_, k) => [
		address.neuron(l + 1, k, 'activation_gradient'),
		address.weight(l + 1, k, j)
	]);
	return {
		precedents: [value, ...pairs.flat()],
		tex: (t, times = JUXTAPOSED) =>
			`${prime(t, times)} ${times} \\left(${sumTex(pairs.map(([d, w]) => `${t(d)} ${times} ${t(w)}`))}\\right)`,
		evaluate: (read) => {
			let sum = 0;
			for (const [d, w] of pairs) sum += read(d) * read(w);
			return activation.fPrime(read(value)) * sum;
		}
	};
}
