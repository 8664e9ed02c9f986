/**
 * Screenshots of the built app at a laptop width and a phone width, for
 * looking at the UI and for the README. Run `npm run build` first; then
 * `npx tsx scripts/screenshots.ts [outDir]`.
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { initialiseNet } from '../src/lib/engine/init.ts';
import { preset } from '../src/lib/engine/presets.ts';
import { shareHash } from '../src/lib/engine/share-link.ts';

const out = process.argv[2] ?? 'shots';
const port = Number(process.env.PREVIEW_PORT ?? 4190);
mkdirSync(out, { recursive: true });

// Its own process group, so that stopping it also stops the vite that npx starts.
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
await new Promise((resolve) => setTimeout(resolve, 2500));

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const browser = await chromium.launch({ executablePath });

async function shoot(page: Page, name: string, fullPage = false) {
	await page.screenshot({ path: `${out}/${name}.png`, fullPage });
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

try {
	for (const width of [1400, 390]) {
		const page = await browser.newPage({ viewport: { width, height: width > 800 ? 900 : 844 } });
		page.on(
			'console',
			(m) =>
				['error', 'warning'].includes(m.type()) &&
				console.log(`[${width}] ${m.type()}: ${m.text()}`)
		);
		await page.goto(`http://localhost:${port}/`);
		await page.locator('html[data-ready]').waitFor({ state: 'attached' });
		await shoot(page, `${width}-start`);
		await page.getByRole('button', { name: 'Forward', exact: true }).click();
		await page.locator('[data-cell="layers.1.neurons.1.total"]').click();
		await shoot(page, `${width}-forward`);
		await page.getByRole('button', { name: 'Backward', exact: true }).click();
		await page.locator('[data-cell="layers.0.neurons.2.activation_gradient"]').click();
		await shoot(page, `${width}-backward`);
		await page.getByRole('button', { name: 'Train', exact: true }).click();
		await shoot(page, `${width}-train-full`, true);
		await shootLargeNet(page, width);
		await page.close();
	}
} finally {
	await browser.close();
	process.kill(-server.pid!);
}
