import { describe, expect, test } from 'vitest';
import { oldAndNew, signedNumber, withDigits } from './update-digits.ts';

const joined = (s: { same: string; changed: string }) => s.same + s.changed;

describe('old and new numbers of a Train step', () => {
	test('numbers that already differ at the usual precision keep it', () => {
		const shown = oldAndNew(0.5, 0.4, 4);
		expect(shown.digits).toBe(4);
		expect(joined(shown.old)).toBe('0.5000');
		expect(joined(shown.new)).toBe('0.4000');
		expect(shown.old).toEqual({ same: '0.', changed: '5000' });
	});

	test('a change in the sixth digit gets the digits that tell them apart, the changed ones split off', () => {
		// 0.123456 − 0.001 · 0.004 = 0.123452: rounded to five digits, 0.12346 and 0.12345.
		const shown = oldAndNew(0.123456, 0.123452, 4);
		expect(shown.digits).toBe(5);
		expect(shown.old).toEqual({ same: '0.1234', changed: '6' });
		expect(shown.new).toEqual({ same: '0.1234', changed: '5' });
	});

	test('a carry changes every digit after the first that differs', () => {
		const shown = oldAndNew(0.2, 0.19999, 4);
		expect(shown.digits).toBe(5);
		expect(shown.old).toEqual({ same: '0.', changed: '20000' });
		expect(shown.new).toEqual({ same: '0.', changed: '19999' });
	});

	test('negative numbers are written with a minus sign and compared digit by digit', () => {
		const shown = oldAndNew(-0.3, -0.3000021, 4);
		expect(shown.digits).toBe(6);
		expect(joined(shown.old)).toBe('−0.300000');
		expect(shown.new).toEqual({ same: '−0.30000', changed: '2' });
	});

	test('numbers written in exponent form differ in their mantissa', () => {
		const shown = oldAndNew(1.5e-5, 1.50003e-5, 4);
		expect(shown.digits).toBe(6);
		expect(joined(shown.old)).toBe('1.50000e−5');
		expect(joined(shown.new)).toBe('1.50003e−5');
	});

	test('equal numbers (a zero gradient) stay at the usual precision with nothing changed', () => {
		const shown = oldAndNew(0.25, 0.25, 4);
		expect(shown).toEqual({
			digits: 4,
			old: { same: '0.2500', changed: '' },
			new: { same: '0.2500', changed: '' }
		});
	});

	test('neighbouring doubles are told apart within 17 digits', () => {
		const next = 0.1 + 2 ** -56;
		expect(next).not.toBe(0.1);
		const shown = oldAndNew(0.1, next, 4);
		expect(shown.digits).toBe(17);
		expect(joined(shown.old)).not.toBe(joined(shown.new));
	});

	test('what is shown reads back to within half a unit of its last digit', () => {
		for (const [old, next] of [
			[0.7316, 0.7316042],
			[-1.2345678, -1.2345612],
			[3.2e-7, 3.21e-7]
		]) {
			const shown = oldAndNew(old, next, 4);
			for (const [x, split] of [
				[old, shown.old],
				[next, shown.new]
			] as const) {
				const back = Number(joined(split).replace('−', '-'));
				expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.abs(x) * 10 ** (1 - shown.digits));
			}
			expect(joined(shown.old)).not.toBe(joined(shown.new));
		}
	});
});

test('a number with exactly its digits keeps trailing zeros, and overflow shows as such', () => {
	expect(withDigits(0.5, 3)).toBe('0.500');
	expect(withDigits(1e9, 3)).toBe('1.00e9');
	expect(withDigits(Infinity, 3)).toBe('∞');
	expect(withDigits(0, 5)).toBe('0');
});

test('a change is written with its sign', () => {
	expect(signedNumber(1.25e-5, 3)).toBe('+1.25e−5');
	expect(signedNumber(-0.00031, 3)).toBe('−0.00031');
	expect(signedNumber(0, 3)).toBe('0');
	expect(signedNumber(-6.077e-5, 4)).toBe('−6.077e−5');
});
