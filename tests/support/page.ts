/** Helpers for the Playwright journeys: open the app, read its cells, compare with the engine. */
import { expect, type Locator, type Page } from '@playwright/test';
import { allAddresses } from '../../src/lib/engine/maths/addresses.ts';
import { cellValue } from '../../src/lib/engine/maths/cells/values.ts';
import { layerSizes } from '../../src/lib/engine/maths/model.ts';
import { netOf, type Notebook } from '../../src/lib/engine/document/notebook.ts';
import { createSnapshot, type Snapshot } from '../../src/lib/engine/maths/snapshot.ts';

/** Opens `path` and waits for hydration: a click before it would do nothing. */
export async function open(page: Page, path = '/'): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/** Collects console errors and warnings, to assert there are none. */
export function watchConsole(page: Page): string[] {
	const messages: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
	return messages;
}

export const startOf = (nb: Notebook): Snapshot =>
	createSnapshot({
		net: netOf(nb),
		inputs: nb.inputs,
		targets: nb.targets,
		learningRate: nb.learningRate,
		iteration: nb.iteration ?? 0,
		overrides: nb.overrides
	});

/** Every cell's data-value on the page, by address. */
export async function pageCells(page: Page): Promise<Record<string, string>> {
	return page.$$eval('[data-cell]', (cells) =>
		Object.fromEntries(
			cells.map((c) => [c.getAttribute('data-cell')!, c.getAttribute('data-value')!])
		)
	);
}

/** The engine's cells as the page must show them: String(x), or '' while not computed. */
export function engineCells(s: Snapshot): Record<string, string> {
	return Object.fromEntries(
		allAddresses(layerSizes(s.net)).map((a) => {
			const v = cellValue(s, a);
			return [a, v === undefined ? '' : String(v)];
		})
	);
}

/** Asserts the page shows exactly the engine's snapshot: every address, full precision, empty when pending. */
export async function expectCells(page: Page, s: Snapshot): Promise<void> {
	await expect.poll(() => pageCells(page)).toEqual(engineCells(s));
}

/**
 * For a net too big to draw whole (its tables windowed): every cell drawn
 * shows the engine's number, and at least `least` cells are drawn.
 */
export async function expectDrawnCells(page: Page, s: Snapshot, least: number): Promise<void> {
	const engine = engineCells(s);
	await expect
		.poll(async () => {
			const drawn = await pageCells(page);
			const wrong = Object.entries(drawn).filter(([a, v]) => engine[a] !== v);
			return { drawn: Object.keys(drawn).length >= least, wrong };
		})
		.toEqual({ drawn: true, wrong: [] });
}

/** A number in full as the page writes it for people (a focused cell, the formula bar): real minus signs. */
export const inFull = (x: number): string => String(x).replaceAll('-', '\u2212');

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
export const cell = (page: Page, address: string) => page.locator(`[data-cell="${address}"]`);

/** The formula bar: a region named "Formula". */
export const formulaBar = (page: Page) => page.getByRole('region', { name: 'Formula' });

/** The list of pinned (overridden) cells. */
export const pinnedList = (page: Page) => page.locator('[aria-label="Pinned cells"]');

/** The toolbar's "next" cursor text. */
export const nextStep = (page: Page) => page.locator('dt:text-is("next") + dd');

/** The addresses of the data-cell elements that carry `className`, sorted. */
export async function cellsWithClass(page: Page, className: string): Promise<string[]> {
	const cells = await page.$$eval(`[data-cell].${className}`, (els) =>
		els.map((e) => e.getAttribute('data-cell')!)
	);
	return cells.sort();
}

/** Presses Tab until `target` has focus; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
	for (let n = 0; n < limit; n++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target, `Tab reaches it within ${limit} presses`).toBeFocused();
}

/** Selects the cell at `address` and types `text` over it, then presses `key` (Enter by default). */
export async function typeInto(
	page: Page,
	address: string,
	text: string,
	key = 'Enter'
): Promise<void> {
	await cell(page, address).click();
	await page.keyboard.type(text);
	await page.keyboard.press(key);
}
