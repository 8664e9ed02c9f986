/**
 * A parameter's old and new numbers side by side. At the article's η = 0.001
 * a step changes a weight in its fourth or fifth significant digit, so at the
 * cells' usual precision old and new often read the same: here both get the
 * fewest digits (at least the usual ones) at which they differ, and each is
 * split into the digits they share and the ones Train changed, so the change
 * can be marked where it happened.
 */
import { formatNumber } from './numbers.ts';

/** A number's text in two parts: the leading digits it shares with the other number, and the rest. */
export interface Split {
	readonly same: string;
	readonly changed: string;
}

export interface OldAndNew {
	/** Significant digits both are written with. */
	readonly digits: number;
	readonly old: Split;
	readonly new: Split;
}

/** A double has at most 17 significant digits worth writing. */
const MOST = 17;

/** `x` with exactly `digits` significant digits (trailing zeros kept: they are digits that may change). */
export function withDigits(x: number, digits: number): string {
	if (!Number.isFinite(x) || x === 0) return formatNumber(x, digits);
	const magnitude = Math.abs(x);
	const text =
		magnitude >= 1e-4 && magnitude < 10 ** Math.max(digits, 6)
			? x.toPrecision(digits)
			: x.toExponential(digits - 1).replace(/e\+?/, 'e');
	return text.replaceAll('-', '−');
}

/** The length of the text `a` and `b` begin with. */
function sharedLength(a: string, b: string): number {
	let n = 0;
	while (n < a.length && n < b.length && a[n] === b[n]) n++;
	return n;
}

/** `old` and `next` written with enough digits to differ (when they do), at least `precision`. */
export function oldAndNew(old: number, next: number, precision: number): OldAndNew {
	let digits = precision;
	if (!Object.is(old, next)) {
		while (digits < MOST && withDigits(old, digits) === withDigits(next, digits)) digits++;
	}
	const a = withDigits(old, digits);
	const b = withDigits(next, digits);
	const n = Object.is(old, next) ? a.length : sharedLength(a, b);
	return {
		digits,
		old: { same: a.slice(0, n), changed: a.slice(n) },
		new: { same: b.slice(0, n), changed: b.slice(n) }
	};
}

/** A change, signed: "+1.2e−5", "−0.0003" (minus signs throughout, the exponent's too). */
export function signedNumber(x: number, precision: number): string {
	return `${x > 0 ? '+' : ''}${formatNumber(x, precision).replaceAll('-', '−')}`;
}
