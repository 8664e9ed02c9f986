import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TSV_CHARS, formatTsv, formatTsvNumber, parseTsv, splitTsv } from './tsv.ts';
import { readNumber } from './number-text.ts';

describe('splitTsv reads what spreadsheets put on the clipboard', () => {
	it('splits cells on tabs and rows on LF, dropping the one trailing line break', () => {
		expect(splitTsv('1\t2\n3\t4\n')).toEqual([
			['1', '2'],
			['3', '4']
		]);
	});

	it('treats CRLF (Excel on Windows) and a lone CR (older Mac Excel) as line breaks', () => {
		expect(splitTsv('1\t2\r\n3\t4\r\n')).toEqual([
			['1', '2'],
			['3', '4']
		]);
		expect(splitTsv('1\t2\r3\t4')).toEqual([
			['1', '2'],
			['3', '4']
		]);
	});

	it('keeps empty cells, including a trailing one', () => {
		expect(splitTsv('1\t\t3\n\t5\t')).toEqual([
			['1', '', '3'],
			['', '5', '']
		]);
	});

	it('unquotes cells quoted by Google Sheets, with tabs, newlines and doubled quotes inside', () => {
		expect(splitTsv('"a\tb"\t"line\nbreak"\t"say ""hi"""\n')).toEqual([
			['a\tb', 'line\nbreak', 'say "hi"']
		]);
	});

	it('reads a stray quote as plain text', () => {
		expect(splitTsv('"5 inches\t2')).toEqual([['"5 inches', '2']]);
	});

	it('gives no rows for empty text', () => {
		expect(splitTsv('')).toEqual([]);
	});
});

describe('parseTsv accepts a block as a whole or refuses it as a whole', () => {
	it('reads a block of numbers with a trailing newline and CRLF', () => {
		expect(parseTsv('0.1\t0.2\t0.02\r\n-1e-3\t\u22122\t4\r\n')).toEqual({
			ok: true,
			rows: [
				[0.1, 0.2, 0.02],
				[-0.001, -2, 4]
			]
		});
	});

	it('names the row and column of the first cell that is not a number', () => {
		expect(parseTsv('1\t2\n3\t4\n5\tabc\n7\tx')).toEqual({
			ok: false,
			error: 'row 3, column 2: “abc” is not a number',
			row: 3,
			column: 2
		});
	});

	it('refuses a header row at its first cell', () => {
		const result = parseTsv('width\theight\n0.5\t0.25');
		expect(result).toMatchObject({ ok: false, row: 1, column: 1 });
	});

	it('refuses a block whose rows differ in length', () => {
		expect(parseTsv('1\t2\n3')).toEqual({
			ok: false,
			error: 'row 2 has 1 values and row 1 has 2: the block must be a rectangle',
			row: 2
		});
	});

	it('refuses an empty cell in the middle of a block', () => {
		expect(parseTsv('1\t\t3')).toEqual({
			ok: false,
			error: 'row 1, column 2: is empty',
			row: 1,
			column: 2
		});
	});

	it('refuses nothing at all, and text over the length limit before reading it', () => {
		expect(parseTsv('')).toEqual({ ok: false, error: 'there is nothing to paste' });
		const huge = parseTsv('1'.repeat(MAX_TSV_CHARS + 1));
		expect(huge.ok).toBe(false);
		expect(!huge.ok && huge.error).toContain('the limit is 16000000');
	});
});

describe('formatTsv writes blocks those programs accept', () => {
	it('joins cells with tabs and rows with LF, numbers at full precision', () => {
		expect(
			formatTsv([
				[0.1 + 0.2, -1e-7],
				[1 / 3, 2]
			])
		).toBe('0.30000000000000004\t-1e-7\n0.3333333333333333\t2');
	});

	it('writes empty cells for pending values and quotes text that holds a tab or newline', () => {
		expect(formatTsv([[undefined, 'a\tb', 'line\nx', 'plain']])).toBe('\t"a\tb"\t"line\nx"\tplain');
	});

	it('keeps the sign of negative zero', () => {
		expect(formatTsvNumber(-0)).toBe('-0');
		const read = readNumber(formatTsvNumber(-0));
		expect(read.ok && Object.is(read.value, -0)).toBe(true);
	});

	it('round-trips every finite double bit for bit through format then parse', () => {
		const block = fc.array(
			fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
				minLength: 1,
				maxLength: 6
			}),
			{ minLength: 1, maxLength: 6 }
		);
		const rectangular = block.map((rows) => rows.map((row) => rows[0].map((_, c) => row[c] ?? 0)));
		fc.assert(
			fc.property(rectangular, (rows) => {
				const parsed = parseTsv(formatTsv(rows));
				expect(parsed.ok).toBe(true);
				if (!parsed.ok) return;
				rows.forEach((row, r) =>
					row.forEach((x, c) => expect(Object.is(parsed.rows[r][c], x)).toBe(true))
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('round-trips text cells through format then split', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), (cells) => {
				expect(splitTsv(formatTsv([cells]))).toEqual([cells]);
			})
		);
	});
});
