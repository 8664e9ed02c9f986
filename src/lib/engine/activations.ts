/**
 * Activations, each with f and its derivative side by side. As in the article,
 * the derivative is written in terms of the neuron's stored value a = f(z)
 * (tanh: 1 − a²), so the backward pass needs only the values.
 */

export const ACTIVATION_NAMES = ['tanh', 'sigmoid', 'relu', 'linear'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export interface Activation {
	readonly name: ActivationName;
	/** a = f(z) */
	readonly f: (z: number) => number;
	/** f'(z) written as a function of a = f(z) */
	readonly fPrime: (a: number) => number;
	/** f(z) in TeX, with `#` standing for the argument */
	readonly tex: string;
	/** f' in TeX in terms of the value, with `#` standing for a, `@` for a raised to a power, `*` for a product */
	readonly primeTex: string;
}

export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
	tanh: {
		name: 'tanh',
		f: Math.tanh,
		fPrime: (a) => 1 - a * a,
		tex: '\\tanh(#)',
		primeTex: '(1 - @^2)'
	},
	sigmoid: {
		name: 'sigmoid',
		f: (z) => 1 / (1 + Math.exp(-z)),
		fPrime: (a) => a * (1 - a),
		tex: '\\sigma(#)',
		primeTex: '#*(1 - #)'
	},
	relu: {
		name: 'relu',
		f: (z) => (z > 0 ? z : 0),
		// The derivative at z = 0 is taken as 0, as most libraries do.
		fPrime: (a) => (a > 0 ? 1 : 0),
		tex: '\\operatorname{ReLU}(#)',
		primeTex: '[#> 0]'
	},
	linear: {
		name: 'linear',
		f: (z) => z,
		fPrime: () => 1,
		tex: '#',
		primeTex: '1'
	}
};

export function isActivationName(name: unknown): name is ActivationName {
	return typeof name === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(name);
}
