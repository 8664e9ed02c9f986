/** The Data section's rules: choosing a source, the table kept aside, filling, pages and pastes. */
import { describe, expect, it } from 'vitest';
import { generatedSamples } from '$lib/engine/document/samples.ts';
import { LIMITS } from '$lib/engine/maths/model.ts';
import { setInputCount } from '$lib/engine/document/reshape.ts';
import { NotebookState } from '$lib/state/notebook.svelte.ts';
import { DataEditor } from './data-editor.svelte.ts';
import { PAGE_ROWS } from './network-view.ts';

function setUp() {
	const sheet = new NotebookState();
	return { sheet, data: new DataEditor(sheet) };
}

describe('the Data section', () => {
	it('a table starts from the sample the iteration reads', () => {
		const { sheet, data } = setUp();
		const { inputs, targets } = sheet.snapshot;
		data.choose('table');
		expect(data.mode).toBe('table');
		expect(data.refusal).toBe(undefined);
		expect(data.samples).toEqual([{ inputs: [...inputs], targets: [...targets] }]);
		expect(data.rowCount).toBe('1 row');
	});

	it('the table is kept aside while another source is chosen, and comes back when the table is chosen again', () => {
		const { data } = setUp();
		data.choose('table');
		data.addRow();
		data.edit(1, 0, 0.75);
		const table = data.samples;
		data.choose('fixed');
		expect(data.mode).toBe('fixed');
		data.choose('table');
		expect(data.samples).toEqual(table);
	});

	it('a kept table that no longer fits the net is not brought back', () => {
		const { sheet, data } = setUp();
		data.choose('table');
		data.addRow();
		data.choose('fixed');
		expect(sheet.tryUpdate((nb) => setInputCount(nb, 3))).toBe(undefined);
		data.choose('table');
		expect(data.samples).toHaveLength(1);
		expect(data.samples[0].inputs).toEqual([...sheet.snapshot.inputs]);
	});

	it('picking a generator switches the samples only while a generator is the source', () => {
		const { sheet, data } = setUp();
		data.choose('fixed');
		data.pickGenerator('xor');
		expect([data.generator, data.mode]).toEqual(['xor', 'fixed']);
		data.choose('generator');
		expect(sheet.notebook.dataset).toBe('xor');
		data.pickGenerator('rectangle');
		expect(sheet.notebook.dataset).toBe('rectangle');
	});

	it('fills a table with the generator’s first rows, or says why not', () => {
		const { sheet, data } = setUp();
		data.fillCount = 7;
		data.fill();
		const expected = generatedSamples('rectangle', data.seed, 7);
		expect(expected.ok && data.samples).toEqual(expected.ok && expected.samples);
		expect(data.mode).toBe('table');
		const before = sheet.notebook;
		for (const count of [null, 0, LIMITS.maxSamples + 1]) {
			data.fillCount = count;
			data.fill();
			expect(data.refusal).toBe(`a table can have 1 to ${LIMITS.maxSamples} rows`);
			expect(sheet.notebook).toBe(before);
		}
	});

	it('shows the table a page at a time; a row added past a page turns to its page', () => {
		const { data } = setUp();
		data.fillCount = PAGE_ROWS;
		data.fill();
		expect([data.paged, data.hasPrevious, data.hasNext, data.last]).toEqual([
			false,
			false,
			false,
			PAGE_ROWS - 1
		]);
		data.addRow();
		expect([data.paged, data.first, data.last, data.shown.length]).toEqual([
			true,
			PAGE_ROWS,
			PAGE_ROWS,
			1
		]);
		expect([data.hasPrevious, data.hasNext]).toEqual([true, false]);
		data.previousPage();
		expect([data.first, data.hasNext, data.shown.length]).toEqual([0, true, PAGE_ROWS]);
		data.nextPage();
		expect(data.first).toBe(PAGE_ROWS);
	});

	it('removes the focused row, or the last when the focused one is gone', () => {
		const { data } = setUp();
		data.fillCount = 5;
		data.fill();
		const rows = data.samples;
		data.focus('3.1');
		expect(data.removable).toBe(3);
		data.removeRow();
		expect(data.samples).toEqual([...rows.slice(0, 3), rows[4]]);
		expect(data.removable).toBe(3);
		data.focus('9.0');
		expect(data.removable).toBe(3);
	});

	it('marks the row the iteration on screen reads, or the next one once it is done', () => {
		const { sheet, data } = setUp();
		data.fillCount = 3;
		data.fill();
		expect([data.reader, data.current]).toEqual([0, 0]);
		sheet.iteration();
		expect(sheet.pass).toBe('done');
		expect([data.reader, data.current]).toEqual([1, 1]);
	});

	it('a pasted block fills down and right, or is refused whole saying nothing was pasted', () => {
		const { data } = setUp();
		data.choose('table');
		expect(data.paste(0, 1, '0.5\t0.25\n0.125\t1')).toBe(undefined);
		expect(data.samples).toHaveLength(2);
		expect([data.samples[0].inputs[1], data.samples[0].targets[0]]).toEqual([0.5, 0.25]);
		expect([data.samples[1].inputs[1], data.samples[1].targets[0]]).toEqual([0.125, 1]);
		const before = data.samples;
		expect(data.paste(0, 3, '1\t2')).toMatch(/; nothing was pasted\.$/);
		expect(data.paste(0, 0, 'a\tb')).toMatch(/; nothing was pasted\.$/);
		expect(data.samples).toBe(before);
	});
});
