/**
 * Many pins: a notebook with 16,000 pinned cells (a 20,400-weight net's
 * weight gradients) opens with its pins list capped in height and drawing
 * only the rows in view, steps, and goes to a pin's cell when it is chosen —
 * the last one included, far down a windowed table. Nothing is lost: a pin
 * restored comes back with Undo.
 */
import { expect, test } from '@playwright/test';
import { address } from '../src/lib/engine/maths/addresses.ts';
import { describeAddress } from '../src/lib/engine/maths/cells/words.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import { netNotebook } from './support/notebooks.ts';
import { button, cell, formulaBar, open, pinnedList, watchConsole } from './support/page.ts';

const PINS = 16_000;
const SIZES = [2, 100, 100, 100, 2];

/** Layer 1's and then layer 2's weight gradients, pinned to small numbers, PINS of them. */
function pinnedNotebook(): { notebook: Notebook; addresses: string[] } {
	const addresses: string[] = [];
	for (let l = 1; l <= 2; l++)
		for (let j = 0; j < 100; j++)
			for (let i = 0; i < 100; i++) addresses.push(address.weightGradient(l, j, i));
	addresses.length = PINS;
	const overrides = Object.fromEntries(addresses.map((a, n) => [a, (n % 7) / 1000]));
	return { notebook: { ...netNotebook(SIZES, 7), overrides }, addresses };
}

test.setTimeout(90_000);

test('16,000 pins: the list is capped and windowed, the page steps, and choosing a pin goes to its cell', async ({
	page
}) => {
	const messages = watchConsole(page);
	const { notebook, addresses } = pinnedNotebook();
	await open(page, '/' + (await shareHash(notebook)));
	const list = pinnedList(page);
	await expect(list.getByRole('button', { name: '16,000 pinned cells' })).toBeVisible();
	const rows = list.locator('li');
	expect(await rows.count(), 'only the rows in view are drawn').toBeLessThan(40);
	await expect(rows.first()).toHaveAttribute('aria-setsize', String(PINS));
	const height = await list.evaluate((el) => el.getBoundingClientRect().height);
	expect(height, 'the list leaves the page its room').toBeLessThan(900 / 4);

	// The page answers: each step's button comes back within a generous bound (a hang fails).
	await button(page, 'Forward').click();
	await expect(button(page, 'Backward')).toBeEnabled({ timeout: 5000 });
	await button(page, 'Backward').click();
	await expect(button(page, 'Train')).toBeEnabled({ timeout: 5000 });

	// The last pin: scrolled to inside the list, chosen, its cell selected and on screen — gone to
	// even with following the steps off, since the learner asked for it.
	await page.getByRole('checkbox', { name: 'follow steps' }).uncheck();
	// From the top of the page: Train's table is then far off, in a section that skips layout.
	await page.evaluate(() => scrollTo(0, 0));
	await list.locator('.list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
	const last = addresses.at(-1)!;
	const name = describeAddress(last, undefined);
	await list.getByRole('button', { name, exact: true }).click();
	await expect(formulaBar(page)).toContainText(name);
	await expect(cell(page, last)).toBeInViewport({ timeout: 5000 }); // its home, in Train's table
	await expect(cell(page, last)).toHaveAttribute('data-value', String(((PINS - 1) % 7) / 1000));

	// Nothing lost: a pin restored comes back with Undo.
	const first = describeAddress(addresses[0], undefined);
	await list.locator('.list').evaluate((el) => el.scrollTo(0, 0));
	await list
		.locator('li', { hasText: first })
		.first()
		.getByRole('button', { name: 'Restore formula' })
		.click();
	await expect(list.getByRole('button', { name: '15,999 pinned cells' })).toBeVisible({
		timeout: 5000
	});
	await button(page, 'Undo').click();
	await expect(list.getByRole('button', { name: '16,000 pinned cells' })).toBeVisible({
		timeout: 5000
	});
	expect(messages).toEqual([]);
});

test.describe('at 390 × 844', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('16,000 pins take one line on a phone', async ({ page }) => {
		await open(page, '/' + (await shareHash(pinnedNotebook().notebook)));
		const list = pinnedList(page);
		await expect(list.getByRole('button', { name: '16,000 pinned cells' })).toBeVisible();
		expect(await list.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(36);
		await button(page, 'Forward').click();
		await expect(button(page, 'Backward')).toBeEnabled({ timeout: 5000 });
	});
});
