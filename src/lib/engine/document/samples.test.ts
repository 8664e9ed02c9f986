import { describe, expect, it } from 'vitest';
import { GENERATORS, generatorKey, sampleAt } from '../fast/data.ts';
import { LIMITS, layerSizes } from '../maths/model.ts';
import { checkNotebook } from './notebook-schema.ts';
import { dataSourceOf, netOf } from './notebook.ts';
import { preset } from './presets.ts';
import {
	addSampleRow,
	dataModeOf,
	generatedSamples,
	pasteSamples,
	removeSampleRow,
	rowOf,
	sampleCell,
	setSampleCell,
	withData
} from './samples.ts';

const rows = [
	{ inputs: [1, 2], targets: [3] },
	{ inputs: [4, 5], targets: [6] }
];

describe('the samples table', () => {
	it('reads a row as its inputs then its targets', () => {
		expect([0, 1, 2].map((c) => sampleCell(rows[1], c))).toEqual([4, 5, 6]);
	});

	it('sets one cell, an input or a target, and nothing else', () => {
		expect(setSampleCell(rows, 1, 2, 9)).toEqual([rows[0], { inputs: [4, 5], targets: [9] }]);
		expect(setSampleCell(rows, 0, 1, -1)).toEqual([{ inputs: [1, -1], targets: [3] }, rows[1]]);
	});

	it('adds a row of zeros and removes a row, but never the last one', () => {
		expect(addSampleRow(rows, 2, 1)).toEqual({
			ok: true,
			samples: [...rows, { inputs: [0, 0], targets: [0] }]
		});
		expect(removeSampleRow(rows, 0)).toEqual({ ok: true, samples: [rows[1]] });
		expect(removeSampleRow([rows[0]], 0)).toEqual({
			ok: false,
			error: 'the table needs at least one row; choose fixed inputs instead'
		});
	});

	it('walks its rows in order and round again', () => {
		expect([0, 1, 2, 3, 4].map((k) => rowOf(k, 3))).toEqual([0, 1, 2, 0, 1]);
	});
});

describe('pasting a block into the table', () => {
	it('overwrites from the focused cell and adds rows past the end', () => {
		const result = pasteSamples(
			rows,
			{ row: 1, column: 1 },
			[
				[50, 60],
				[80, 90]
			],
			2,
			1
		);
		expect(result).toEqual({
			ok: true,
			samples: [rows[0], { inputs: [4, 50], targets: [60] }, { inputs: [0, 80], targets: [90] }]
		});
	});

	it('refuses a block wider than the columns left, naming the counts', () => {
		expect(pasteSamples(rows, { row: 0, column: 1 }, [[1, 2, 3]], 2, 1)).toEqual({
			ok: false,
			error:
				'the block is 3 columns wide, and from column 2 the table has 2 (2 inputs, then 1 targets)'
		});
	});

	it('refuses a block that would take the table past its row limit', () => {
		const block = Array.from({ length: LIMITS.maxSamples }, () => [1, 2, 3]);
		const result = pasteSamples(rows, { row: 1, column: 0 }, block, 2, 1);
		expect(result).toEqual({
			ok: false,
			error: `the table would have ${LIMITS.maxSamples + 1} rows; the limit is ${LIMITS.maxSamples}`
		});
	});
});

describe('generated rows', () => {
	it('are the samples iterations 0, 1, 2 … of the generator would draw', () => {
		const result = generatedSamples('rectangle', 7, 5);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.samples).toHaveLength(5);
		result.samples.forEach((s, k) =>
			expect(s).toEqual(GENERATORS.rectangle.sample(generatorKey(7), k))
		);
	});

	it('refuse a count outside 1 … the row limit', () => {
		expect(generatedSamples('xor', 1, 0).ok).toBe(false);
		expect(generatedSamples('xor', 1, LIMITS.maxSamples + 1).ok).toBe(false);
	});
});

describe('where the samples come from', () => {
	it('names the mode of each preset', () => {
		expect(dataModeOf(preset('article'))).toBe('generator');
		expect(dataModeOf(preset('chain'))).toBe('fixed');
		expect(dataModeOf({ ...preset('article'), samples: [rows[0]] })).toBe('table');
	});

	it('a table with the net’s counts replaces the generator and keeps the net', () => {
		const table = [{ inputs: [0.1, 0.2], targets: [0.02, 0.15] }];
		const result = withData(preset('article'), { samples: table });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.notebook.samples).toEqual(table);
		expect('dataset' in result.notebook).toBe(false);
		expect(result.notebook.layers).toEqual(preset('article').layers);
		expect(dataSourceOf(result.notebook)).toEqual({ kind: 'table', samples: table });
		expect(result.notebook.inputs).toEqual([0.1, 0.2]);
	});

	it('a generator with other counts reshapes the inputs and outputs and brings its labels', () => {
		const result = withData(preset('article'), { dataset: 'xor' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const nb = result.notebook;
		expect(layerSizes(netOf(nb))).toEqual([2, 3, 3, 1]);
		expect(nb.labels).toEqual(preset('xor').labels);
		expect(nb.dataset).toBe('xor');
		expect(nb.layers[0]).toEqual(preset('article').layers[0]);
		const sample = sampleAt(dataSourceOf(nb), 0);
		expect([nb.inputs, nb.targets]).toEqual([sample.inputs, sample.targets]);
		expect(checkNotebook(nb).ok).toBe(true);
	});

	it('fixed inputs keep the current inputs and drop the table and the generator', () => {
		const result = withData({ ...preset('article'), samples: rows.slice(0, 0) }, {});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(dataModeOf(result.notebook)).toBe('fixed');
		expect(result.notebook.inputs).toEqual(preset('article').inputs);
	});
});
