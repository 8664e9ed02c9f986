/**
 * The built app served by `vite preview`, in headless Chromium: runs through
 * the Run panel as a learner clicks them, so that the figures are the real
 * worker's, as the app serves it (its bundle, its Content Security Policy).
 */
import type { Browser, Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { launchChromium, startPreview } from '../../scripts/preview.ts';

export interface App {
	readonly browser: Browser;
	readonly url: string;
	close(): Promise<void>;
}

/** Builds (unless BENCH_NO_BUILD), serves build/ on `port` and launches Chromium. */
export async function serveApp(port: number): Promise<App> {
	if (!process.env.BENCH_NO_BUILD) execSync('npm run build', { stdio: 'ignore' });
	const stop = await startPreview(port);
	const url = `http://localhost:${port}/`;
	const browser = await launchChromium();
	return {
		browser,
		url,
		async close() {
			await browser.close();
			stop();
		}
	};
}

/** A page of the app in a fresh context (no autosave from earlier runs), with Iterations set to `count`. */
async function openRunPanel(app: App, count: number): Promise<Page> {
	const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
	await page.goto(app.url);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.locator('#run').getByRole('textbox', { name: 'Iterations' }).fill(String(count));
	return page;
}

/** The page's Content Security Policy (its <meta> tag), or undefined. */
export async function pageCsp(app: App): Promise<string | undefined> {
	const page = await openRunPanel(app, 1);
	const csp = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	await page.context().close();
	return csp ?? undefined;
}

export interface WorkerRun {
	/** The worker's own clock, as the Run panel shows it: its first iteration to its last. */
	readonly seconds: number;
	/** Click on Run to the panel saying it finished: spawning the worker, compiling, applying. */
	readonly wall: number;
	readonly done: number;
	readonly compiled: boolean;
	/** Live frames the learned map drew (none unless asked for). */
	readonly frames: number;
}

/**
 * Clicks `button` in the Run panel and resolves when the panel's status is
 * `until` (or any end, when it is undefined), with the milliseconds between.
 */
function clickAndWait(page: Page, button: string, until?: string, map = false) {
	return page.evaluate(
		async ([button, until, map]) => {
			const panel = document.querySelector<HTMLElement>('#run')!;
			const target = [...panel.querySelectorAll('button')].find((b) => b.textContent === button)!;
			const start = performance.now();
			// With `map`, the learned map is scrolled into view once the run goes, and its live frames counted.
			const frames = new Set<string>();
			const timer = setInterval(() => {
				const live = document.querySelector('#learned .live')?.textContent;
				if (live) frames.add(live);
			}, 20);
			await new Promise<void>((resolve) => {
				// (No named functions in here: tsx's __name helper does not exist in the page.)
				new MutationObserver(() => {
					const status = panel.dataset.status!;
					if (map && status === 'running') document.querySelector('#learned')!.scrollIntoView();
					if (until ? status === until : !/running|cancelling/.test(status)) resolve();
				}).observe(panel, {
					attributes: true,
					attributeFilter: ['data-status']
				});
				target.click();
			});
			const ms = performance.now() - start;
			clearInterval(timer);
			return { ms, frames: frames.size };
		},
		[button, until, map] as const
	);
}

/** Runs `count` iterations of the article's demo in the worker, through the Run panel of a fresh page; with `map`, the learned map on screen and drawn live. */
export async function workerRun(app: App, count: number, map = false): Promise<WorkerRun> {
	const page = await openRunPanel(app, count);
	const { ms, frames } = await clickAndWait(page, 'Run', undefined, map);
	const wall = ms / 1000;
	const data = await page.locator('#run').evaluate((panel) => ({ ...panel.dataset }));
	await page.context().close();
	if (data.status !== 'finished') throw new Error(`the run ended ${data.status}`);
	const [seconds, done] = [Number(data.seconds), Number(data.done)];
	return { seconds, wall, done, compiled: data.compiled === 'true', frames };
}

/** Milliseconds from clicking Cancel to the panel saying the run stopped, `afterMs` into a 100,000,000-iteration run. */
export async function cancelLatency(app: App, afterMs: number): Promise<number> {
	const page = await openRunPanel(app, 100_000_000);
	await page.locator('#run').getByRole('button', { name: 'Run', exact: true }).click();
	await page.waitForTimeout(afterMs);
	const { ms } = await clickAndWait(page, 'Cancel', 'cancelled');
	await page.context().close();
	return ms;
}

/** Milliseconds from clicking a weight cell to the next painted frame, while a run goes. */
export async function clicksWhileRunning(app: App, clicks: number): Promise<number[]> {
	const page = await openRunPanel(app, 100_000_000);
	await page.locator('#run').getByRole('button', { name: 'Run', exact: true }).click();
	await page.waitForTimeout(500);
	const times = await page.evaluate(async (clicks) => {
		const cells = [...document.querySelectorAll<HTMLElement>('[data-cell*="weights"]')];
		const out: number[] = [];
		for (let i = 0; i < clicks; i++) {
			const start = performance.now();
			cells[i % cells.length].click();
			await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
			out.push(performance.now() - start);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		return out;
	}, clicks);
	await page.context().close();
	return times;
}
