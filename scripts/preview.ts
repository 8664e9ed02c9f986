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

/** Starts `vite preview` on `port`; resolves once it answers, with a function that stops it. */
export async function startPreview(port: number): Promise<() => void> {
	// Its own process group, so that stopping it also stops the vite that npx starts.
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	const stop = () => process.kill(-server.pid!);
	// Wait for an answer: a loaded machine can take longer than any fixed pause.
	for (let tries = 0; tries < 120; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		const up = await fetch(`http://localhost:${port}/`).then(
			(r) => r.ok,
			() => false
		);
		if (up) return stop;
	}
	stop();
	throw new Error(`vite preview did not answer on port ${port}`);
}

/** Headless Chromium: Debian's where it is installed, Playwright's own otherwise. */
export function launchChromium(): Promise<Browser> {
	const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
	return chromium.launch({ executablePath });
}

/** Runs `use` with a browser while the preview server is up, then stops both. */
export async function withPreview(use: (browser: Browser) => Promise<void>): Promise<void> {
	const stop = await startPreview(port);
	const browser = await launchChromium();
	try {
		await use(browser);
	} finally {
		await browser.close();
		stop();
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
