/**
 * The activations, each described once: f and its derivative side by side, as
 * numbers, as TeX, as spreadsheet formulas and as the JavaScript the compiled
 * kernel runs. As in the article, the derivative is written in terms of the
 * neuron's stored value a = f(z) (tanh: 1 − a²), so the backward pass needs
 * only the values. Everything that computes or writes an activation (the
 * passes, the cell formulas, the formula bar, the section formula, the .xlsx
 * export, the fast trainer, the kernel, the picker, the notebook schema)
 * reads it from this table; adding an activation is adding an entry here.
 *
 * In every template `#` stands for the argument (z for f, a for f'). In the
 * TeX of f', `@` stands for a as the base of a power and `*` for a product
 * (juxtaposed in symbols, a centred dot between numbers).
 */

export interface Activation {
	/** a = f(z) */
	readonly f: (z: number) => number;
	/** f'(z) written as a function of a = f(z) */
	readonly fPrime: (a: number) => number;
	/** f's name in TeX, as the section formula lists the derivatives: \tanh, \sigma, … */
	readonly symbol: string;
	/** f(#) in TeX */
	readonly tex: string;
	/** f' in TeX in terms of the value: `#` is a, `@` a raised to a power, `*` a product */
	readonly primeTex: string;
	/** f(#) and f'(#) as spreadsheet (Excel, LibreOffice) formula text, `#` a cell's name */
	readonly sheet: { readonly f: string; readonly fPrime: string };
	/**
	 * f(#) and f'(#) as JavaScript expressions over the kernel's locals (tanh, exp
	 * and abs are Math's). The same operations as `f` and `fPrime`, in the same
	 * order, so the kernel gives their numbers bit for bit (a test holds them).
	 */
	readonly source: { readonly f: string; readonly fPrime: string };
	/** f(#) and f'(#) as the tracer's pseudocode writes them (lines.ts, listing.ts) */
	readonly code: { readonly f: string; readonly fPrime: string };
	/** Where f has a kink (its derivative jumps), which finite differences must not straddle. */
	readonly kink?: number;
	/**
	 * When f' is so small that δ = f' · Σ w δ is all but lost (slow.ts reads
	 * it): 'saturated' judges the current value a; 'dead' asks that a = 0 on
	 * every sample of the last report. The leaky ReLU and linear have none:
	 * their f' never falls below 0.01, so their weights always move.
	 */
	readonly slow?: {
		readonly kind: 'saturated' | 'dead';
		/** Whether the value a is in the slow region */
		readonly at: (a: number) => boolean;
		/** The rule in words, with `a` for the value */
		readonly rule: string;
		/** f' named and in words in terms of a, as the formula bar says it */
		readonly prime: string;
	};
}

/** The leaky ReLU's slope for z < 0. */
const LEAK = 0.01;

const TABLE = {
	tanh: {
		f: Math.tanh,
		fPrime: (a) => 1 - a * a,
		symbol: '\\tanh',
		tex: '\\tanh(#)',
		primeTex: '(1 - @^2)',
		sheet: { f: 'TANH(#)', fPrime: '(1-#^2)' },
		code: { f: 'tanh(#)', fPrime: '(1 − #²)' },
		source: { f: 'tanh(#)', fPrime: '(1 - # * #)' },
		slow: {
			kind: 'saturated',
			at: (a) => Math.abs(a) > 0.99,
			rule: '|a| > 0.99',
			prime: 'tanh′(z) = 1 − a²'
		}
	},
	sigmoid: {
		f: (z) => 1 / (1 + Math.exp(-z)),
		fPrime: (a) => a * (1 - a),
		symbol: '\\sigma',
		tex: '\\sigma(#)',
		primeTex: '#*(1 - #)',
		sheet: { f: '1/(1+EXP(-#))', fPrime: '#*(1-#)' },
		code: { f: '1 / (1 + exp(−#))', fPrime: '# * (1 − #)' },
		source: { f: '1 / (1 + exp(-#))', fPrime: '# * (1 - #)' },
		slow: {
			kind: 'saturated',
			at: (a) => a < 0.01 || 1 - a < 0.01,
			rule: 'a < 0.01 or 1 − a < 0.01',
			prime: 'σ′(z) = a(1 − a)'
		}
	},
	relu: {
		f: (z) => (z > 0 ? z : 0),
		// The derivative at z = 0 is taken as 0, as most libraries do.
		fPrime: (a) => (a > 0 ? 1 : 0),
		symbol: '\\operatorname{ReLU}',
		tex: '\\operatorname{ReLU}(#)',
		primeTex: '[#> 0]',
		sheet: { f: 'MAX(0,#)', fPrime: 'IF(#>0,1,0)' },
		code: { f: 'max(0, #)', fPrime: '(1 if # > 0 else 0)' },
		source: { f: '(# > 0 ? # : 0)', fPrime: '(# > 0 ? 1 : 0)' },
		kink: 0,
		slow: { kind: 'dead', at: (a) => a === 0, rule: 'a = 0', prime: 'ReLU′(z) = [a > 0]' }
	},
	leaky_relu: {
		f: (z) => (z > 0 ? z : LEAK * z),
		// a has the sign of z, so f' reads off the value; at z = 0 it is taken as the leak.
		fPrime: (a) => (a > 0 ? 1 : LEAK),
		symbol: '\\operatorname{LReLU}',
		tex: '\\operatorname{LReLU}(#)',
		primeTex: `([#> 0] + ${LEAK}*[#\\le 0])`,
		sheet: { f: `IF(#>0,#,${LEAK}*#)`, fPrime: `IF(#>0,1,${LEAK})` },
		code: { f: `(# if # > 0 else ${LEAK} * #)`, fPrime: `(1 if # > 0 else ${LEAK})` },
		source: { f: `(# > 0 ? # : ${LEAK} * #)`, fPrime: `(# > 0 ? 1 : ${LEAK})` },
		kink: 0
	},
	linear: {
		f: (z) => z,
		fPrime: () => 1,
		symbol: '\\text{linear}',
		tex: '#',
		primeTex: '1',
		sheet: { f: '#', fPrime: '1' },
		code: { f: '#', fPrime: '1' },
		source: { f: '#', fPrime: '1' }
	}
} as const satisfies Record<string, Activation>;

export type ActivationName = keyof typeof TABLE;

export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = TABLE;

/** Every activation's name, in the table's order (the picker's, the schema's). */
export const ACTIVATION_NAMES = Object.keys(TABLE) as readonly ActivationName[];

export function isActivationName(name: unknown): name is ActivationName {
	return typeof name === 'string' && Object.hasOwn(TABLE, name);
}

/** The activation called `name`; throws for a name the table does not have. */
export function activationOf(name: ActivationName): Activation {
	if (!isActivationName(name)) throw new Error(`unknown activation ${JSON.stringify(name)}`);
	return TABLE[name];
}

/** A template with `#` replaced by `x`. */
export const fill = (template: string, x: string) => template.replaceAll('#', x);
