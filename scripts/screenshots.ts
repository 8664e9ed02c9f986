/**
 * Screenshots of the built app at a laptop width and a phone width, for
 * looking at the UI and for the README. Run `npm run build` first; then
 * `npx tsx scripts/screenshots.ts [outDir]`.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { initialiseNet } from '../src/lib/engine/fast/init.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { WIDTHS, openApp, port, withPreview } from './preview.ts';

const out = process.argv[2] ?? 'shots';
mkdirSync(out, { recursive: true });

async function shoot(page: Page, name: string, fullPage = false) {
	await page.screenshot({ path: `${out}/${name}.png`, fullPage });
}

/** The Run panel idle, running (a 100,000,000-iteration run, a moment in) and finished (10,000,000). */
async function shootRunPanel(page: Page, width: number) {
	const panel = page.locator('#run');
	// A clip of the full page, with the sticky toolbar unstuck so that it is not drawn over the panel.
	const shootPanel = async (name: string) => {
		await page.evaluate(() => {
			for (const el of document.querySelectorAll<HTMLElement>('body *'))
				if (getComputedStyle(el).position === 'sticky') el.style.position = 'static';
		});
		const clip = await panel.evaluate((el) => {
			const r = el.getBoundingClientRect();
			return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
		});
		await page.screenshot({ path: `${out}/${width}-run-${name}.png`, fullPage: true, clip });
	};
	const iterations = panel.getByRole('textbox', { name: 'Iterations' });
	const toggle = (name: string) => panel.getByRole('button', { name, exact: true });
	await shootPanel('idle');
	await toggle('Run').click();
	await page.waitForTimeout(1500);
	await shootPanel('running');
	await toggle('Cancel').click();
	await iterations.fill('10,000,000');
	await toggle('Run').click();
	await page.locator('#run[data-status="finished"]').waitFor({ timeout: 60_000 });
	await shootPanel('finished');
}

/** A 2-64-64-64-64-2 net (12,544 weights): windowed tables and a diagram of its strongest links. */
async function shootLargeNet(page: Page, width: number) {
	const net = initialiseNet([2, 64, 64, 64, 64, 2], 'tanh', 7);
	const notebook = {
		...preset('article'),
		inputs: [0.3, -0.6],
		targets: [0.2, -0.4],
		layers: net.layers.map((layer) => ({ neurons: layer.neurons })),
		labels: undefined,
		dataset: undefined
	};
	await page.goto(`http://localhost:${port}/${await shareHash(notebook)}`);
	await page.locator('[data-cell="layers.4.neurons.0.bias"]').waitFor();
	await page.getByRole('button', { name: 'Forward', exact: true }).click();
	await page.getByRole('button', { name: 'Backward', exact: true }).click();
	await shoot(page, `${width}-large-start`);
	await page.locator('[data-cell="layers.1.neurons.0.weights.0"]').click();
	for (let n = 0; n < 20; n++) await page.keyboard.press('ArrowDown');
	for (let n = 0; n < 6; n++) await page.keyboard.press('ArrowRight');
	await shoot(page, `${width}-large-forward`);
	await page.getByRole('button', { name: 'Train', exact: true }).click();
	await page
		.locator('[data-cell="layers.1.neurons.20.weight_gradients.6"]')
		.scrollIntoViewIfNeeded();
	// Sections off screen skip rendering (content-visibility): give the one scrolled to a frame.
	await page.waitForTimeout(300);
	await shoot(page, `${width}-large-train`);
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
		await shootRunPanel(page, width);
		await shootLargeNet(page, width);
		await page.close();
	}
});
