import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellText } from '../../state/cells/text.ts';
import { formatCount, readNumber } from './number-text.ts';
import { parseTsv } from './tsv.ts';

describe('readNumber accepts the numbers people paste', () => {
	it.each([
		['0.5', 0.5],
		['-3', -3],
		['+2.5', 2.5],
		['1e-7', 1e-7],
		['-2.5E+3', -2500],
		['.25', 0.25],
		['7.', 7],
		['\u22120.125', -0.125],
		['  4.5\u00a0', 4.5],
		['5e-324', 5e-324],
		['0e-400', 0],
		['0.000e5', 0]
	])('reads %j as %d', (text, value) => {
		const read = readNumber(text);
		expect(read).toEqual({ ok: true, value });
	});

	it.each([
		['abc', '“abc” is not a number'],
		['', 'is empty'],
		['1e999', '“1e999” is too large to be a number'],
		['1e-400', '“1e-400” is too small to be a number: it would be rounded to 0 (type 0 for zero)'],
		[
			'-2.5e-330',
			'“-2.5e-330” is too small to be a number: it would be rounded to 0 (type 0 for zero)'
		],
		['0,5', '“0,5” is not a number (write numbers without commas, with a point for decimals)'],
		['NaN', '“NaN” is not a number'],
		['Infinity', '“Infinity” is not a number'],
		['0x10', '“0x10” is not a number'],
		['=A1+1', '“=A1+1” is not a number']
	])('refuses %j: %s', (text, why) => {
		expect(readNumber(text)).toEqual({ ok: false, why });
	});
});

describe('digits grouped by underscores, as JavaScript writes them', () => {
	it.each([
		['1_000', 1000],
		['-1_000_000', -1e6],
		['1_000.5', 1000.5],
		['0.000_1', 0.0001],
		['.5_5', 0.55],
		['1e1_0', 1e10],
		['\u22122_5', -25],
		[' 1_0 ', 10]
	])('reads %j as %d', (text, value) => {
		expect(readNumber(text)).toEqual({ ok: true, value });
	});

	it.each([
		'_',
		'_1',
		'1_',
		'1__0',
		'_-_1',
		'-_1',
		'1_e_5',
		'1_.5',
		'1._5',
		'1_e5',
		'1e_5',
		'1e5_',
		'0x1_0',
		'1 000'
	])('refuses %j: an underscore only stands between two digits', (text) => {
		expect(readNumber(text)).toEqual({ ok: false, why: `“${text}” is not a number` });
	});
});

describe('one grammar for a typed cell and a pasted block', () => {
	const outcome = (text: string) => {
		const typed = parseCellText(text);
		const pasted = parseTsv(text);
		return {
			typed: typed.ok ? typed.value : 'refused',
			pasted: pasted.ok ? pasted.rows[0][0] : 'refused'
		};
	};

	it.each(['1_000', '1__0', '-2.5E+3', '\u22120.125', '0,5', '1e999', '1e-400', 'NaN', '7.', '=1'])(
		'types and pastes %j alike',
		(text) => {
			const { typed, pasted } = outcome(text);
			expect(typed).toBe(pasted);
		}
	);

	it('gives the same answer for any text of digits, signs, points, exponents and underscores', () => {
		const char = fc.constantFrom(...'0123456789_.-+eE\u2212 ');
		fc.assert(
			fc.property(fc.array(char, { minLength: 1, maxLength: 12 }), (chars) => {
				const text = chars.join('');
				const { typed, pasted } = outcome(text);
				// An empty text is no block to paste, and a cell typed empty keeps its value.
				if (text.trim() === '') expect(typed).toBe('refused');
				else expect(typed).toBe(pasted);
			})
		);
	});

	it('says why in the same words, typed or pasted', () => {
		const typed = parseCellText('1__0');
		const pasted = parseTsv('1__0');
		expect(typed).toEqual({ ok: false, error: '“1__0” is not a number; the old value stays.' });
		expect(pasted).toMatchObject({ ok: false, error: 'row 1, column 1: “1__0” is not a number' });
	});
});

describe('formatCount', () => {
	it('groups digits in threes as the English locale does, for every safe whole number', () => {
		const english = new Intl.NumberFormat('en');
		fc.assert(
			fc.property(fc.maxSafeInteger(), (n) => {
				expect(formatCount(n)).toBe(english.format(n).replace('-', '\u2212'));
			})
		);
		for (const n of [0, 7, 999, 1000, 12544, 100_000_000, 1e15])
			expect(formatCount(n)).toBe(english.format(n));
	});

	it('writes a number that is not a whole one as it is, never as a wrong count', () => {
		expect(formatCount(1.5)).toBe('1.5');
		expect(formatCount(Infinity)).toBe('Infinity');
	});
});
