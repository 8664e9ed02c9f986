/** What a user may type into a cell: a finite number, in number-text.ts's grammar (the one a paste reads). */
import { readNumber } from '$lib/engine/document/number-text.ts';

export type CellText = { ok: true; value: number } | { ok: false; error: string };

export function parseCellText(text: string): CellText {
	if (text.trim() === '')
		return { ok: false, error: 'Type a number, or Escape to keep the old value.' };
	const read = readNumber(text);
	return read.ok ? read : { ok: false, error: `${read.why}; the old value stays.` };
}

/** A refused paste as a sentence that says nothing changed. */
export function refused(why: string): string {
	return `${why.charAt(0).toUpperCase()}${why.slice(1)}; nothing was pasted.`;
}
