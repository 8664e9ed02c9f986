/**
 * Compare seeds on the article's demo: two seeds trained at once, their
 * curves and table; a seed's result is exactly a normal Run from that seed
 * (Re-initialise, then Run), Continue shows it in the notebook, and Undo returns.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { button, open, pageCells, watchConsole } from './support/page.ts';

const seeds = (page: Page) => page.locator('#seeds');
const run = (page: Page) => page.locator('#run');
const rowOf = (page: Page, seed: number) => seeds(page).locator(`tbody tr[data-seed="${seed}"]`);
const texts = (row: ReturnType<typeof rowOf>) =>
	row.locator('td[data-output]').evaluateAll((cs) => cs.map((c) => c.textContent!.trim()));

test('two seeds train at once; seed 1’s result is a Run from seed 1, Continue shows it and Undo returns', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	const before = await pageCells(page);

	await seeds(page).getByRole('textbox', { name: 'Seeds' }).fill('7, 1, 7');
	await expect(seeds(page).locator('#seeds-why')).toHaveText('Seed 7 is listed twice.');
	await seeds(page).getByRole('textbox', { name: 'Seeds' }).fill('7, 1');
	await seeds(page).getByRole('textbox', { name: 'Iterations each' }).fill('200,000');
	await seeds(page).getByRole('button', { name: 'Compare' }).click();
	await expect(seeds(page)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });

	// One curve per seed and output, one legend entry per seed and per output.
	await expect(seeds(page).locator('svg[role="img"] path.line')).toHaveCount(4);
	await expect(seeds(page).locator('.legend li')).toHaveText([
		'seed 7',
		'seed 1',
		'area',
		'circumference × 0.25'
	]);
	for (const seed of [7, 1]) {
		await expect(rowOf(page, seed)).toHaveAttribute('data-status', 'finished');
		await expect(rowOf(page, seed).locator('td').nth(2)).toContainText('200,000');
	}
	expect(await texts(rowOf(page, 7))).not.toEqual(await texts(rowOf(page, 1)));
	const { violations } = await new AxeBuilder({ page }).include('#seeds').analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

	// Continue from seed 1: the notebook shows its last iteration, done; Undo returns.
	const seedOne = await texts(rowOf(page, 1));
	await button(page, 'Continue from seed 1').click();
	await expect(page.locator('[data-cell="iteration"]')).toHaveAttribute('data-value', '200000');
	const continued = await pageCells(page);
	await button(page, 'Undo').click();
	await expect.poll(() => pageCells(page)).toEqual(before);

	// A normal Run from seed 1 leaves every cell as Continue did, with the same final error %.
	await button(page, 'Edit network').click();
	await page.getByLabel('Seed', { exact: true }).fill('1');
	await button(page, 'Re-initialise').click();
	await run(page).getByRole('textbox', { name: 'Iterations' }).fill('200,000');
	await run(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(run(page)).toHaveAttribute('data-status', 'finished', { timeout: 30_000 });
	expect(await pageCells(page)).toEqual(continued);
	const last = await run(page)
		.locator('tbody tr')
		.last()
		.locator('td')
		.evaluateAll((cs) => cs.slice(1).map((c) => c.textContent!.trim()));
	expect(last).toEqual(seedOne);
	expect(messages).toEqual([]);
});
