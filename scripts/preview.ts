/**
 * The built app served by `vite preview` with headless Chromium beside it,
 * for the screenshot scripts. Run `npm run build` first; PREVIEW_PORT picks
 * the port, so checkouts can run side by side.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';

export const port = Number(process.env.PREVIEW_PORT ?? 4190);
export const WIDTHS = [1400, 390] as const;

/** Runs `use` with a browser while the preview server is up, then stops both. */
export async function withPreview(use: (browser: Browser) => Promise<void>): Promise<void> {
	// Its own process group, so that stopping it also stops the vite that npx starts.
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	await new Promise((resolve) => setTimeout(resolve, 2500));
	const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
	const browser = await chromium.launch({ executablePath });
	try {
		await use(browser);
	} finally {
		await browser.close();
		process.kill(-server.pid!);
	}
}

/** A fresh page `width` px wide on the app, hydrated, logging its console errors and warnings. */
export async function openApp(browser: Browser, width: number, path = '/'): Promise<Page> {
	const page = await browser.newPage({ viewport: { width, height: width > 800 ? 900 : 844 } });
	page.on(
		'console',
		(m) =>
			['error', 'warning'].includes(m.type()) && console.log(`[${width}] ${m.type()}: ${m.text()}`)
	);
	await page.goto(`http://localhost:${port}${path}`);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	return page;
}
