import 'fake-indexeddb/auto';
import { createStore } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { KeptNotebooks, keptFileName } from './kept.svelte.ts';

describe('kept notebooks', () => {
	it('keeps copies across a reopening, newest first, until deleted', async () => {
		const open = () => createStore('kept-test', 'kept');
		const kept = new KeptNotebooks(open);
		expect(await kept.keep('first', '{"a":1}', true)).toBe(true);
		expect(await kept.keep('second', 'not JSON, as stored', false)).toBe(true);
		const again = new KeptNotebooks(open);
		await again.load();
		expect(again.list.map((k) => [k.name, k.text, k.opens])).toEqual([
			['second', 'not JSON, as stored', false],
			['first', '{"a":1}', true]
		]);
		await again.remove(again.list[0].id);
		const third = new KeptNotebooks(open);
		await third.load();
		expect(third.list.map((k) => k.name)).toEqual(['first']);
		expect(keptFileName({ ...third.list[0], keptAt: Date.UTC(2026, 11, 2, 2, 14) })).toBe(
			'gradsheet-kept-2026-12-02T0214.json'
		);
	});

	it('says when the browser will not keep one', async () => {
		const kept = new KeptNotebooks(() => {
			throw new DOMException('denied', 'SecurityError');
		});
		expect(await kept.keep('mine', '{}', true)).toBe(false);
		await kept.load();
		expect(kept.list).toEqual([]);
	});
});
