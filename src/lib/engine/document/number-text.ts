/**
 * The one grammar of a number written as text, for a cell typed into and a
 * block pasted alike: plain decimals and exponents with a leading sign, as
 * spreadsheets write them; the Unicode minus and the en dash (typeset sheets)
 * for minus; spaces and no-break spaces around the number; and `_` between
 * two digits to group them, as JavaScript allows (1_000, 0.000_1, 1e1_0).
 * Nothing else: no commas (a decimal comma would be misread), NaN, Infinity,
 * hexadecimal or formulas. A number too large (1e999) or so small that it
 * would be rounded to zero (1e-400) is refused, with a message that says so;
 * the smallest numbers kept are subnormal ones, down to 5e-324.
 */

const DIGITS = String.raw`\d+(?:_\d+)*`;
const NUMBER = new RegExp(
	String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:e[+-]?${DIGITS})?$`,
	'i'
);

export type NumberText = { ok: true; value: number } | { ok: false; why: string };

/** A text as a finite number, or why it is not one (a phrase: “abc” is not a number). */
export function readNumber(text: string): NumberText {
	const cleaned = text.trim().replace(/[\u2212\u2013]/g, '-');
	const shown = quoted(text);
	if (cleaned === '') return { ok: false, why: 'is empty' };
	if (!NUMBER.test(cleaned)) {
		const comma = /^[+-]?\d+,\d+$/.test(cleaned)
			? ' (write numbers without commas, with a point for decimals)'
			: '';
		return { ok: false, why: `${shown} is not a number${comma}` };
	}
	const value = Number(cleaned.replaceAll('_', ''));
	if (!Number.isFinite(value)) return { ok: false, why: `${shown} is too large to be a number` };
	// Refused rather than read as 0: the number typed is not zero, and taking it as zero without
	// a word would be a different number; 0 itself is one keystroke away.
	if (value === 0 && /[1-9]/.test(cleaned.split(/e/i)[0]))
		return {
			ok: false,
			why: `${shown} is too small to be a number: it would be rounded to 0 (type 0 for zero)`
		};
	return { ok: true, value };
}

function quoted(text: string): string {
	const short = text.length > 24 ? `${text.slice(0, 24)}…` : text;
	return `“${short}”`;
}

/**
 * A count as the page writes it, with thousands separators: 100000000 →
 * "100,000,000", −1234 → "−1,234". Whole numbers only (iterations, weights,
 * bytes); by hand rather than `toLocaleString`, whose first call loads the
 * locale data and costs a page ~15 ms of its start.
 */
export function formatCount(n: number): string {
	if (!Number.isSafeInteger(n)) return String(n);
	const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
	return n < 0 ? `\u2212${digits}` : digits;
}
