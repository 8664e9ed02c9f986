/**
 * Your own data, and blocks of cells: a samples table filled by pasting a
 * block from a spreadsheet (accepted whole or refused whole), iterations
 * walking its rows in order, a generator filling it, and blocks copied from
 * and pasted into the notebook's grids as tab-separated text.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Sample } from '../src/lib/engine/maths/model.ts';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { replayTo, step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { generatedSamples } from '../src/lib/engine/document/samples.ts';
import { button, cell, expectCells, open, startOf, watchConsole } from './support/page.ts';

const article = preset('article');
const start = startOf(article);

async function withClipboard(context: BrowserContext): Promise<void> {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
}

async function pasteText(page: Page, text: string): Promise<void> {
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await page.keyboard.press('ControlOrMeta+V');
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Every sample cell's data-value, row by row. */
function tableValues(page: Page): Promise<string[][]> {
	return page.$$eval('[data-sample]', (cells) => {
		const rows: string[][] = [];
		for (const c of cells) {
			const [r, k] = c.getAttribute('data-sample')!.split('.').map(Number);
			(rows[r] ??= [])[k] = c.getAttribute('data-value')!;
		}
		return rows;
	});
}

const asText = (samples: readonly Sample[]) =>
	samples.map((s) => [...s.inputs, ...s.targets].map(String));

async function useTable(page: Page): Promise<void> {
	await button(page, 'Edit data').click();
	await page.getByLabel('A samples table').check();
	await expect(page.getByRole('grid', { name: 'Samples' })).toBeVisible();
}

/** As Excel on Windows copies it: CRLF rows, a trailing line break; a Unicode minus and an exponent. */
const BLOCK = '0.1\t0.2\t0.02\t0.15\r\n0.3\t0.4\t0.12\t0.35\r\n−5e-1\t-0.25\t1.5E-2\t2\r\n';
const ROWS: Sample[] = [
	{ inputs: [0.1, 0.2], targets: [0.02, 0.15] },
	{ inputs: [0.3, 0.4], targets: [0.12, 0.35] },
	{ inputs: [-0.5, -0.25], targets: [0.015, 2] }
];

test('a block pasted from a spreadsheet fills the samples table, and a bad one is refused whole', async ({
	page,
	context
}) => {
	const messages = watchConsole(page);
	await withClipboard(context);
	await open(page);
	await useTable(page);
	// The table starts from the sample on screen.
	expect(await tableValues(page)).toEqual([[...article.inputs, ...article.targets].map(String)]);

	await page.locator('[data-sample="0.0"]').click();
	await pasteText(page, BLOCK);
	expect(await tableValues(page)).toEqual(asText(ROWS));
	// Nothing stepped yet: this iteration starts from row 0.
	await expect(cell(page, 'inputs.0')).toHaveAttribute('data-value', '0.1');
	await expect(cell(page, 'targets.1')).toHaveAttribute('data-value', '0.15');

	await page.locator('[data-sample="1.0"]').click();
	await pasteText(page, '9\t9\t9\t9\n9\tabc\t9\t9\n');
	await expect(page.getByRole('alert')).toHaveText(
		'Row 2, column 2: “abc” is not a number; nothing was pasted.'
	);
	expect(await tableValues(page)).toEqual(asText(ROWS));

	await pasteText(page, '1\t2\t3\t4\t5');
	await expect(page.getByRole('alert')).toContainText(
		'The block is 5 columns wide, and from column 1 the table has 4'
	);
	expect(await tableValues(page)).toEqual(asText(ROWS));
	expect(messages).toEqual([]);
});

test('iterations walk the samples in order', async ({ page, context }) => {
	await withClipboard(context);
	await open(page);
	await useTable(page);
	await page.locator('[data-sample="0.0"]').click();
	await pasteText(page, BLOCK);

	for (let k = 0; k < 4; k++) {
		const row = ROWS[k % ROWS.length];
		await expect(cell(page, 'iteration')).toHaveAttribute('data-value', String(k));
		for (const [i, x] of row.inputs.entries())
			await expect(cell(page, `inputs.${i}`)).toHaveAttribute('data-value', String(x));
		for (const [i, t] of row.targets.entries())
			await expect(cell(page, `targets.${i}`)).toHaveAttribute('data-value', String(t));
		await button(page, 'Iteration').click(); // the rest of this iteration
		await button(page, 'Forward').click(); // begins the next
	}
});

test('rows are added, edited and removed; a generator fills the table from the seed', async ({
	page
}) => {
	await open(page);
	await useTable(page);
	await button(page, 'Add row').click();
	await page.locator('[data-sample="1.3"]').click();
	await page.keyboard.type('0.75');
	await page.keyboard.press('Enter');
	expect((await tableValues(page))[1]).toEqual(['0', '0', '0', '0.75']);
	await button(page, 'Remove row 1').click();
	expect(await tableValues(page)).toHaveLength(1);

	await page.getByLabel('Generator', { exact: true }).selectOption('xor');
	await page.getByLabel('Fill a table with').fill('6');
	await button(page, 'Fill table').click();
	const xor = generatedSamples('xor', article.seed!, 6);
	if (!xor.ok) throw new Error(xor.error);
	expect(await tableValues(page)).toEqual(asText(xor.samples));
	// XOR has one target: the output layer follows it.
	await expect(page.locator('#network')).toContainText('2 → 3 → 3 → 1');
	await expect(cell(page, 'targets.1')).toHaveCount(0);
});

test('copying a block of cells gives tab-separated full-precision numbers', async ({
	page,
	context
}) => {
	const messages = watchConsole(page);
	await withClipboard(context);
	await open(page);
	await button(page, 'Forward').click();
	const s = step(start, 'pass');
	const n = s.net.layers[0].neurons;

	// One focused cell copies its full value.
	await cell(page, 'layers.0.neurons.1.total').click();
	await page.keyboard.press('ControlOrMeta+C');
	expect(await clipboard(page)).toBe(String(s.totals[0][1]));

	// Shift+arrows extend a block from the focused cell, which keeps focus.
	await cell(page, 'layers.0.neurons.0.bias').click();
	await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('Shift+ArrowDown');
	await expect(cell(page, 'layers.0.neurons.0.bias')).toBeFocused();
	await expect(page.locator('[data-block]')).toHaveCount(6);
	await page.keyboard.press('ControlOrMeta+C');
	expect(await clipboard(page)).toBe(
		[0, 1].map((j) => [n[j].bias, ...n[j].weights].map(String).join('\t')).join('\n')
	);

	// Shift+click extends too; pending cells copy as empty cells.
	await cell(page, 'layers.1.neurons.0.total').click();
	await cell(page, 'layers.1.neurons.1.value').click({ modifiers: ['Shift'] });
	await page.keyboard.press('ControlOrMeta+C');
	expect(await clipboard(page)).toBe(
		[0, 1].map((j) => [s.totals[1][j], s.values[1][j]].map(String).join('\t')).join('\n')
	);
	await cell(page, 'layers.1.neurons.0.activation_gradient').click();
	await cell(page, 'layers.1.neurons.1.activation_gradient').click({ modifiers: ['Shift'] });
	await page.keyboard.press('ControlOrMeta+C');
	expect(await clipboard(page)).toBe('\n');

	// A plain arrow ends the block.
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('[data-block]')).toHaveCount(0);
	expect(messages).toEqual([]);
});

test('a block pasted into the weights is one edit, and one undo takes it back', async ({
	page,
	context
}) => {
	const messages = watchConsole(page);
	await withClipboard(context);
	await open(page);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	const before = step(step(start, 'pass'), 'pass');
	await expectCells(page, before);

	await cell(page, 'layers.1.neurons.1.weights.1').click();
	await pasteText(page, '0.5\t-0.25\n0.125\t1e-3\n');
	let edited = start;
	for (const [address, value] of [
		['layers.1.neurons.1.weights.1', 0.5],
		['layers.1.neurons.1.weights.2', -0.25],
		['layers.1.neurons.2.weights.1', 0.125],
		['layers.1.neurons.2.weights.2', 0.001]
	] as const) {
		const result = editStart(edited, address, value);
		if (!result.ok) throw new Error(result.error);
		edited = result.start;
	}
	await expectCells(page, replayTo(edited, before.cursor));

	await page.keyboard.press('ControlOrMeta+Z');
	await expectCells(page, before);

	// A block that runs past the table is refused whole.
	await cell(page, 'layers.1.neurons.2.weights.2').click();
	await pasteText(page, '1\t2\t3\t4');
	await expect(page.getByRole('alert')).toContainText('nothing was pasted');
	await expectCells(page, before);
	expect(messages).toEqual([]);
});

test('edits of the table and a change of source undo and redo from the keyboard; a block of the table copies as TSV', async ({
	page,
	context
}) => {
	const messages = watchConsole(page);
	await withClipboard(context);
	await open(page);
	await useTable(page);
	const [x0, x1, t0, t1] = [...article.inputs, ...article.targets];
	const sample = (r: number, k: number) => page.locator(`[data-sample="${r}.${k}"]`);
	await sample(0, 1).click();
	await page.keyboard.type('0.9');
	await page.keyboard.press('Enter');
	expect(await tableValues(page)).toEqual([[x0, 0.9, t0, t1].map(String)]);
	// Nothing stepped yet: the iteration reads the edited row.
	await expect(cell(page, 'inputs.1')).toHaveAttribute('data-value', '0.9');

	// Ctrl+Z with focus in the table takes back the edit, then the change to a table.
	await sample(0, 1).click();
	await page.keyboard.press('ControlOrMeta+Z');
	expect(await tableValues(page)).toEqual([[x0, x1, t0, t1].map(String)]);
	await expect(cell(page, 'inputs.1')).toHaveAttribute('data-value', String(x1));
	await page.keyboard.press('ControlOrMeta+Z');
	await expect(page.getByRole('grid', { name: 'Samples' })).toHaveCount(0);
	await expect(page.getByLabel('A generator')).toBeChecked();
	await expectCells(page, start);

	await page.keyboard.press('ControlOrMeta+Y');
	await page.keyboard.press('ControlOrMeta+Shift+Z');
	expect(await tableValues(page)).toEqual([[x0, 0.9, t0, t1].map(String)]);

	await sample(0, 0).click();
	for (let k = 0; k < 3; k++) await page.keyboard.press('Shift+ArrowRight');
	await page.keyboard.press('ControlOrMeta+C');
	expect(await clipboard(page)).toBe([x0, 0.9, t0, t1].map(String).join('\t'));
	expect(messages).toEqual([]);
});
