/**
 * The export as a learner meets it: in the built app, a notebook imported,
 * Export .xlsx clicked, until the download arrives; and meanwhile the
 * longest gap between animation frames on the page, which is how long it
 * could not paint (or answer a click).
 */
import type { Page } from '@playwright/test';
import type { App } from './app.ts';

export interface PageExport {
	/** Click to download, in seconds. */
	readonly seconds: number;
	/** The longest gap between two frames while the workbook was being made, in ms. */
	readonly longestFrame: number;
}

async function openNotebook(app: App, json: string): Promise<Page> {
	const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
	await page.goto(app.url);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.getByLabel('Import notebook', { exact: true }).setInputFiles({
		name: 'net.json',
		mimeType: 'application/json',
		buffer: Buffer.from(json)
	});
	await page.getByRole('status').filter({ hasText: 'Opened net.json' }).waitFor();
	return page;
}

/** Records every gap between animation frames in window.gaps, until window.stop. */
const FRAME_WATCH = `(() => {
	window.gaps = [];
	window.stop = false;
	let last = performance.now();
	const tick = (t) => {
		window.gaps.push(t - last);
		last = t;
		if (!window.stop) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
})()`;

/** One export of the notebook `json` from a fresh page. */
export async function pageExport(app: App, json: string): Promise<PageExport> {
	const page = await openNotebook(app, json);
	// A string, not a function: tsx would wrap named functions in a helper the page lacks.
	await page.evaluate(FRAME_WATCH);
	const start = performance.now();
	await Promise.all([
		page.waitForEvent('download', { timeout: 600_000 }),
		page.getByRole('button', { name: 'Export as .xlsx', exact: true }).click()
	]);
	const seconds = (performance.now() - start) / 1000;
	const longestFrame = await page.evaluate(() => {
		const w = window as unknown as { gaps: number[]; stop: boolean };
		w.stop = true;
		return Math.max(...w.gaps);
	});
	await page.context().close();
	return { seconds, longestFrame };
}
