/**
 * Notebook files and links: export then import, CSV of the current
 * iteration, drop and paste of a file, the share link in a fresh browser,
 * and the history panel of iterations with undo across an iteration.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { allAddresses } from '../src/lib/engine/maths/addresses.ts';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { describeAddress } from '../src/lib/engine/maths/cells/words.ts';
import { layerSizes } from '../src/lib/engine/maths/model.ts';
import { parseNotebook, serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { sampleAt } from '../src/lib/engine/fast/data.ts';
import { dataSourceOf } from '../src/lib/engine/document/notebook.ts';
import { nextIteration, step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { decodeShareLink, notebookDataFromHash } from '../src/lib/engine/document/share-link.ts';
import { formatNumber } from '../src/lib/tex/numbers.ts';
import {
	button,
	cell,
	expectCells,
	open,
	pageCells,
	startOf,
	watchConsole
} from './support/page.ts';
import { banner, completedIterations } from './support/notebooks.ts';

const article = preset('article');
const xor = preset('xor');
const start = startOf(article);

/** Clicks `name` and returns the text of the file it downloads, with its name. */
async function downloaded(page: Page, name: string): Promise<{ file: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), button(page, name).click()]);
	const text = await readFile((await download.path())!, 'utf8');
	return { file: download.suggestedFilename(), text };
}

const importPicker = (page: Page) => page.getByLabel('Import notebook', { exact: true });

test('exports the notebook as JSON and imports it back, bit for bit', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Iteration').click();
	const [done] = completedIterations(article, 1);
	await expectCells(page, done);

	const { file, text } = await downloaded(page, 'Export notebook');
	expect(file).toBe('gradsheet-iteration-1.json');
	const parsed = parseNotebook(text);
	if (!parsed.ok) throw new Error(parsed.error);
	// The trained weights, bit for bit, and the count of iterations done.
	expect(parsed.notebook.layers[2].neurons[1].weights).toEqual(
		done.net.layers[2].neurons[1].weights
	);
	expect(parsed.notebook.iteration).toBe(1);

	// Open something else, then import the exported file.
	await importPicker(page).setInputFiles({
		name: 'xor.json',
		mimeType: 'application/json',
		buffer: Buffer.from(serialiseNotebook(xor))
	});
	await expectCells(page, startOf(xor));
	await expect(page.getByRole('status').filter({ hasText: 'Opened xor.json' })).toBeVisible();
	await importPicker(page).setInputFiles({
		name: file,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	await expectCells(page, startOf(parsed.notebook));
	for (const address of ['layers.0.neurons.2.weights.1', 'layers.2.neurons.0.bias'])
		await expect(cell(page, address)).toHaveAttribute(
			'data-value',
			String(cellValue(done, address))
		);

	// Import is one undoable action.
	await button(page, 'Undo').click();
	await expectCells(page, startOf(xor));
	expect(messages).toEqual([]);
});

test('exports every cell of the current iteration as CSV: address, label, value', async ({
	page
}) => {
	await open(page);
	await button(page, 'Forward').click();
	const s = step(start, 'pass');
	const { file, text } = await downloaded(page, 'Export CSV');
	expect(file).toBe('gradsheet-iteration-0.csv');
	const lines = text.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe('address,label,value');
	const addresses = allAddresses(layerSizes(s.net));
	expect(lines.length).toBe(addresses.length + 2); // the header, and a last line end
	const row = (address: string) => lines.find((line) => line.startsWith(`${address},`));
	const value = String(cellValue(s, 'layers.2.neurons.1.value'));
	expect(row('layers.2.neurons.1.value')).toBe(
		`layers.2.neurons.1.value,"Layer 2, neuron 1: value",${value}`
	);
	expect(row('inputs.0')).toBe(`inputs.0,Input 0 (width),${s.inputs[0]}`);
	expect(row('loss')).toBe(`loss,Loss,${s.loss}`);
	// Not computed yet: empty.
	expect(row('layers.0.neurons.0.activation_gradient')).toBe(
		`layers.0.neurons.0.activation_gradient,"${describeAddress('layers.0.neurons.0.activation_gradient')}",`
	);
	// The same numbers the page's cells carry.
	const cells = await pageCells(page);
	for (const address of addresses) expect(row(address)!.endsWith(`,${cells[address]}`)).toBe(true);
});

test('a notebook file dropped onto the page opens', async ({ page }) => {
	await open(page);
	const transfer = await page.evaluateHandle((text) => {
		const data = new DataTransfer();
		data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
		return data;
	}, serialiseNotebook(xor));
	await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
	await expect(page.getByText('Drop a notebook file to open it')).toBeVisible();
	await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
	await expectCells(page, startOf(xor));
	await expect(page.getByText('Drop a notebook file to open it')).toHaveCount(0);
});

/** Pastes `text` as the clipboard would, with focus on `target`. */
async function paste(page: Page, text: string, target = 'body'): Promise<void> {
	await page
		.locator(target)
		.first()
		.evaluate((element, text) => {
			const data = new DataTransfer();
			data.setData('text/plain', text);
			element.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
			);
		}, text);
}

test('pasted notebook JSON opens; other pasted text is left alone', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await paste(page, 'just words');
	await paste(page, '[1, 2, 3]');
	await expectCells(page, start);
	await expect(banner(page)).toHaveCount(0);

	await paste(page, serialiseNotebook(xor));
	await expectCells(page, startOf(xor));

	// JSON pasted into a field is text for that field.
	await cell(page, 'inputs.0').dblclick();
	const editor = cell(page, 'inputs.0').locator('input');
	await expect(editor).toBeFocused();
	await paste(page, serialiseNotebook(article), '[data-cell="inputs.0"] input');
	await expectCells(page, startOf(xor));
	expect(messages).toEqual([]);
});

test('the share link opens the same notebook in a fresh browser, bit for bit', async ({
	page,
	context,
	browser
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page);
	await button(page, 'Iteration').click();
	await button(page, 'Forward').click();
	await button(page, 'Copy share link').click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	const url = new URL(link);
	expect(url.origin + url.pathname).toBe(new URL(page.url()).origin + '/');

	const decoded = await decodeShareLink(notebookDataFromHash(url.hash)!);
	if (!decoded.ok) throw new Error(decoded.error);
	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await open(other, link);
	await expectCells(other, startOf(decoded.notebook));
	// The trained weights are the first page's, to the last bit.
	const weights = allAddresses(layerSizes(start.net)).filter((a) => /weights|bias$/.test(a));
	const [here, there] = [await pageCells(page), await pageCells(other)];
	for (const address of weights) expect(there[address], address).toBe(here[address]);
	await fresh.close();
});

test('without a clipboard the share link is shown to copy by hand', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
	});
	await open(page);
	await button(page, 'Copy share link').click();
	const field = page.getByRole('textbox', { name: 'Share link' });
	await expect(field).toBeVisible();
	await expect(field).toBeFocused();
	const link = await field.inputValue();
	expect(link).toMatch(/^http:\/\/localhost:\d+\/#nb=[A-Za-z0-9_-]+$/);
	const decoded = await decodeShareLink(notebookDataFromHash(new URL(link).hash)!);
	expect(decoded.ok && serialiseNotebook(decoded.notebook)).toBe(serialiseNotebook(article));
});

test('the history panel lists iterations with their loss and returns to one, undoably', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	const history = page.getByRole('region', { name: /History/ });
	await expect(history).toContainText('Each iteration you complete is listed here');
	for (let k = 0; k < 3; k++) await button(page, 'Iteration').click();
	const done = completedIterations(article, 3);
	await expectCells(page, done[2]);

	const entries = history.getByRole('button');
	await expect(entries).toHaveCount(3);
	// Newest first, each with the loss its forward pass computed.
	for (const [i, k] of [3, 2, 1].entries())
		await expect(entries.nth(i)).toHaveAccessibleName(
			`Iteration ${k}, loss ${formatNumber(done[k - 1].loss, 4)}`
		);
	await expect(entries.nth(0)).toHaveAttribute('aria-current', 'step');

	await history.getByRole('button', { name: /^Iteration 1,/ }).click();
	await expectCells(page, done[0]);
	await expect(entries.nth(2)).toHaveAttribute('aria-current', 'step');
	await expect(entries).toHaveCount(3);

	await button(page, 'Undo').click();
	await expectCells(page, done[2]);

	// From iteration 1 again, a new iteration 2 replaces the old 2 and 3.
	await history.getByRole('button', { name: /^Iteration 1,/ }).click();
	await button(page, 'Iteration').click();
	await expectCells(page, done[1]);
	await expect(entries).toHaveCount(2);

	// The list comes back after a reload.
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(entries).toHaveCount(2);
	await history.getByRole('button', { name: /^Iteration 1,/ }).click();
	await expectCells(page, done[0]);
	expect(messages).toEqual([]);
});

test('undo steps back across an iteration, pass by pass, and Ctrl+Shift+Z or Ctrl+Y steps forward again', async ({
	page
}) => {
	await open(page);
	const [first] = completedIterations(article, 1);
	for (const name of ['Forward', 'Backward', 'Train', 'Forward']) await button(page, name).click();
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '1');
	await button(page, 'Undo').click();
	await expectCells(page, first);
	await button(page, 'Undo').click();
	await expectCells(page, step(step(start, 'pass'), 'pass'));
	await page.keyboard.press('Control+Shift+Z');
	await expectCells(page, first);
	// Ctrl+Y redoes too, as Windows programs do, and forward across the iteration's end.
	await page.keyboard.press('Control+Z');
	await expectCells(page, step(step(start, 'pass'), 'pass'));
	await page.keyboard.press('Control+Y');
	await expectCells(page, first);
	await page.keyboard.press('Control+Y');
	await expectCells(page, step(nextIteration(first, sampleAt(dataSourceOf(article), 1)), 'pass'));
	await expect(button(page, 'Redo')).toBeDisabled();
});
