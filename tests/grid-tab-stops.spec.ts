/**
 * The tables follow the WAI-ARIA grid pattern: each grid is one Tab stop,
 * the arrow keys move inside it, Tab leaves it, and Shift+Tab comes back to
 * the cell last focused there — in every grid of the page: Inputs, Forward,
 * Loss, Backward, Train, Samples, the gradient check and a big net's
 * windowed tables.
 */
import { expect, test, type Page } from '@playwright/test';
import { netNotebook } from './support/notebooks.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { button, open, watchConsole } from './support/page.ts';

/** What has focus: its grid's name (or '' outside a grid), and its cell's place when it is a cell. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		const grid = el?.closest('[role="grid"]')?.getAttribute('aria-label') ?? '';
		const cell = el?.matches('[role="gridcell"]') ? (el as HTMLTableCellElement) : undefined;
		const row = cell?.closest('tr');
		const place = cell && row ? `${row.rowIndex}:${cell.cellIndex}` : '';
		return { grid, place };
	});

/** Whether the Run button (in #run) has focus, else the focused element's grid: one round trip a press. */
const atRun = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		const run = !!el?.closest('#run') && el?.matches('button') && el.textContent?.trim() === 'Run';
		return { run: !!run, grid: el?.closest('[role="grid"]')?.getAttribute('aria-label') ?? '' };
	});

// Many key presses, each a round trip: on a machine shared by other work they take a while.
test.describe.configure({ timeout: 120_000 });

/**
 * Tabs from the first focusable element to the Run button; returns the grid
 * of each stop on the way. Fails past `limit` presses (it took 181 when
 * Tab walked every cell).
 */
async function tabsToRun(page: Page, limit = 100): Promise<string[]> {
	const stops: string[] = [];
	await page.keyboard.press('Tab');
	for (let n = 0; n < limit; n++) {
		const now = await atRun(page);
		if (now.run) return stops;
		stops.push(now.grid);
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab did not reach the Run button in ${limit} presses`);
}

/**
 * From a cell of `grid`, moves with `keys`, then Tab must leave the grid and
 * Shift+Tab come back to the cell the keys reached.
 */
async function leavesAndComesBack(page: Page, grid: string, keys: string[]): Promise<void> {
	const table = page.getByRole('grid', { name: grid, exact: true });
	await table.locator('[role="gridcell"]').first().click();
	const first = await focused(page);
	for (const key of keys) await page.keyboard.press(key);
	const reached = await focused(page);
	expect(reached.grid, `the arrows stay in ${grid}`).toBe(grid);
	expect(reached.place, `the arrows move in ${grid}`).not.toBe(first.place);

	await page.keyboard.press('Tab');
	expect((await focused(page)).grid, `Tab leaves ${grid}`).not.toBe(grid);
	await page.keyboard.press('Shift+Tab');
	expect(await focused(page), `Shift+Tab comes back into ${grid}`).toEqual(reached);
	// Only that cell of the grid is in the tab order.
	expect(await table.locator('[role="gridcell"][tabindex="0"]').count()).toBe(1);
}

test('each grid is one Tab stop on the way from the top of the page to Run', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	const stops = await tabsToRun(page);
	const grids = await page.$$eval('[role="grid"]', (tables) =>
		tables
			.filter((t) => t.compareDocumentPosition(document.querySelector('#run')!) & 4)
			.map((t) => t.getAttribute('aria-label') ?? '')
	);
	// Every grid before Run is reached once, in page order, and nothing else lands in a grid.
	expect(stops.filter((grid) => grid !== '')).toEqual(grids);
	expect(grids).toEqual(
		expect.arrayContaining(['Inputs', 'Forward, layer 0', 'Loss and error', 'Train, layer 2'])
	);
	// The article's net has 169 cells before Run; its 14 grids leave the rest of the page's stops.
	expect(stops.length).toBeLessThan(60);
	expect(messages).toEqual([]);
});

test('arrows move inside a grid, Tab leaves it, Shift+Tab comes back to the cell last focused', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await leavesAndComesBack(page, 'Inputs', ['ArrowDown']);
	await leavesAndComesBack(page, 'Forward, layer 0', ['ArrowRight', 'ArrowDown', 'ArrowRight']);
	await leavesAndComesBack(page, 'Loss and error', ['ArrowDown', 'ArrowRight']);
	await leavesAndComesBack(page, 'Backward, layer 1', ['ArrowDown', 'ArrowRight']);
	await leavesAndComesBack(page, 'Train, layer 2', ['ArrowDown', 'End']);

	await page.getByRole('button', { name: 'Check gradients' }).click();
	await leavesAndComesBack(page, 'Gradient check, layer 0', ['ArrowDown', 'ArrowDown']);

	await button(page, 'Edit data').click();
	await page.getByLabel('A samples table').check();
	await leavesAndComesBack(page, 'Samples', ['ArrowRight', 'ArrowRight']);
	expect(messages).toEqual([]);
});

test("a big net's windowed tables are one Tab stop each too", async ({ page }) => {
	const messages = watchConsole(page);
	const notebook = netNotebook([2, 64, 64, 2], 3);
	await open(page, `/${await shareHash(notebook)}`);
	await button(page, 'Forward').click();
	// Windowed: the table draws a screenful of its 64 rows.
	await expect(page.getByRole('grid', { name: 'Forward, layer 1' })).toHaveAttribute(
		'aria-rowcount',
		'65'
	);
	const down = Array<string>(12).fill('ArrowDown');
	await leavesAndComesBack(page, 'Forward, layer 1', [...down, 'ArrowRight', 'ArrowRight']);
	expect(messages).toEqual([]);
});
