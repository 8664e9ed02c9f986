/**
 * The numbers a run must leave on the page, computed by the engine alone.
 * Pure engine code (no Playwright), so that it runs in Node and, bundled by
 * engine-in-browser.ts, in the same Chromium as the page: Math.tanh differs
 * between engines in the last bit of a few inputs, so bit-for-bit checks of
 * the article's tanh net compare within one engine.
 */
import { allAddresses } from '../../src/lib/engine/addresses.ts';
import { cellValue } from '../../src/lib/engine/cell-values.ts';
import { sampleAt } from '../../src/lib/engine/data.ts';
import { layerSizes } from '../../src/lib/engine/model.ts';
import { dataSourceOf, netOf, type Notebook } from '../../src/lib/engine/notebook.ts';
import { nextIteration, step } from '../../src/lib/engine/passes.ts';
import { createSnapshot, type Snapshot } from '../../src/lib/engine/snapshot.ts';
import { createTrainer } from '../../src/lib/engine/trainer.ts';

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
