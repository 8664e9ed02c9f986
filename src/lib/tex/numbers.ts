/**
 * How numbers are written for people: short in cells, labels and reports (a
 * precision the user picks), and as TeX inside substituted formulas; always
 * with a real minus sign (U+2212 in text, TeX's own `-` in TeX), the
 * exponent's included. In full on focus and in data-value they stay
 * JavaScript's own shortest round-trip form, which a cell reads back.
 */
import type { Place } from '../engine/maths/cells/expressions.ts';

/** Significant digits shown by default. */
export const DEFAULT_PRECISION = 4;

const MINUS = '−';

/** What NaN shows as, in cells, the formula bar and the diagram: words, never a silent "NaN". */
const NOT_A_NUMBER = 'not a number';

/** `x` with `precision` significant digits, in plain text; overflow shows as such (∞, −∞, not a number). */
export function formatNumber(x: number, precision = DEFAULT_PRECISION): string {
	if (Number.isNaN(x)) return NOT_A_NUMBER;
	if (x === Infinity) return '∞';
	if (x === -Infinity) return `${MINUS}∞`;
	if (x === 0) return '0';
	const { mantissa, exponent } = parts(Math.abs(x), precision);
	const text = exponent === undefined ? mantissa : `${mantissa}e${exponent.replace('-', MINUS)}`;
	return x < 0 ? `${MINUS}${text}` : text;
}

/**
 * A positive number's digits, with a power of ten when it is very small or
 * very large: fixed notation from 1e−4 up to 10^max(precision, 6).
 */
function parts(magnitude: number, precision: number): { mantissa: string; exponent?: string } {
	if (magnitude >= 1e-4 && magnitude < 10 ** Math.max(precision, 6)) {
		// Number(…) drops trailing zeros, and keeps 1234.5 to 3 digits as 1230, not 1.23e+3.
		return { mantissa: String(Number(magnitude.toPrecision(precision))) };
	}
	const [mantissa, exponent] = magnitude.toExponential(precision - 1).split('e');
	return { mantissa: String(Number(mantissa)), exponent: String(Number(exponent)) };
}

/**
 * The full value for people to read (a focused cell, the formula bar, a
 * tooltip): every digit, with real minus signs, which a cell reads back too.
 */
export function fullText(x: number): string {
	if (!Number.isFinite(x)) return formatNumber(x);
	return String(x).replaceAll('-', MINUS).replace('e+', 'e');
}

/**
 * `x` as a TeX term standing at `place` in a formula. As an operand a negative
 * number is bracketed, so that `b + (-0.3)` and `0.4 \cdot (-0.3)` read right;
 * as a base of a power a number with a power of ten is bracketed too; alone (a
 * function's argument, a result) it is bare.
 */
export function numberTex(
	x: number,
	precision = DEFAULT_PRECISION,
	place: Place = 'operand'
): string {
	if (Number.isNaN(x)) return `\\text{${NOT_A_NUMBER}}`;
	const negative = x < 0 || Object.is(x, -0);
	let tex: string;
	let scientific = false;
	if (!Number.isFinite(x)) tex = '\\infty';
	else if (x === 0) tex = '0';
	else {
		const { mantissa, exponent } = parts(Math.abs(x), precision);
		scientific = exponent !== undefined;
		tex = scientific ? `${mantissa} \\times 10^{${exponent}}` : mantissa;
	}
	if (negative) tex = `-${tex}`;
	const bracket = place === 'power' ? negative || scientific : place === 'operand' && negative;
	return bracket ? `(${tex})` : tex;
}
