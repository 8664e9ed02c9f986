/**
 * Files that round-trip (issue 14): a paste with a byte-order mark and
 * trailing NULs opens, one too large to write back is refused at open, two
 * files dropped at once are refused by name, a share link longer than
 * browsers open is refused with the notebook file offered, and long or
 * right-to-left labels stay isolated and within the page at both widths.
 * Each journey checks that the page still answers and that nothing was lost.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parseNotebook, serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { button, cell, expectCells, formulaBar, open, startOf } from './support/page.ts';
import { banner } from './support/notebooks.ts';

const article = preset('article');
const xor = preset('xor');

/** The page paints a frame within 5 s: it was not left hanging. */
async function answers(page: Page): Promise<void> {
	const frame = page.evaluate(
		() => new Promise<boolean>((r) => requestAnimationFrame(() => r(true)))
	);
	const late = new Promise<boolean>((r) => setTimeout(() => r(false), 5000));
	expect(await Promise.race([frame, late])).toBe(true);
}

/** Pastes `text` onto the page, as the clipboard would. */
async function paste(page: Page, text: string): Promise<void> {
	await page.locator('body').evaluate((body, text) => {
		const data = new DataTransfer();
		data.setData('text/plain', text);
		body.dispatchEvent(
			new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
		);
	}, text);
}

const importFile = (page: Page, name: string, text: string) =>
	page.getByLabel('Import notebook', { exact: true }).setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});

test('a pasted notebook with a BOM and NULs opens; one too large to write back, or two files dropped, are refused', async ({
	page
}) => {
	await open(page);
	await paste(page, '\uFEFF' + serialiseNotebook(xor) + '\0\0');
	await expectCells(page, startOf(xor));
	await button(page, 'Forward').click();
	const worked = step(startOf(xor), 'pass');
	await expectCells(page, worked);

	// Compact, 1.5 MB; indented, as Export notebook writes it, over 20 MB.
	let deep: unknown = Array.from({ length: 160_000 }, () => ({ a: 1 }));
	for (let i = 0; i < 56; i++) deep = [deep];
	await paste(page, serialiseNotebook({ ...article, deep } as typeof article, { compact: true }));
	await expect(banner(page)).toContainText(
		'as a file the notebook would be more than 20,000,000 bytes, the limit'
	);
	await answers(page);
	await expectCells(page, worked);

	const transfer = await page.evaluateHandle((text) => {
		const data = new DataTransfer();
		for (const name of ['one.json', 'two.json'])
			data.items.add(new File([text], name, { type: 'application/json' }));
		return data;
	}, serialiseNotebook(article));
	await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
	await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
	await expect(banner(page)).toContainText(
		'The 2 files dropped ("one.json", "two.json") could not be opened: one notebook opens at a time'
	);
	await answers(page);
	await expectCells(page, worked);
	// The history is whole: Undo goes back through the step to the article's notebook.
	await button(page, 'Undo').click();
	await expectCells(page, startOf(xor));
	await button(page, 'Undo').click();
	await expectCells(page, startOf(article));
});

test('a share link longer than browsers open is refused, with the notebook file offered', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	let seed = 3;
	const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
	const samples = Array.from({ length: 60_000 }, () => ({
		inputs: [random(), random()],
		targets: [random(), random()]
	}));
	const { dataset: _, ...rest } = article;
	const big = { ...rest, samples };
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page);
	await importFile(page, 'big.json', serialiseNotebook(big));
	await expect(page.getByRole('status').filter({ hasText: 'Opened big.json' })).toBeVisible();

	await button(page, 'Copy share link').click();
	const refusal = page.getByRole('alert').filter({ hasText: 'The share link would be' });
	await expect(refusal).toContainText('browsers open links of at most 2,097,152');
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(0);
	await answers(page);
	await page.screenshot({ path: '/tmp/files-shots/long-link.png' });
	const { violations } = await new AxeBuilder({ page }).include('.file-menu').analyze();
	expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		refusal.getByRole('button', { name: 'Export notebook file' }).click()
	]);
	const parsed = parseNotebook(await readFile((await download.path())!, 'utf8'));
	expect(parsed.ok && parsed.notebook.samples).toEqual(samples);
});

const LONG = 'x'.repeat(3000);
const labelled = {
	...article,
	labels: { inputs: ['\u202Ewidth', LONG], outputs: ['שטח', 'circumference'] }
};

for (const [width, height] of [
	[390, 844],
	[1400, 900]
])
	test(`long and right-to-left labels stay isolated and within the page at ${width}×${height}`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await open(page);
		await importFile(page, 'labels.json', serialiseNotebook(labelled));
		await expectCells(page, startOf(labelled));

		const inputs = page.getByRole('grid', { name: 'Inputs' });
		const box = (await inputs.boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(width);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
		// The whole label on hover, and each one isolated from the text beside it.
		const long = inputs.locator('bdi[title]').nth(1);
		await expect(long).toHaveAttribute('title', LONG);
		await expect(inputs.locator('bdi').first()).toHaveAttribute('title', '\u2068\u202Ewidth\u2069');
		await page.screenshot({ path: `/tmp/files-shots/labels-${width}.png` });

		// The formula bar says the whole label, isolated, and the page still steps.
		await cell(page, 'inputs.0').click();
		await expect(formulaBar(page).locator('strong')).toHaveText(
			'Input 0 (\u2068\u202Ewidth\u2069)'
		);
		await cell(page, 'inputs.1').click();
		await expect(formulaBar(page).locator('strong')).toHaveText(`Input 1 (${LONG})`);
		await page.screenshot({ path: `/tmp/files-shots/formula-${width}.png` });
		await button(page, 'Forward').click();
		await expectCells(page, step(startOf(labelled), 'pass'));
		await answers(page);
	});
