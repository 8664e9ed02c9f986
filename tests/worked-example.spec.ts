/**
 * The worked example (file menu): opened by keyboard after a Forward and
 * after a whole iteration, each result it shows is the page's own cell and
 * the engine's; printing with it open prints only it, a pass a page; its
 * Markdown download holds the engine's numbers; axe finds nothing serious;
 * a net too big to print whole asks what to include.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { cellInput, cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import {
	numbersIn,
	readBack,
	showsNumber
} from '../src/lib/export/worked-example/testing/read-back.ts';
import { netNotebook } from './support/notebooks.ts';
import { button, expectCells, open, pageCells, startOf, watchConsole } from './support/page.ts';

test.describe.configure({ timeout: 120_000 });

const start = startOf(preset('article'));
const dialog = (page: Page) => page.getByRole('dialog', { name: /Worked example/ });
const section = (page: Page, id: string) => dialog(page).locator(`[data-section="${id}"]`);

/** Opens the view with the keyboard alone: focus on the file menu's button, Enter. */
async function openByKeyboard(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Worked example' }).focus();
	await page.keyboard.press('Enter');
	await expect(dialog(page)).toBeVisible();
}

/** Every result the view shows: its section, address, full value, and the TeX it typesets. */
async function results(page: Page) {
	return dialog(page)
		.locator('[data-address]')
		.evaluateAll((els) =>
			els.map((el) => ({
				section: el.closest('[data-section]')!.getAttribute('data-section')!,
				address: el.getAttribute('data-address')!,
				value: el.getAttribute('data-value')!,
				tex: el.querySelector('annotation')?.textContent ?? ''
			}))
		);
}

/**
 * Each result is the engine's number in full, shown to its digits, and, but
 * for the parameters as they were set (the page shows Train's new ones), the
 * page's own data-value for that cell.
 */
async function expectResults(page: Page, s: Snapshot, counts: Record<string, number>) {
	const cells = await pageCells(page);
	const shown = await results(page);
	for (const r of shown) {
		const asSet = r.section === 'start';
		const engine = asSet ? cellInput(s, r.address) : cellValue(s, r.address);
		expect(r.value, r.address).toBe(String(engine));
		if (!asSet || cellValue(s, r.address) === engine)
			expect(r.value, r.address).toBe(cells[r.address]);
		const [number] = numbersIn(r.tex);
		expect(showsNumber(number, Number(r.value)), `${r.address} shows ${r.tex}`).toBe(true);
	}
	const per: Record<string, number> = {};
	for (const r of shown) per[r.section] = (per[r.section] ?? 0) + 1;
	expect(per).toEqual(counts);
}

test('after a Forward, the worked example shows the page’s cells and says what has not run; Escape closes it', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const s = step(start, 'pass');
	await expectCells(page, s);
	await openByKeyboard(page);
	// 5 numbers set and 29 parameters; 8 neurons' z and a; E and 2 error %.
	await expectResults(page, s, { start: 34, forward: 16, loss: 3 });
	await expect(section(page, 'backward')).toContainText('Backward has not run yet');
	await expect(section(page, 'train')).toContainText('Train has not run yet');
	await page.keyboard.press('Tab');
	await expect(dialog(page).getByRole('button', { name: 'Download Markdown' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog(page)).toBeHidden();
	await expect(page.getByRole('button', { name: 'Worked example' })).toBeFocused();
	expect(messages).toEqual([]);
});

test('after a whole iteration: every pass, printed alone a pass a page, and as Markdown', async ({
	page
}) => {
	await open(page);
	for (const name of ['Forward', 'Backward', 'Train']) await button(page, name).click();
	const s = step(start, 'iteration');
	await expectCells(page, s);
	await openByKeyboard(page);
	// Backward: 8 δ and ∂E/∂b, 21 ∂E/∂w; Train: 8 biases and 21 weights.
	await expectResults(page, s, { start: 34, forward: 16, loss: 3, backward: 37, train: 29 });

	await page.emulateMedia({ media: 'print' });
	await expect(dialog(page)).toBeVisible();
	await expect(page.locator('main')).toBeHidden();
	await expect(button(page, 'Forward')).toBeHidden();
	await expect(dialog(page).getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(dialog(page).locator('figure.network svg')).toBeVisible();
	for (const id of ['forward', 'backward', 'train'])
		expect(await section(page, id).evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
	await page.emulateMedia({ media: 'screen' });
	await expect(page.locator('main')).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		dialog(page).getByRole('button', { name: 'Download Markdown' }).click()
	]);
	expect(download.suggestedFilename()).toBe('gradsheet-worked-example-iteration-1.md');
	const text = await readFile((await download.path())!, 'utf8');
	const lines = readBack(text, [2, 3, 3, 2]);
	expect(lines.filter((l) => l.computed)).toHaveLength(16 + 3 + 37 + 29);
	for (const line of lines) {
		const engine = line.computed ? cellValue(s, line.address)! : cellInput(s, line.address)!;
		expect(showsNumber(line.result, engine), `${line.address}: ${line.result.text}`).toBe(true);
	}
});

test('with the worked example open there are no serious or critical accessibility violations', async ({
	page
}) => {
	await open(page);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await openByKeyboard(page);
	await expect(section(page, 'backward').locator('.katex').first()).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).analyze();
	const serious = violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
	expect(serious).toEqual([]);
});

test('a net too big to print whole asks which layers and neurons, with every layer and its first neurons by default', async ({
	page
}) => {
	await open(page, `/${await shareHash(netNotebook([2, 30, 30, 2], 3))}`);
	await button(page, 'Forward').click();
	await openByKeyboard(page);
	const chooser = dialog(page).getByRole('group', { name: /too big to print whole/ });
	await expect(chooser).toBeVisible();
	const neurons = chooser.getByLabel('Neurons of each layer, from the first');
	// Backward's cells with the first n neurons (and weights) of each layer: n (2 + 2) + n (2 + n) + 2 (2 + n),
	// 88 for n = 6 and 109 for n = 7, so 6 is the most that keeps a pass within 100.
	await expect(neurons).toHaveValue('6');
	await expect(dialog(page)).toContainText('the first 6 neurons of each');
	await expect(section(page, 'forward').locator('[data-address$=".total"]')).toHaveCount(6 + 6 + 2);
	await chooser.getByLabel('Layer 0').uncheck();
	await expect(section(page, 'forward').locator('[data-address$=".total"]')).toHaveCount(6 + 2);
	await neurons.fill('2');
	await neurons.press('Enter');
	await expect(section(page, 'forward').locator('[data-address$=".total"]')).toHaveCount(2 + 2);
});
