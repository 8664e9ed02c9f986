/** What a user may type into a cell: a finite number, in the forms people write. */

export type CellText = { ok: true; value: number } | { ok: false; error: string };

/** Plain decimals and exponents, with a leading sign; the Unicode minus is accepted too. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseCellText(text: string): CellText {
	const cleaned = text.trim().replace(/[−–]/g, '-').replace(/_/g, '');
	if (cleaned === '')
		return { ok: false, error: 'Type a number, or Escape to keep the old value.' };
	if (!NUMBER.test(cleaned))
		return { ok: false, error: `“${shorten(text)}” is not a number; the old value stays.` };
	const value = Number(cleaned);
	if (!Number.isFinite(value))
		return {
			ok: false,
			error: `${shorten(text)} is too large to be a finite number; the old value stays.`
		};
	return { ok: true, value };
}

function shorten(text: string): string {
	return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}
