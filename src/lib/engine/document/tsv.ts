/**
 * Blocks of cells as tab-separated text: what Excel, LibreOffice Calc and
 * Google Sheets put on the clipboard when a range is copied, and what they
 * accept when one is pasted. Rows end with LF, CRLF or a lone CR (older Mac
 * Excel); a cell holding a tab, a newline or a quote is quoted with doubled
 * quotes inside, as those programs do. Each cell is read by number-text.ts,
 * the grammar of a typed cell too.
 */
import { readNumber } from './number-text.ts';

/** The longest text read as a block, so that a huge paste cannot tie up the page. */
export const MAX_TSV_CHARS = 16_000_000;

/** The most cells read from one block. */
const MAX_TSV_CELLS = 2_000_000;

export type Block<T> = T[][];

export type TsvResult =
	{ ok: true; rows: Block<number> } | { ok: false; error: string; row?: number; column?: number };

/**
 * The cells of tab-separated `text`, row by row. One trailing line break is
 * dropped (spreadsheets end a copied range with one); an empty text is no rows.
 */
export function splitTsv(text: string): Block<string> {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let i = 0;
	const n = text.length;
	const endRow = () => {
		row.push(cell);
		rows.push(row);
		row = [];
		cell = '';
	};
	while (i < n) {
		const c = text[i];
		if (c === '"' && cell === '') {
			// A quoted cell: up to the closing quote, "" standing for one quote.
			let j = i + 1;
			let quoted = '';
			while (j < n) {
				if (text[j] === '"') {
					if (text[j + 1] === '"') {
						quoted += '"';
						j += 2;
						continue;
					}
					break;
				}
				quoted += text[j++];
			}
			if (j < n && (j + 1 === n || '\t\r\n'.includes(text[j + 1]))) {
				cell = quoted;
				i = j + 1;
				continue;
			}
			// Not a well-formed quoted cell: read it as plain text.
		}
		if (c === '\t') {
			row.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			endRow();
		} else cell += c;
		i++;
	}
	if (cell !== '' || row.length > 0) endRow();
	return rows;
}

/**
 * The numbers of a pasted block, accepted as a whole or refused as a whole:
 * the refusal names the row and column (1-based, as in the block) of the
 * first cell that is not a number, or the first row whose length differs.
 */
export function parseTsv(text: string): TsvResult {
	if (text.length > MAX_TSV_CHARS)
		return {
			ok: false,
			error: `the pasted text is ${text.length} characters long; the limit is ${MAX_TSV_CHARS}`
		};
	const cells = splitTsv(text);
	if (cells.length === 0) return { ok: false, error: 'there is nothing to paste' };
	const width = cells[0].length;
	if (cells.length * width > MAX_TSV_CELLS)
		return {
			ok: false,
			error: `the block has ${cells.length * width} cells; the limit is ${MAX_TSV_CELLS}`
		};
	const rows: number[][] = [];
	for (const [r, line] of cells.entries()) {
		if (line.length !== width)
			return {
				ok: false,
				error: `row ${r + 1} has ${line.length} values and row 1 has ${width}: the block must be a rectangle`,
				row: r + 1
			};
		const numbers: number[] = [];
		for (const [c, text] of line.entries()) {
			const read = readNumber(text);
			if (!read.ok)
				return {
					ok: false,
					error: `row ${r + 1}, column ${c + 1}: ${read.why}`,
					row: r + 1,
					column: c + 1
				};
			numbers.push(read.value);
		}
		rows.push(numbers);
	}
	return { ok: true, rows };
}

/**
 * A number as a spreadsheet reads it back to the same double: JavaScript's
 * shortest round-trip form, with −0 kept as "-0".
 */
export function formatTsvNumber(x: number): string {
	return Object.is(x, -0) ? '-0' : String(x);
}

/** A text cell, quoted when it holds a tab, a line break or a leading quote. */
function formatTsvText(text: string): string {
	return /[\t\r\n]|^"/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A block as tab-separated text: cells joined by tabs, rows by LF, no trailing line break. */
export function formatTsv(rows: Block<number | string | undefined>): string {
	return rows
		.map((row) =>
			row
				.map((x) =>
					typeof x === 'number' ? formatTsvNumber(x) : x === undefined ? '' : formatTsvText(x)
				)
				.join('\t')
		)
		.join('\n');
}
