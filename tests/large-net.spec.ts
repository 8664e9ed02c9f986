/**
 * A net of about ten thousand weights (2-64-64-64-64-2, 12,544 weights):
 * opened from a link, stepped, its windowed tables showing the engine's
 * numbers; a cell far down a table reached by keyboard and edited; a cell
 * selected in one table brought into view in another; the diagram drawing
 * only its strongest links.
 */
import { expect, test, type Page } from '@playwright/test';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { completedIterations, netNotebook } from './support/notebooks.ts';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import { replayTo, step } from '../src/lib/engine/maths/passes.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { dataSourceOf } from '../src/lib/engine/document/notebook.ts';
import { inputRange, outputGrid, ruleOf } from '../src/lib/engine/fast/grid.ts';
import { formatNumber } from '../src/lib/tex/numbers.ts';
import { button, cell, expectDrawnCells, open, startOf, watchConsole } from './support/page.ts';

const SIZES = [2, 64, 64, 64, 64, 2];

function bigNotebook(): Notebook {
	return netNotebook(SIZES, 7);
}

/** The data-cell of the focused element ('' when it has none). */
const focusedCell = (page: Page) =>
	page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? '');

/** Whether the cell at `address` shows inside its table's scrolling pane (not clipped away). */
const showsInPane = (page: Page, address: string) =>
	cell(page, address).evaluate((el) => {
		const pane = el.closest('.pane')!.getBoundingClientRect();
		const box = el.getBoundingClientRect();
		return box.top >= pane.top - 1 && box.bottom <= pane.bottom + 1 && box.right <= pane.right + 1;
	});

test.setTimeout(90_000);

test('a 12,544-weight net opens from a link and steps, every drawn cell matching the engine', async ({
	page
}) => {
	const messages = watchConsole(page);
	const notebook = bigNotebook();
	await open(page, `/${await shareHash(notebook)}`);
	const start = startOf(notebook);
	await expect(cell(page, 'layers.4.neurons.0.bias')).toHaveAttribute(
		'data-value',
		String(notebook.layers[4].neurons[0].bias)
	);
	// Windowed: a few hundred cells drawn, not the fifty thousand the tables hold.
	expect(await page.locator('[data-cell]').count()).toBeLessThan(2000);

	const afterForward = step(start, 'pass');
	await button(page, 'Forward').click();
	await expectDrawnCells(page, afterForward, 300);
	const afterBackward = step(afterForward, 'pass');
	await button(page, 'Backward').click();
	await expectDrawnCells(page, afterBackward, 300);
	await button(page, 'Train').click();
	// After Train the parameters' homes are Train's new numbers, one per row of its tall tables.
	await expectDrawnCells(page, step(afterBackward, 'pass'), 150);

	// The diagram draws its 1,200 strongest links and says so.
	await expect(page.locator('svg line[data-link]')).toHaveCount(1200);
	await expect(page.getByText('The 1,200 strongest of 12,544 links are drawn')).toBeVisible();

	// The learned map of a net this big comes from its own worker, 21 points a side: a point of it
	// is the engine's Forward of the trained net there (to the digits shown: tanh's last bit differs).
	const trained = step(afterBackward, 'pass');
	const source = dataSourceOf(notebook);
	const range = (i: number) => inputRange(source, [trained.inputs], i);
	const plane = { x: 0, y: 1, held: trained.inputs, xRange: range(0), yRange: range(1) };
	const grid = outputGrid(trained.net, { ...plane, points: 21 }, ruleOf(source));
	await page.locator('#learned').scrollIntoViewIfNeeded();
	await page.getByRole('application', { name: /The learned function/ }).focus();
	await page.keyboard.press('ArrowRight');
	const at = 10 * 21 + 11;
	const readout = page.locator('#learned .readout p').first();
	await expect(readout).toContainText(`output 0 = ${formatNumber(grid.outputs[0][at], 4)}`);
	await expect(readout).toContainText(`output 1 = ${formatNumber(grid.outputs[1][at], 4)}`);
	// The next iteration's Train redraws it, from the worker's answer.
	await button(page, 'Iteration').click();
	const second = completedIterations(notebook, 2)[1].net;
	const next = outputGrid(second, { ...plane, points: 21 }, ruleOf(source));
	await expect(readout).toContainText(`output 0 = ${formatNumber(next.outputs[0][at], 4)}`);
	await expect(readout).toContainText(`output 1 = ${formatNumber(next.outputs[1][at], 4)}`);
	expect(messages).toEqual([]);
});

test('a weight far down a table is reached with the arrow keys and edited', async ({ page }) => {
	const messages = watchConsole(page);
	const notebook = bigNotebook();
	await open(page, `/${await shareHash(notebook)}`);
	await button(page, 'Forward').click();
	await cell(page, 'layers.1.neurons.0.weights.0').click();
	const far = 'layers.1.neurons.60.weights.40';
	await expect(cell(page, far)).toHaveCount(0); // off the window: not drawn yet
	for (let n = 0; n < 60; n++) await page.keyboard.press('ArrowDown');
	for (let n = 0; n < 40; n++) await page.keyboard.press('ArrowRight');
	await expect.poll(() => focusedCell(page)).toBe(far);
	expect(await showsInPane(page, far)).toBe(true);

	await page.keyboard.type('0.5');
	await page.keyboard.press('Enter');
	const edited = editStart(startOf(notebook), far, 0.5);
	if (!edited.ok) throw new Error(edited.error);
	const afterForward = replayTo(edited.start, step(edited.start, 'pass').cursor);
	await expect(cell(page, far)).toHaveAttribute('data-value', '0.5');
	await expectDrawnCells(page, afterForward, 300);
	// Enter moved down a row, as in a spreadsheet, into the next row of the window.
	await expect.poll(() => focusedCell(page)).toBe('layers.1.neurons.61.weights.40');
	expect(messages).toEqual([]);
});

test('selecting a cell in one table scrolls it into view in the table that is its home', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page, `/${await shareHash(bigNotebook())}`);
	await button(page, 'Forward').click();
	// Backward's layer-2 table: down to neuron 40, then left to its copy of the value.
	await cell(page, 'layers.2.neurons.0.activation_gradient').click();
	for (let n = 0; n < 40; n++) await page.keyboard.press('ArrowDown');
	await expect.poll(() => focusedCell(page)).toBe('layers.2.neurons.40.activation_gradient');
	for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowLeft');

	// The value's home, Forward's layer-2 table, shows row 40's last column now.
	const home = 'layers.2.neurons.40.value';
	await expect(cell(page, home)).toHaveAttribute('aria-selected', 'true');
	expect(await showsInPane(page, home)).toBe(true);
	await expect(cell(page, 'layers.2.neurons.40.total')).toHaveClass(/precedent/);
	expect(messages).toEqual([]);
});
