/**
 * Spreadsheet formulas of the computed cells, written from the engine's cell
 * model (cells.ts formulaOf): each refers by name to exactly the cell's
 * precedents, in the same order of operations as the passes, so a spreadsheet
 * recalculates the engine's numbers (to the last bit, but for TANH and EXP).
 */
import type { ActivationName } from '../../engine/activations.ts';
import { parseAddress } from '../../engine/addresses.ts';
import { formulaOf } from '../../engine/cells.ts';
import type { Net } from '../../engine/model.ts';
import { cellName } from './names.ts';

/** f over a total's name, f' over a value's name: the spreadsheet twin of activations.ts. */
const ACTIVATION_FORMULAS: Readonly<
	Record<ActivationName, { f: (z: string) => string; fPrime: (a: string) => string }>
> = {
	tanh: { f: (z) => `TANH(${z})`, fPrime: (a) => `(1-${a}^2)` },
	sigmoid: { f: (z) => `1/(1+EXP(-${z}))`, fPrime: (a) => `${a}*(1-${a})` },
	relu: { f: (z) => `MAX(0,${z})`, fPrime: (a) => `IF(${a}>0,1,0)` },
	linear: { f: (z) => z, fPrime: () => '1' }
};

/** [p0, p1, p2, p3, …] as [[p0, p1], [p2, p3], …]. */
function pairs(names: readonly string[]): [string, string][] {
	const out: [string, string][] = [];
	for (let i = 0; i + 1 < names.length; i += 2) out.push([names[i], names[i + 1]]);
	return out;
}

/** Σ p·q over pairs, left to right as the passes add. */
const sumOfProducts = (names: readonly string[]) =>
	pairs(names)
		.map(([p, q]) => `${p}*${q}`)
		.join('+');

const precedentNames = (net: Net, addr: string) =>
	(formulaOf(net, addr)?.precedents ?? []).map((p) => cellName(p));

/** δ's two factors, f'(a) and a − t (last layer) or Σ_k δ_k w_kj: the Backward table shows both. */
export function deltaFactors(net: Net, l: number, j: number): { fPrime: string; sum: string } {
	const [value, ...rest] = precedentNames(net, `layers.${l}.neurons.${j}.activation_gradient`);
	const fPrime = ACTIVATION_FORMULAS[net.layers[l].activation].fPrime(value);
	const last = l === net.layers.length - 1;
	return { fPrime, sum: last ? `${value}-${rest[0]}` : sumOfProducts(rest) };
}

/**
 * The formula (without `=`) of the computed cell at `addr`, or undefined for a
 * number the user sets. A bias or weight's formula is Train's: its new number.
 */
export function cellFormula(net: Net, addr: string): string | undefined {
	const a = parseAddress(addr);
	if (!a || !formulaOf(net, addr)) return undefined;
	const names = precedentNames(net, addr);
	switch (a.kind) {
		case 'total':
			return [names[0], sumOfProducts(names.slice(1))].join('+');
		case 'value':
			return ACTIVATION_FORMULAS[net.layers[a.layer].activation].f(names[0]);
		case 'activation_gradient': {
			const { fPrime, sum } = deltaFactors(net, a.layer, a.neuron);
			return `${fPrime}*(${sum})`;
		}
		case 'bias_gradient':
			return names[0];
		case 'weight_gradients':
			return `${names[0]}*${names[1]}`;
		case 'loss':
			return `0.5*(${pairs(names)
				.map(([value, target]) => `(${value}-${target})^2`)
				.join('+')})`;
		case 'errors_percent': {
			const [target, value] = names;
			return `IF(${value}=${target},0,ABS(${target}-${value})/ABS(${target})*100)`;
		}
		case 'bias':
		case 'weights': {
			const [rate, gradient] = names;
			return `${cellName(addr, 'old')}-${gradient}*${rate}`;
		}
		default:
			return undefined;
	}
}
