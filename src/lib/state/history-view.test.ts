/** The history panel's view: groups per network, headings, numbers with separators, shape changes. */
import { describe, expect, it } from 'vitest';
import { preset } from '$lib/engine/document/presets.ts';
import { historyView, shapeChange } from './history-view.ts';
import { NotebookState } from './notebook.svelte.ts';

describe('the history view', () => {
	it('says "1 iteration and its loss", "2 iterations and their loss"', () => {
		const sheet = new NotebookState();
		expect(historyView(sheet.iterations.entries, sheet.moment).heading).toBe(
			'iterations and their loss E'
		);
		sheet.iteration();
		expect(historyView(sheet.iterations.entries, sheet.moment).heading).toBe(
			'1 iteration and its loss E'
		);
		sheet.iteration();
		expect(historyView(sheet.iterations.entries, sheet.moment).heading).toBe(
			'2 iterations and their loss E'
		);
	});

	it('groups each network under its shape, newest first, and marks the ones of another shape', () => {
		const sheet = new NotebookState();
		sheet.iteration();
		sheet.iteration();
		sheet.load(preset('xor'));
		sheet.iteration();
		const view = historyView(sheet.iterations.entries, sheet.moment);
		const xor = sheet.snapshot.net.layers.map((l) => l.neurons.length);
		expect(view.groups.map((g) => [g.shape, g.otherShape])).toEqual([
			[`2 → ${xor.join(' → ')} · ${sheet.snapshot.net.layers[0].activation}`, false],
			['2 → 3 → 3 → 2 · tanh', true]
		]);
		expect(view.groups[1].rows.map((r) => r.iteration)).toEqual(['2', '1']);
		expect(view.groups[0].rows[0].current).toBe(true);
		const article = view.groups[1].rows[0].moment;
		expect(shapeChange(sheet.moment, article)).toBe(
			"The network's shape changes back to 2 → 3 → 3 → 2 · tanh, as it was for that iteration."
		);
		expect(shapeChange(article, view.groups[1].rows[1].moment)).toBeUndefined();
	});

	it('writes iteration numbers with thousands separators', () => {
		const sheet = new NotebookState();
		sheet.load({ ...preset('article'), iteration: 12_345_678 });
		sheet.iteration();
		const [row] = historyView(sheet.iterations.entries, sheet.moment).groups[0].rows;
		expect(row.iteration).toBe('12,345,679');
	});
});
