/**
 * Reading a worked example's Markdown back, as a reader would, without the
 * code that wrote it: each equation's cell (found by its symbol), the numbers
 * substituted into it, and its result, every number parsed out of the TeX.
 * The tests hold those numbers to the engine, or to maths of their own.
 */
import { allAddresses } from '../../../engine/maths/addresses.ts';
import { symbolTex } from '../../../engine/maths/cells/cells.ts';

export interface ReadLine {
	readonly address: string;
	/** Whether it is written as a computed cell (display maths) or as a number set (inline). */
	readonly computed: boolean;
	/** Train's update, written with ←. */
	readonly update: boolean;
	/** Numbers in the symbolic formula itself (the 1 of 1 − a², the ½ of E, 100, powers). */
	readonly constants: readonly number[];
	readonly substituted: readonly Shown[];
	readonly result: Shown;
}

/** A number as the text shows it, with how many significant digits it shows. */
export interface Shown {
	readonly value: number;
	readonly digits: number;
	readonly text: string;
}

const NUMBER = /-?\d+(?:\.\d+)?(?: \\times 10\^\{-?\d+\})?/g;

/** Every number in TeX with no symbols left in it (a substituted formula or a result). */
export function numbersIn(tex: string): Shown[] {
	const half = tex.replaceAll('\\tfrac12', ' 0.5 ');
	return [...half.matchAll(NUMBER)].map(([text]) => {
		const [mantissa, exponent] = text.split(' \\times 10^');
		const power = exponent === undefined ? 0 : Number(exponent.slice(1, -1));
		const digits = mantissa.replace(/[-.]/g, '').replace(/^0+/, '').length || 1;
		return { value: Number(mantissa) * 10 ** power, digits, text };
	});
}

/** The numbers a symbolic formula writes itself, its symbols' indices taken out. */
function constantsIn(symbols: string): number[] {
	const bare = symbols.replace(/_\{[^}]*\}/g, '').replace(/\^\{\(\d+\)\}/g, '');
	return numbersIn(bare).map((n) => n.value);
}

/** Whether `shown` is `x` written to the digits it shows. */
export const showsNumber = (shown: Shown, x: number): boolean =>
	Number(x.toPrecision(Math.min(shown.digits, 100))) === shown.value;

/** Every equation of the Markdown, in order, with the address its symbol names in a net of `sizes`. */
export function readBack(markdown: string, sizes: readonly number[]): ReadLine[] {
	const bySymbol = new Map(allAddresses(sizes).map((a) => [symbolTex(a), a]));
	const maths = [
		...[...markdown.matchAll(/^\$\$(.+)\$\$$/gm)].map((m) => ({ tex: m[1], computed: true })),
		...[...markdown.matchAll(/(?<!\$)\$([^$]+)\$(?!\$)/g)].map((m) => ({
			tex: m[1],
			computed: false
		}))
	];
	// Inline maths that is only a number (what a pinned cell is pinned to) names no cell.
	const equations = maths.filter(({ tex }) => tex.includes(' = '));
	return equations.map(({ tex, computed }) => {
		const parts = tex.split(' = ');
		const [left] = parts;
		const update = left.includes(' \\leftarrow ');
		const symbol = left.split(' \\leftarrow ')[0];
		const address = bySymbol.get(symbol);
		if (!address) throw new Error(`no cell has the symbol of ${tex}`);
		const result = numbersIn(parts[parts.length - 1]);
		if (result.length !== 1) throw new Error(`${tex} does not end in one number`);
		const formula = update ? left.split(' \\leftarrow ')[1] : (parts[1] ?? '');
		return {
			address,
			computed,
			update,
			constants: computed ? constantsIn(formula) : [],
			substituted: computed ? numbersIn(parts[parts.length - 2]) : [],
			result: result[0]
		};
	});
}
