/**
 * Screenshots of the panels for history, files and your own network, at a
 * laptop width and a phone width: the file menu, a refused import, the
 * history panel after several iterations, the network and data editors, the
 * gradient check and a finished run. Run `npm run build` first; then
 * `npx tsx scripts/panels.ts [outDir]`.
 */
import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { WIDTHS, openApp, withPreview } from './preview.ts';

const out = process.argv[2] ?? 'shots';
mkdirSync(out, { recursive: true });

/** A notebook with three inputs for a net that reads two: refused by the parser. */
const refused = serialiseNotebook(preset('article')).replace('"inputs": [', '"inputs": [1, ');

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** Pinned bars taken out of the flow while a panel is shot whole, so they are not drawn over it. */
const UNPIN = '.sticky, .top, .formula-dock { position: static !important; }';

async function shoot(target: Page | Locator, name: string) {
	const whole = 'goto' in target ? {} : { style: UNPIN };
	await target.screenshot({ path: `${out}/${name}.png`, ...whole });
	console.log(`${out}/${name}.png`);
}

async function panels(page: Page, width: number) {
	await shoot(page.locator('header'), `${width}-file-menu`);
	await page.getByLabel('Import notebook', { exact: true }).setInputFiles({
		name: 'three-inputs.json',
		mimeType: 'application/json',
		buffer: Buffer.from(refused)
	});
	await page.getByRole('alert').first().waitFor();
	await shoot(page, `${width}-refused-import`);
	await button(page, 'Dismiss').click();

	for (let k = 0; k < 6; k++) await button(page, 'Iteration').click();
	await page
		.getByRole('region', { name: /History/ })
		.getByRole('button', { name: /^Iteration 3,/ })
		.click();
	await shoot(page.getByRole('region', { name: /History/ }), `${width}-history`);

	await button(page, 'Edit network').click();
	await shoot(page.locator('section:has(#network-editor)'), `${width}-network-editor`);

	await button(page, 'Edit data').click();
	await page.getByLabel('A samples table').check();
	await page.getByLabel('Fill a table with').fill('8');
	await button(page, 'Fill table').click();
	await shoot(page.locator('section:has(#data-editor)'), `${width}-data-editor`);

	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await button(page, 'Check gradients').click();
	await shoot(page.locator('section:has(#gradient-check-results)'), `${width}-gradient-check`);

	await page.getByLabel('Iterations', { exact: true }).fill('10000');
	await button(page, 'Run').click();
	await page.locator('#run[data-status="finished"]').waitFor();
	await shoot(page.locator('#run'), `${width}-run`);
}

await withPreview(async (browser) => {
	for (const width of WIDTHS) {
		const page = await openApp(browser, width);
		await panels(page, width);
		await page.close();
	}
});
