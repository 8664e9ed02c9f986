/**
 * "What it learned": the net's outputs over the input square, against the
 * rectangle's rule, read at a point with the keyboard, downloaded as CSV,
 * following the steps and edits, and a point made the iteration's inputs.
 * Every number is the engine's own Forward at that point (fast/grid.ts is
 * held to passes.ts by its unit test; here the page is held to the engine).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { dataSourceOf } from '../src/lib/engine/document/notebook.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { inputRange, outputGrid, ruleOf } from '../src/lib/engine/fast/grid.ts';
import { withParameter, withParameterValues, type Net } from '../src/lib/engine/maths/model.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { MAP_POINTS } from '../src/lib/state/learned-map.svelte.ts';
import { formatNumber } from '../src/lib/tex/numbers.ts';
import { enginePage } from './support/engine-in-browser.ts';
import { button, cell, open, pageCells, startOf, typeInto, watchConsole } from './support/page.ts';

const article = preset('article');
const source = dataSourceOf(article);

/** The map the engine gives for `net` at `inputs`, in Node: for the numbers the readout rounds. */
const engineGrid = (net: Net, inputs: readonly number[]) =>
	outputGrid(
		net,
		{
			x: 0,
			y: 1,
			held: inputs,
			xRange: inputRange(source, [inputs], 0),
			yRange: inputRange(source, [inputs], 1),
			points: MAP_POINTS
		},
		ruleOf(source)
	);

async function downloadCsv(page: Page): Promise<string[][]> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download the map as CSV' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.csv$/);
	const text = await readFile((await download.path())!, 'utf8');
	return text
		.replace(/^\uFEFF/, '')
		.trimEnd()
		.split('\r\n')
		.map((line) => line.split(','));
}

/**
 * Every number of the CSV equals the engine's, written in full: computed in the
 * page's own Chromium, whose Math.tanh the page uses (run-reference.ts says why).
 */
async function expectGrid(rows: string[][], engine: Page, net: Net, inputs: readonly number[]) {
	expect(rows[0]).toEqual([
		'input 0: width',
		'input 1: height',
		'output 0: area',
		'output 1: circumference × 0.25'
	]);
	const wanted = await engine.evaluate(
		([n, i, s, points]) => runReference.learnedRows(n, i, s, points),
		[net, inputs, source, MAP_POINTS] as const
	);
	expect(rows.slice(1)).toEqual(wanted);
}

test('the map is the engine’s Forward at every point, follows Train and an edit, and a point becomes the inputs', async ({
	page,
	browser
}) => {
	const engine = await enginePage(browser);
	const messages = watchConsole(page);
	await open(page);
	const start = startOf(article);
	const map = page.getByRole('application', { name: /The learned function/ });

	// Before Train the parameters are the start's; the CSV is every point of the engine's grid.
	await expectGrid(await downloadCsv(page), engine, start.net, start.inputs);

	// Read a point with the keyboard: the middle, then two to the right and one up. The map is drawn
	// once its section comes near the screen.
	await page.locator('#learned').scrollIntoViewIfNeeded();
	await map.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowUp');
	const middle = Math.floor(MAP_POINTS / 2);
	const at = (middle + 1) * MAP_POINTS + middle + 2;
	const grid = engineGrid(start.net, start.inputs);
	const n = (x: number) => formatNumber(x, 4);
	const [w, h] = grid.inputs[at];
	await expect(page.locator('#learned .readout p').first()).toHaveText(
		`width = ${n(w)}, height = ${n(h)}: ` +
			`output 0 = ${n(grid.outputs[0][at])} (target ${n(w * h)}); ` +
			`output 1 = ${n(grid.outputs[1][at])} (target ${n((h * 2 + w * 2) * 0.25)})`
	);

	// After a whole iteration the map shows the trained net.
	await button(page, 'Iteration').click();
	const done = step(start, 'iteration');
	await expectGrid(await downloadCsv(page), engine, done.net, done.inputs);

	// An edit of a weight redraws it.
	await typeInto(page, 'layers.2.neurons.1.weights.0', '0.75');
	await expect(cell(page, 'layers.2.neurons.1.weights.0')).toHaveAttribute('data-value', '0.75');
	const rows = await downloadCsv(page);
	await expectGrid(rows, engine, withParameter(done.net, 2, 1, 0, 0.75), done.inputs);

	// Enter makes the point looked at the iteration's inputs, as typed cells would.
	await page.locator('#learned').scrollIntoViewIfNeeded();
	await map.focus();
	await page.keyboard.press('Enter');
	await expect(cell(page, 'inputs.0')).toHaveAttribute('data-value', String(w));
	await expect(cell(page, 'inputs.1')).toHaveAttribute('data-value', String(h));
	expect(messages).toEqual([]);
});

test('the map follows a Run as it goes, a few frames a second, and ends on the run’s weights', async ({
	page,
	browser
}) => {
	const engine = await enginePage(browser);
	const start = startOf(article);
	await open(page);
	const run = page.locator('#run');
	await run.getByRole('textbox', { name: 'Iterations' }).fill('100,000,000');
	const readout = page.locator('#learned .readout p').first();
	await page.locator('#learned').scrollIntoViewIfNeeded();
	await page.getByRole('application', { name: /The learned function/ }).focus();
	await page.keyboard.press('ArrowRight');
	const before = await readout.textContent();
	await run.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(run).toHaveAttribute('data-status', 'running');
	// Frames while the run still goes, once the map is on screen: it moves with the run's weights,
	// and says how far they are.
	await page.locator('#learned').scrollIntoViewIfNeeded();
	const live = page.locator('#learned .live');
	await expect(live).toHaveText(/^Live: the run’s weights after [\d,]+ iterations$/);
	const first = await live.textContent();
	await expect(live).not.toHaveText(first!);
	await expect(readout).not.toHaveText(before!);
	await expect(run).toHaveAttribute('data-status', 'running');

	await run.getByRole('button', { name: 'Cancel' }).click();
	await expect(run).toHaveAttribute('data-status', 'cancelled');
	// After the run the map is the notebook's trained weights (not the last frame's): every point
	// of the CSV is the engine's Forward of the weights the tables show.
	await expect(live).toHaveCount(0);
	const cells = await pageCells(page);
	const values = start.net.layers.flatMap((layer, l) =>
		layer.neurons.flatMap((neuron, j) => [
			Number(cells[`layers.${l}.neurons.${j}.bias`]),
			...neuron.weights.map((_, i) => Number(cells[`layers.${l}.neurons.${j}.weights.${i}`]))
		])
	);
	await expectGrid(
		await downloadCsv(page),
		engine,
		withParameterValues(start.net, values),
		start.inputs
	);
});
