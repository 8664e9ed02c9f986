import { describe, expect, it } from 'vitest';
import { labelsNotice, xmlText } from './xml-text.ts';

describe('text as XML can hold it', () => {
	it('replaces each character XML 1.0 forbids with U+FFFD', () => {
		for (const code of [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1f, 0xfffe, 0xffff, 0xd800, 0xdfff])
			expect(xmlText(`a${String.fromCharCode(code)}b`), code.toString(16)).toBe('a\uFFFDb');
		expect(xmlText('\u0001\u0002')).toBe('\uFFFD\uFFFD');
	});

	it('keeps what XML allows: tab, line ends, the BMP outside surrogates, pairs', () => {
		for (const fine of [
			'\t\n\r',
			' ~',
			'\u007F\u0085',
			'\uD7FF\uE000\uFFFD',
			'😀',
			'\u202Eltr',
			''
		])
			expect(xmlText(fine)).toBe(fine);
	});

	it('counts the labels it changes, for the notice', () => {
		expect(labelsNotice(undefined)).toBeUndefined();
		expect(labelsNotice({ inputs: ['width', 'height'], outputs: ['😀'] })).toBeUndefined();
		expect(labelsNotice({ inputs: ['w\uFFFF'], outputs: ['ok'] })).toMatch(/^1 label holds /);
		expect(labelsNotice({ inputs: ['\u0001', '\u0002'], outputs: ['\uD800'] })).toMatch(
			/^3 labels hold .* each is written as \uFFFD\.$/
		);
	});
});
