/**
 * Screenshots of the built app at a laptop width and a phone width, for
 * looking at the UI and for the README. Run `npm run build` first; then
 * `npx tsx scripts/screenshots.ts [outDir]`.
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { spawn } from 'node:child_process';

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
		await shootRunPanel(page, width);
		await page.close();
	}
} finally {
	await browser.close();
	process.kill(-server.pid!);
}
