/**
 * What surrounds notebook text (a byte-order mark, trailing NULs) and the
 * one size limit, in UTF-8 bytes, on what is read and on what is written.
 */
import { describe, expect, it } from 'vitest';
import { articleNotebook } from '../__fixtures__/nets.ts';
import type { Notebook } from './notebook.ts';
import {
	MAX_NOTEBOOK_BYTES,
	notebookFile,
	parseNotebook,
	serialiseNotebook,
	utf8Length
} from './notebook-file.ts';

const text = serialiseNotebook(articleNotebook());

describe('text around the JSON', () => {
	it('reads a notebook after a byte-order mark, or before trailing NULs', () => {
		for (const wrapped of [
			'\uFEFF' + text,
			text + '\0',
			text + '\0\0\0',
			text.trimEnd() + '\0\n\0 ',
			'\uFEFF' + text + '\0'
		]) {
			const parsed = parseNotebook(wrapped);
			expect(parsed.ok && serialiseNotebook(parsed.notebook)).toBe(text);
		}
	});

	it('still refuses a NUL or a byte-order mark anywhere else', () => {
		for (const bad of ['\0' + text, text.replace('{', '{\0'), text.replace('{', '{\uFEFF')])
			expect(parseNotebook(bad).ok).toBe(false);
		expect(parseNotebook('\uFEFF\0')).toMatchObject({ ok: false });
	});
});

describe('utf8Length', () => {
	it('counts as TextEncoder encodes, lone surrogates as U+FFFD', () => {
		for (const sample of ['', 'abc', 'é', '€', '😀', 'a\uD800b', '\uDC00', 'x\uD83D', 'ü😀€a'])
			expect(utf8Length(sample), JSON.stringify(sample)).toBe(
				new TextEncoder().encode(sample).length
			);
	});
});

/** The article's notebook with an unknown field `extra`. */
const withExtra = (extra: unknown): Notebook => ({ ...articleNotebook(), extra }) as Notebook;

describe('one limit, in UTF-8 bytes, on what is read and what is written', () => {
	it('counts bytes, not characters: 2-byte characters over the limit are refused', () => {
		const filler = 'é'.repeat(MAX_NOTEBOOK_BYTES / 2);
		const big = serialiseNotebook(withExtra(filler));
		expect(big.length).toBeLessThan(MAX_NOTEBOOK_BYTES);
		const refused = parseNotebook(big);
		expect(!refused.ok && refused.error).toBe(
			`the notebook is ${utf8Length(big.trimEnd()).toLocaleString('en')} bytes long; the limit is 20,000,000`
		);
	});

	it('refuses at open a compact notebook whose file would be over the limit', () => {
		// 21 MB once indented: one small object per line, 60 levels deep.
		let deep: unknown = Array.from({ length: 160_000 }, () => ({ a: 1 }));
		for (let i = 0; i < 56; i++) deep = [deep];
		const compact = serialiseNotebook(withExtra(deep), { compact: true });
		expect(compact.length).toBeLessThan(2_000_000);
		const refused = parseNotebook(compact);
		expect(!refused.ok && refused.error).toBe(
			'as a file the notebook would be more than 20,000,000 bytes, the limit'
		);
		expect(notebookFile(withExtra(deep)).ok).toBe(false);
	});

	it('writes, and reads back, a notebook just under the limit; one byte more is refused', () => {
		const base = serialiseNotebook(withExtra(''));
		const room = MAX_NOTEBOOK_BYTES - utf8Length(base);
		const filler = '€'.repeat(Math.floor(room / 3)) + 'x'.repeat(room % 3);
		const fits = withExtra(filler);
		const file = notebookFile(fits);
		if (!file.ok) throw new Error(file.error);
		expect(utf8Length(file.text)).toBe(MAX_NOTEBOOK_BYTES);
		expect(file.text).toBe(serialiseNotebook(fits));
		expect(parseNotebook(file.text).ok).toBe(true);
		const over = withExtra(filler + 'x');
		expect(notebookFile(over).ok).toBe(false);
		expect(parseNotebook(serialiseNotebook(over)).ok).toBe(false);
	});
});
