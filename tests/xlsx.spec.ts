/**
 * Export as .xlsx from the page: the button loads exceljs only when clicked,
 * under the page's strict Content Security Policy, and the downloaded file
 * opens with exceljs holding the engine's number under every name.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { initialiseNet } from '../src/lib/engine/fast/init.ts';
import { dataSourceOf, type Notebook } from '../src/lib/engine/document/notebook.ts';
import { serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { createTrainer } from '../src/lib/engine/fast/trainer.ts';
import { engineNumbers } from '../src/lib/export/xlsx/testing/oracle.ts';
import {
	loadWorkbook,
	namedCells,
	shownNumber,
	unrolledRows
} from '../src/lib/export/xlsx/testing/workbooks.ts';
import {
	button,
	cell,
	expectCells,
	open,
	startOf,
	typeInto,
	watchConsole
} from './support/page.ts';

const article = preset('article');
const start = startOf(article);

async function exported(page: Page) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		button(page, 'Export as .xlsx').click()
	]);
	const bytes = new Uint8Array(await readFile((await download.path())!));
	return { file: download.suggestedFilename(), workbook: await loadWorkbook(bytes) };
}

/** The names whose number in the workbook is not exactly the engine's. */
function differences(
	workbook: Awaited<ReturnType<typeof loadWorkbook>>,
	expected: Map<string, number>
) {
	const cells = namedCells(workbook);
	expect([...cells.keys()].sort()).toEqual([...expected.keys()].sort());
	return [...expected].filter(([name, value]) => shownNumber(cells.get(name)!) !== value);
}

test('exports the whole iteration as a workbook of live formulas, loading exceljs only on the click', async ({
	page
}) => {
	const messages = watchConsole(page);
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.url().endsWith('.js')) scripts.push(r.url());
	});
	await open(page);
	await button(page, 'Forward').click();
	await expectCells(page, step(start, 'pass'));
	const beforeClick = scripts.length;

	const { file, workbook } = await exported(page);
	expect(file).toBe('gradsheet-iteration-0.xlsx');
	// Exported after Forward, the workbook still holds Backward and Train, as formulas.
	expect(differences(workbook, engineNumbers(start))).toEqual([]);
	const cells = namedCells(workbook);
	expect(cells.get('a_2_1')!.formula).toBe('TANH(z_2_1)');
	expect(cells.get('w_0_0_1_new')!.formula).toBe('w_0_0_1-dE_dw_0_0_1*eta');
	// Labelled: the input's row says what it is.
	const x0 = cells.get('x_0')!;
	expect(x0.worksheet.getRow(Number(x0.row)).getCell(1).value).toBe('Input 0 (width)');
	// The exporter came in its own chunk, fetched on the click and not before.
	expect(scripts.length).toBeGreaterThan(beforeClick);
	expect(messages).toEqual([]);
});

test('a weight edited in the page is the weight in the workbook, and everything after it follows', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await typeInto(page, 'layers.1.neurons.2.weights.0', '0.625');
	const result = editStart(start, 'layers.1.neurons.2.weights.0', 0.625);
	if (!result.ok) throw new Error(result.error);

	const { workbook } = await exported(page);
	expect(shownNumber(namedCells(workbook).get('w_1_2_0')!)).toBe(0.625);
	expect(differences(workbook, engineNumbers(result.start))).toEqual([]);
	expect(messages).toEqual([]);
});

/** A 32-96-96-10 net of 13,248 weights, whose workbook takes seconds to make. */
function largeNotebook(): Notebook {
	const sizes = [32, 96, 96, 10];
	return {
		format: 'gradsheet-notebook',
		version: 1,
		activation: 'tanh',
		learningRate: 0.01,
		inputs: Array.from({ length: sizes[0] }, (_, i) => (i % 7) / 7),
		targets: Array.from({ length: sizes.at(-1)! }, (_, k) => (k % 3) / 4),
		layers: initialiseNet(sizes, 'tanh', 5).layers.map((layer) => ({ neurons: layer.neurons }))
	};
}

test('a large net’s workbook is made in a worker: the menu says so, and the page steps meanwhile', async ({
	page
}) => {
	test.slow();
	const messages = watchConsole(page);
	await open(page);
	const notebook = largeNotebook();
	await page.getByLabel('Import notebook', { exact: true }).setInputFiles({
		name: 'large.json',
		mimeType: 'application/json',
		buffer: Buffer.from(serialiseNotebook(notebook))
	});
	await expect(page.getByRole('status').filter({ hasText: 'Opened large.json' })).toBeVisible({
		timeout: 30_000
	});
	const output = 'loss';
	await expect(cell(page, output)).toHaveAttribute('data-value', '');

	const downloaded = page.waitForEvent('download', { timeout: 120_000 });
	await button(page, 'Export as .xlsx').click();
	const working = page.getByRole('status').filter({ hasText: 'Making the workbook' });
	await expect(working).toBeVisible();
	// A step taken while the workbook is being made is shown while it still is.
	await button(page, 'Forward').click();
	const forward = step(startOf(notebook), 'pass');
	await expect(cell(page, output)).toHaveAttribute(
		'data-value',
		String(cellValue(forward, output))
	);
	await expect(working).toBeVisible();
	await expect(button(page, 'Export as .xlsx')).toBeDisabled();

	const download = await downloaded;
	const bytes = new Uint8Array(await readFile((await download.path())!));
	const cells = namedCells(await loadWorkbook(bytes));
	// The workbook is of the iteration's start as the click found it, every pass run.
	const expected = engineNumbers(startOf(notebook));
	expect(cells.size).toBe(expected.size);
	for (const name of ['a_2_9', 'delta_0_95', 'w_1_95_95_new', 'E'])
		expect(shownNumber(cells.get(name)!)).toBe(expected.get(name));
	await expect(working).toBeHidden();
	await expect(button(page, 'Export as .xlsx')).toBeEnabled();
	expect(messages).toEqual([]);
});

test('with an unrolled sheet, the workbook holds the iterations ahead, each row trained from the one above', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await page.getByRole('group', { name: 'Notebook file' }).getByLabel('Workbook options').click();
	const count = page.getByLabel('Unrolled iterations');
	await expect(count).toBeDisabled();
	await page.getByLabel(/Add an unrolled sheet/).check();
	await count.fill('5');

	const { workbook } = await exported(page);
	const rows = unrolledRows(workbook);
	expect(rows).toHaveLength(6);
	// Row k holds the trainer's parameters after k iterations, as cached numbers.
	const trainer = createTrainer(start.net, start.learningRate, dataSourceOf(article));
	for (const cells of rows) {
		const net = trainer.net();
		expect(shownNumber(cells.get('w_1_2_0')!)).toBe(net.layers[1].neurons[2].weights[0]);
		expect(shownNumber(cells.get('b_2_1')!)).toBe(net.layers[2].neurons[1].bias);
		trainer.run(1);
	}
	expect(rows[3].get('w_1_2_0')!.formula).toMatch(/^[A-Z]+\d+-\([A-Z]+\d+\*[A-Z]+\d+\)\*eta$/);

	// Beyond the limit, the banner says why and nothing is saved.
	await count.fill('20000');
	await button(page, 'Export as .xlsx').click();
	await expect(page.getByRole('alert')).toContainText(
		'the unrolled sheet takes 1 to 10,000 iterations'
	);
	expect(messages).toEqual([]);
});
