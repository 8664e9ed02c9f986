/**
 * The numbers a run must leave on the page, computed by the engine alone.
 * Pure engine code (no Playwright), so that it runs in Node and, bundled by
 * engine-in-browser.ts, in the same Chromium as the page: Math.tanh differs
 * between engines in the last bit of a few inputs, so bit-for-bit checks of
 * the article's tanh net compare within one engine.
 */
import { allAddresses } from '../../src/lib/engine/maths/addresses.ts';
import { cellValue } from '../../src/lib/engine/maths/cells/values.ts';
import { sampleAt, type DataSource } from '../../src/lib/engine/fast/data.ts';
import { inputRange, outputGrid, ruleOf } from '../../src/lib/engine/fast/grid.ts';
import { layerSizes, type Net } from '../../src/lib/engine/maths/model.ts';
import { dataSourceOf, netOf, type Notebook } from '../../src/lib/engine/document/notebook.ts';
import { nextIteration, step } from '../../src/lib/engine/maths/passes.ts';
import { createSnapshot, type Snapshot } from '../../src/lib/engine/maths/snapshot.ts';
import { createTrainer } from '../../src/lib/engine/fast/trainer.ts';

export type Cells = Record<string, string>;

/** Every cell as the page writes its data-value: String(x), or '' while not computed. */
export function cellsOf(s: Snapshot): Cells {
	return Object.fromEntries(
		allAddresses(layerSizes(s.net)).map((a) => {
			const v = cellValue(s, a);
			return [a, v === undefined ? '' : String(v)];
		})
	);
}

const startOf = (nb: Notebook, net = netOf(nb), iteration = nb.iteration ?? 0) => {
	const sample = iteration === (nb.iteration ?? 0) ? nb : sampleAt(dataSourceOf(nb), iteration);
	return createSnapshot({
		net,
		inputs: sample.inputs,
		targets: sample.targets,
		learningRate: nb.learningRate,
		iteration
	});
};

/** `count` whole iterations from the notebook's start, stepped by the passes as the buttons step them: the last one done. */
export function steppedCells(nb: Notebook, count: number): Cells {
	const source = dataSourceOf(nb);
	let s = step(startOf(nb), 'iteration');
	for (let k = 1; k < count; k++)
		s = step(nextIteration(s, sampleAt(source, s.iteration + 1)), 'iteration');
	return cellsOf(s);
}

/** The same by the fast trainer, with only the last iteration stepped (so that its values show): quick for millions. */
export function trainedCells(nb: Notebook, count: number): Cells {
	const first = nb.iteration ?? 0;
	const trainer = createTrainer(netOf(nb), nb.learningRate, dataSourceOf(nb), { iteration: first });
	trainer.run(count - 1);
	return cellsOf(step(startOf(nb, trainer.net(), first + count - 1), 'iteration'));
}

/** A report row as the Run panel's table writes it: iteration, iterations averaged, then each output's error %. */
export type ReportRow = string[];

/**
 * The article's report of `count` iterations from the notebook's start, by the
 * passes as the buttons step them: at every iteration i with i % every === 0
 * the mean error % per output since the previous report, and a partial one
 * for the iterations left over; written as the table writes them.
 */
export function steppedReports(nb: Notebook, count: number, every: number): ReportRow[] {
	const source = dataSourceOf(nb);
	const rows: ReportRow[] = [];
	let sums: number[] = [];
	let averaged = 0;
	const flush = (iteration: number, partial: boolean) => {
		const percents = sums.map((sum) => `${(sum / averaged).toFixed(3)}%`);
		const over = `${averaged.toLocaleString('en')}${partial ? ' (partial)' : ''}`;
		rows.push([iteration.toLocaleString('en'), over, ...percents]);
		[sums, averaged] = [[], 0];
	};
	let s = step(startOf(nb), 'iteration');
	for (let k = 0; k < count; k++) {
		if (k > 0) s = step(nextIteration(s, sampleAt(source, s.iteration + 1)), 'iteration');
		sums = s.errorsPercent.map((e, j) => (sums[j] ?? 0) + e);
		averaged++;
		if (s.iteration % every === 0) flush(s.iteration, false);
	}
	if (averaged > 0) flush(s.iteration, true);
	return rows;
}

/**
 * The learned-function map's rows (fast/grid.ts) as its CSV writes them, every
 * input and output as String(x): a grid of two varied inputs over the range
 * the page shows for `source` (a generator's: the unit square).
 */
export function learnedRows(
	net: Net,
	inputs: readonly number[],
	source: DataSource,
	points: number
): string[][] {
	const range = (i: number) => inputRange(source, [inputs], i);
	const grid = outputGrid(
		net,
		{ x: 0, y: 1, held: inputs, xRange: range(0), yRange: range(1), points },
		ruleOf(source)
	);
	return grid.inputs.map((point, p) => [...point, ...grid.outputs.map((o) => o[p])].map(String));
}

/** The fast trainer's reports of `count` iterations from the notebook's start, every `every`, the partial one included: what the worker posts. */
export function trainerReports(nb: Notebook, count: number, every: number) {
	const first = nb.iteration ?? 0;
	const options = { iteration: first, reportEvery: every };
	const trainer = createTrainer(netOf(nb), nb.learningRate, dataSourceOf(nb), options);
	const reports = trainer.run(count);
	const tail = trainer.finish();
	return tail ? [...reports, tail] : reports;
}
