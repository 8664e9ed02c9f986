/**
 * How numbers are written: short in cells (a precision the user picks), in
 * full on focus and in data-value (JavaScript's own shortest round-trip form),
 * and as TeX inside substituted formulas.
 */

/** Significant digits shown by default. */
export const DEFAULT_PRECISION = 4;

/** `x` with `precision` significant digits, in plain text; overflow shows as such. */
export function formatNumber(x: number, precision = DEFAULT_PRECISION): string {
	if (Number.isNaN(x)) return 'NaN';
	if (x === Infinity) return '∞';
	if (x === -Infinity) return '−∞';
	if (x === 0) return '0';
	const magnitude = Math.abs(x);
	if (magnitude >= 1e-4 && magnitude < 10 ** Math.max(precision, 6)) {
		return trimZeros(x.toPrecision(precision)).replace('-', '−');
	}
	const [mantissa, exponent] = x.toExponential(precision - 1).split('e');
	return `${trimZeros(mantissa)}e${Number(exponent)}`.replace('-', '−');
}

function trimZeros(text: string): string {
	if (text.includes('e')) return text;
	return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The full value, as data-value and the formula bar carry it. */
export function fullNumber(x: number): string {
	return String(x);
}

/** `x` as a TeX term: negatives in parentheses so that `b + (−0.3)` reads right. */
export function numberTex(x: number, precision = DEFAULT_PRECISION): string {
	if (Number.isNaN(x)) return '\\text{NaN}';
	if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '(-\\infty)';
	const text = formatNumber(Math.abs(x), precision);
	const [mantissa, exponent] = text.split('e');
	const tex =
		exponent === undefined ? mantissa : `${mantissa} \\times 10^{${exponent.replace('−', '-')}}`;
	return x < 0 || Object.is(x, -0) ? `(-${tex})` : tex;
}
