/**
 * A cell's formula as a small expression over its precedents (sums, products,
 * powers, the layer's f and f′ …), written once in the cell-kinds table
 * (kinds.ts) and read three ways here: evaluated, in the passes' order
 * of operations, so the numbers are the passes' bit for bit; typeset as TeX,
 * in symbols or with numbers; and written as spreadsheet formula text.
 * Brackets are nodes of their own, placed where the formulas are written with
 * them, so every reading brackets alike.
 */
import { ACTIVATIONS, fill, type ActivationName } from '../activations.ts';

/**
 * Where a precedent stands in a formula, which decides its brackets: an
 * operand of +, − or a product (the default), the base of a power, or alone
 * (a whole right-hand side, a function's whole argument, inside |…|).
 */
export type Place = 'operand' | 'power' | 'alone';
/** Renders one precedent inside a formula: its symbol, or its number, as its place needs. */
export type Term = (address: string, place?: Place) => string;
/** Reads a precedent's number as the passes read it (parameters: before Train). */
export type Read = (address: string) => number;
/**
 * How a product is written between factors: juxtaposed in symbols (w a, as
 * maths writes it), with a centred dot between numbers (0.4 · 0.3, never 0.4 0.3).
 */
export const JUXTAPOSED = '\\,';
export const TIMES = '\\cdot';

export type Expr =
	/** A precedent's number. */
	| { readonly op: 'cell'; readonly address: string }
	/** A parameter's own number before Train: read, but not a precedent (a cell does not depend on itself). */
	| { readonly op: 'own'; readonly address: string }
	| { readonly op: 'number'; readonly value: number; readonly tex: string }
	/** Added left to right, from the first term or, as the passes do it, from +0. */
	| { readonly op: 'sum'; readonly terms: readonly Expr[]; readonly fromZero: boolean }
	| { readonly op: 'difference'; readonly a: Expr; readonly b: Expr }
	/**
	 * a·b, computed in that order; `shown` writes it with a dot always
	 * ('dot'), and with b first ('scalar first': η · ∂E/∂w, as maths writes it).
	 */
	| { readonly op: 'product'; readonly a: Expr; readonly b: Expr; readonly shown?: Shown }
	| { readonly op: 'square'; readonly a: Expr }
	| { readonly op: 'quotient'; readonly a: Expr; readonly b: Expr }
	| { readonly op: 'abs'; readonly a: Expr }
	| { readonly op: 'bracket'; readonly a: Expr; readonly big: boolean }
	| { readonly op: 'f' | 'fPrime'; readonly activation: ActivationName; readonly a: Expr }
	/** 0 when a and b are equal, else `otherwise` (which alone is typeset). */
	| { readonly op: 'zeroIfEqual'; readonly a: Expr; readonly b: Expr; readonly otherwise: Expr };

type Shown = 'dot' | 'scalar first';

/** The constructors the cell-kinds table writes its formulas with. */
export const e = {
	cell: (address: string): Expr => ({ op: 'cell', address }),
	own: (address: string): Expr => ({ op: 'own', address }),
	number: (value: number, tex = String(value)): Expr => ({ op: 'number', value, tex }),
	sum: (terms: readonly Expr[], fromZero = false): Expr => ({ op: 'sum', terms, fromZero }),
	difference: (a: Expr, b: Expr): Expr => ({ op: 'difference', a, b }),
	product: (a: Expr, b: Expr, shown?: Shown): Expr => ({ op: 'product', a, b, shown }),
	square: (a: Expr): Expr => ({ op: 'square', a }),
	quotient: (a: Expr, b: Expr): Expr => ({ op: 'quotient', a, b }),
	abs: (a: Expr): Expr => ({ op: 'abs', a }),
	bracket: (a: Expr, big = false): Expr => ({ op: 'bracket', a, big }),
	f: (activation: ActivationName, a: Expr): Expr => ({ op: 'f', activation, a }),
	fPrime: (activation: ActivationName, a: Expr): Expr => ({ op: 'fPrime', activation, a }),
	zeroIfEqual: (a: Expr, b: Expr, otherwise: Expr): Expr => ({ op: 'zeroIfEqual', a, b, otherwise })
} as const;

/** The expression's number from its precedents' numbers, in the passes' order of operations. */
export function evaluate(x: Expr, read: Read): number {
	switch (x.op) {
		case 'cell':
		case 'own':
			return read(x.address);
		case 'number':
			return x.value;
		case 'sum': {
			const { terms } = x;
			let sum = x.fromZero ? 0 : evaluate(terms[0], read);
			for (let k = x.fromZero ? 0 : 1; k < terms.length; k++) sum += evaluate(terms[k], read);
			return sum;
		}
		case 'difference':
			return evaluate(x.a, read) - evaluate(x.b, read);
		case 'product':
			return evaluate(x.a, read) * evaluate(x.b, read);
		case 'square': {
			const a = evaluate(x.a, read);
			return a * a;
		}
		case 'quotient':
			return evaluate(x.a, read) / evaluate(x.b, read);
		case 'abs':
			return Math.abs(evaluate(x.a, read));
		case 'bracket':
			return evaluate(x.a, read);
		case 'f':
			return ACTIVATIONS[x.activation].f(evaluate(x.a, read));
		case 'fPrime':
			return ACTIVATIONS[x.activation].fPrime(evaluate(x.a, read));
		case 'zeroIfEqual':
			return evaluate(x.a, read) === evaluate(x.b, read) ? 0 : evaluate(x.otherwise, read);
	}
}

/** Sums longer than this are shown with their middle elided. */
const SHOWN_TERMS = 6;

/** `first + … + last` in TeX, eliding the middle of long sums. */
function sumTex(parts: readonly string[]): string {
	if (parts.length <= SHOWN_TERMS) return parts.join(' + ');
	return [...parts.slice(0, SHOWN_TERMS - 2), '\\cdots', parts[parts.length - 1]].join(' + ');
}

/** The expression in TeX, each precedent rendered by `term`, products joined by `times`. */
export function texOf(x: Expr, term: Term, times = JUXTAPOSED, place: Place = 'alone'): string {
	const tex = (y: Expr, at: Place = 'operand') => texOf(y, term, times, at);
	switch (x.op) {
		case 'cell':
		case 'own':
			return term(x.address, place);
		case 'number':
			return x.tex;
		case 'sum':
			return sumTex(x.terms.map((t) => tex(t)));
		case 'difference':
			return `${tex(x.a)} - ${tex(x.b)}`;
		case 'product': {
			const by = x.shown ? TIMES : times;
			const [a, b] = x.shown === 'scalar first' ? [x.b, x.a] : [x.a, x.b];
			return `${tex(a)} ${by} ${tex(b)}`;
		}
		case 'square':
			return `(${tex(x.a)})^2`;
		case 'quotient':
			return `\\frac{${tex(x.a, 'alone')}}{${tex(x.b, 'alone')}}`;
		case 'abs':
			return `\\lvert ${tex(x.a, 'alone')} \\rvert`;
		case 'bracket':
			return x.big ? `\\left(${tex(x.a)}\\right)` : `(${tex(x.a)})`;
		case 'f':
			return fill(ACTIVATIONS[x.activation].tex, tex(x.a, 'alone'));
		case 'fPrime':
			// The template's * is a product, @ is a raised to a power, # is a.
			return ACTIVATIONS[x.activation].primeTex
				.replaceAll('*', ` ${times} `)
				.replaceAll('@', tex(x.a, 'power'))
				.replaceAll('#', tex(x.a));
		case 'zeroIfEqual':
			return tex(x.otherwise, place);
	}
}

/** The expression as spreadsheet formula text (no `=`), each cell by its defined `name`. */
export function sheetOf(x: Expr, name: (address: string) => string): string {
	const sheet = (y: Expr) => sheetOf(y, name);
	switch (x.op) {
		case 'cell':
		case 'own':
			return name(x.address);
		case 'number':
			return String(x.value);
		case 'sum':
			return x.terms.map(sheet).join('+');
		case 'difference':
			return `${sheet(x.a)}-${sheet(x.b)}`;
		case 'product':
			return `${sheet(x.a)}*${sheet(x.b)}`;
		case 'square':
			return `(${sheet(x.a)})^2`;
		case 'quotient':
			return `${sheet(x.a)}/${sheet(x.b)}`;
		case 'abs':
			return `ABS(${sheet(x.a)})`;
		case 'bracket':
			return `(${sheet(x.a)})`;
		case 'f':
		case 'fPrime':
			return fill(ACTIVATIONS[x.activation].sheet[x.op], sheet(x.a));
		case 'zeroIfEqual':
			return `IF(${sheet(x.a)}=${sheet(x.b)},0,${sheet(x.otherwise)})`;
	}
}

/** The addresses the expression reads, each once, in the order its TeX shows them (its own number aside). */
export function precedentsOf(x: Expr): string[] {
	const seen = new Set<string>();
	const visit = (y: Expr): void => {
		switch (y.op) {
			case 'cell':
				seen.add(y.address);
				return;
			case 'own':
			case 'number':
				return;
			case 'sum':
				return y.terms.forEach(visit);
			case 'product':
				if (y.shown === 'scalar first') [y.b, y.a].forEach(visit);
				else [y.a, y.b].forEach(visit);
				return;
			case 'difference':
			case 'quotient':
				[y.a, y.b].forEach(visit);
				return;
			case 'zeroIfEqual':
				[y.otherwise, y.a, y.b].forEach(visit);
				return;
			default:
				return visit(y.a);
		}
	};
	visit(x);
	return [...seen];
}

/** A product's two factors, brackets taken off (δ's f′(a) and a − t or Σ δ w); undefined for anything else. */
export function factorsOf(x: Expr): readonly [Expr, Expr] | undefined {
	if (x.op !== 'product') return undefined;
	const bare = (y: Expr) => (y.op === 'bracket' ? y.a : y);
	return [bare(x.a), bare(x.b)];
}
