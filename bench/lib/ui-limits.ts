/**
 * `npm run bench:ui`'s limit nets (ui-nets.ts): each opened from a file
 * through Import notebook (a 100,000-sample link is longer than a browser
 * opens), then timed as the everyday nets are — each step button, click to
 * the next painted frame — and for typing a number into a cell (Enter in its
 * editor to the next painted frame, the number checked) and for an arrow key
 * moving the focus (keydown to the next painted frame, the move checked).
 */
import type { Browser, Page } from '@playwright/test';
import { address } from '../../src/lib/engine/maths/addresses.ts';
import { median } from './stats.ts';
import { BUTTONS, measureClicks } from './ui-clicks.ts';
import { limitNets, type LimitNet } from './ui-nets.ts';

/** An event dispatched at the focused element, to the next painted frame, in ms (a string: see ui.ts). */
const timedKey = (key: string) => `(async () => {
	const target = document.activeElement;
	const start = performance.now();
	target.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true, cancelable: true }));
	await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
	return performance.now() - start;
})()`;

const focusedName = (page: Page) =>
	page.evaluate(
		() =>
			document.activeElement?.getAttribute('data-cell') ??
			document.activeElement?.getAttribute('data-sample')
	);

async function open(browser: Browser, port: number, net: LimitNet) {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	await page.goto(`http://localhost:${port}/`);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	const lastCell = address.neuron(net.sizes.length - 2, 0, 'bias');
	const start = Date.now();
	await page
		.locator('input[type=file]')
		.first()
		.setInputFiles({
			name: 'limit.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(net.notebook))
		});
	await page.getByText('Opened limit.json').waitFor({ timeout: 120_000 });
	await page.locator(`[data-cell="${lastCell}"]`).first().waitFor({ timeout: 120_000 });
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
	return { page, open: Date.now() - start };
}

/** Typing each of `values` into the cell, alternately, `rounds` times: Enter to the frame painted. */
async function measureEdits(page: Page, net: LimitNet, rounds: number): Promise<number[]> {
	const times: number[] = [];
	if (net.edit.opens) await page.getByRole('button', { name: net.edit.opens }).click();
	const target = page.locator(net.edit.selector).first();
	for (let n = 0; n < rounds; n++) {
		const value = net.edit.values[n % 2];
		await target.click();
		await page.keyboard.type(String(value));
		times.push(await page.evaluate<number>(timedKey('Enter')));
		const shown = Number(await target.getAttribute('data-value'));
		if (shown !== value) throw new Error(`${net.name}: the edit showed ${shown}, not ${value}`);
	}
	return times;
}

/** ArrowDown then ArrowUp from the cell, `rounds` times each: keydown to the frame painted. */
async function measureArrows(page: Page, net: LimitNet, rounds: number): Promise<number[]> {
	await page.locator(net.edit.selector).first().click();
	const times: number[] = [];
	for (let n = 0; n < 2 * rounds; n++) {
		const was = await focusedName(page);
		times.push(await page.evaluate<number>(timedKey(n % 2 ? 'ArrowUp' : 'ArrowDown')));
		if ((await focusedName(page)) === was)
			throw new Error(`${net.name}: the arrow key did not move`);
	}
	return times;
}

/** Prints one row per limit net: open, each step button, edit and arrow key, medians in ms. */
export async function measureLimits(browser: Browser, port: number, rounds: number): Promise<void> {
	const header = ['limit net', 'open ms', ...BUTTONS.map((b) => `${b} ms`), 'edit ms', 'arrow ms'];
	const rows: string[][] = [];
	for (const net of limitNets()) {
		const { page, open: opened } = await open(browser, port, net);
		const clicks = await measureClicks(page, rounds);
		const edits = await measureEdits(page, net, rounds);
		const arrows = await measureArrows(page, net, rounds);
		await page.close();
		const ms = (xs: number[]) => median(xs).toFixed(1);
		rows.push([
			net.name,
			String(opened),
			...BUTTONS.map((b) => ms(clicks[b].map((c) => c.paint))),
			ms(edits),
			ms(arrows)
		]);
	}
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
	console.log(
		`\nlimit nets, opened from a file (Import notebook → the net painted, once); then medians of ${rounds} step clicks, ${rounds} edits (Enter in the cell's editor → next painted frame) and ${2 * rounds} arrow keys (keydown → next painted frame)`
	);
	console.log(line(header));
	for (const row of rows) console.log(line(row));
}
