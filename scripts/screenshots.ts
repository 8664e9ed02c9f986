/**
 * Screenshots of the built app at a laptop width and a phone width, for
 * looking at the UI and for the README. Run `npm run build` first; then
 * `npx tsx scripts/screenshots.ts [outDir]`.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { WIDTHS, openApp, withPreview } from './preview.ts';

const out = process.argv[2] ?? 'shots';
mkdirSync(out, { recursive: true });

async function shoot(page: Page, name: string, fullPage = false) {
	await page.screenshot({ path: `${out}/${name}.png`, fullPage });
}

await withPreview(async (browser) => {
	for (const width of WIDTHS) {
		const page = await openApp(browser, width);
		await shoot(page, `${width}-start`);
		await page.getByRole('button', { name: 'Forward', exact: true }).click();
		await page.locator('[data-cell="layers.1.neurons.1.total"]').click();
		await shoot(page, `${width}-forward`);
		await page.getByRole('button', { name: 'Backward', exact: true }).click();
		await page.locator('[data-cell="layers.0.neurons.2.activation_gradient"]').click();
		await shoot(page, `${width}-backward`);
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await shoot(page, `${width}-train-full`, true);
		await page.close();
	}
});
