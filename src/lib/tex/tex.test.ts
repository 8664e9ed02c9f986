import { describe, expect, it } from 'vitest';
import { seededSnapshot } from '$lib/engine/__fixtures__/nets.ts';
import { cellGraph } from '$lib/engine/maths/cells/graph.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { cellTex } from './formula.ts';
import { renderTex, renderTexStrict } from './katex.ts';
import { formatNumber, fullText, numberTex } from './numbers.ts';

describe('formulas in KaTeX', () => {
	it.each([
		[
			[2, 3, 3, 2],
			['tanh', 'tanh', 'tanh']
		],
		[
			[3, 9, 1],
			['sigmoid', 'relu']
		],
		[
			[1, 1, 1],
			['linear', 'tanh']
		]
	] as const)(
		'renders every cell of a %j net in symbols and with numbers, strictly',
		(sizes, activations) => {
			const done = step(seededSnapshot([...sizes], [...activations], 3), 'iteration');
			let rendered = 0;
			for (const address of cellGraph(done.net).addresses) {
				const tex = cellTex(done, address);
				for (const part of [tex.symbols, tex.substituted, tex.result]) {
					if (part === undefined) continue;
					expect(renderTexStrict(part, true)).toContain('katex');
					rendered++;
				}
			}
			expect(rendered).toBeGreaterThan(cellGraph(done.net).addresses.length * 2);
		}
	);

	it('renders overflowing numbers as such', () => {
		for (const x of [Infinity, -Infinity, NaN, -0, 1e300, -2.5e-12])
			expect(renderTexStrict(`a = ${numberTex(x)}`)).toContain('katex');
	});

	it('turns broken TeX into a visible, escaped diagnostic', () => {
		const html = renderTex('\\frac{1}{<b>');
		expect(html).toContain('tex-error');
		expect(html).not.toContain('<b>');
	});

	it('never lets TeX produce a link', () => {
		expect(renderTex('\\href{javascript:alert(1)}{x}')).not.toContain('href="javascript');
	});
});

describe('numbers', () => {
	it('writes an overflow as ∞, −∞ or “not a number”, never a silent NaN or a blank', () => {
		expect([Infinity, -Infinity, NaN].map((x) => formatNumber(x))).toEqual([
			'∞',
			'−∞',
			'not a number'
		]);
		expect([Infinity, -Infinity, NaN].map((x) => numberTex(x, 4, 'alone'))).toEqual([
			'\\infty',
			'-\\infty',
			'\\text{not a number}'
		]);
		expect([0.1, -2e-7, -1.5e21].map(fullText)).toEqual(['0.1', '−2e−7', '−1.5e21']);
		expect([-Infinity, NaN].map(fullText)).toEqual(['−∞', 'not a number']);
	});

	it('writes numbers short, with the sign as a real minus', () => {
		expect(formatNumber(0.46211715726000974)).toBe('0.4621');
		expect(formatNumber(-0.09966799462495582, 3)).toBe('−0.0997');
		expect(formatNumber(2)).toBe('2');
		expect(formatNumber(0.00001234)).toBe('1.234e−5');
		expect(formatNumber(Infinity)).toBe('∞');
	});

	it('writes a real minus in the exponent too, and never an exponent with + or a hyphen', () => {
		expect(formatNumber(-0.00001234)).toBe('−1.234e−5');
		expect(formatNumber(-2.5e-12, 2)).toBe('−2.5e−12');
		expect(formatNumber(-3e9)).toBe('−3e9');
		// 3 digits of 1234.5 in fixed notation, as below a million every number is.
		expect(formatNumber(1234.5, 3)).toBe('1230');
		expect(formatNumber(-123.4, 2)).toBe('−120');
		expect(fullText(-1.5e-7)).toBe('−1.5e−7');
		expect(fullText(1e21)).toBe('1e21');
	});

	it('parenthesises negative terms in TeX', () => {
		expect(numberTex(-0.3)).toBe('(-0.3)');
		expect(numberTex(1.5e-7)).toBe('1.5 \\times 10^{-7}');
		expect(numberTex(-1.5e-7)).toBe('(-1.5 \\times 10^{-7})');
		expect(numberTex(-0)).toBe('(-0)');
	});

	it('brackets a number by its place: bare alone, and with a power of ten under a power', () => {
		expect(numberTex(-0.3, 4, 'alone')).toBe('-0.3');
		expect(numberTex(-1.5e-7, 4, 'alone')).toBe('-1.5 \\times 10^{-7}');
		expect(numberTex(0.3, 4, 'power')).toBe('0.3');
		expect(numberTex(-0.3, 4, 'power')).toBe('(-0.3)');
		expect(numberTex(1.5e-7, 4, 'power')).toBe('(1.5 \\times 10^{-7})');
		expect(numberTex(-Infinity, 4, 'alone')).toBe('-\\infty');
	});
});
