/**
 * `npm run bench:ui`: the median time from a step click to the next painted
 * frame, in headless Chromium, on the article's 2-3-3-2 net and on larger
 * nets, measured side by side in one run. Builds the app first.
 *
 * Method: inside the page, time from just before `button.click()` to a
 * `setTimeout` queued from the next `requestAnimationFrame` — that runs
 * after the frame holding the update has been rendered.
 */
import type { Page } from '@playwright/test';
import { initialiseNet } from '../src/lib/engine/init.ts';
import type { Notebook } from '../src/lib/engine/notebook.ts';
import { preset } from '../src/lib/engine/presets.ts';
import { shareHash } from '../src/lib/engine/share-link.ts';
import { serveApp } from './lib/app.ts';
import { median } from './lib/stats.ts';

const PORT = Number(process.env.PREVIEW_PORT ?? 4195);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const BUTTONS = ['Forward', 'Backward', 'Train', 'Next neuron'] as const;

function netNotebook(sizes: number[]): Notebook {
	const net = initialiseNet(sizes, 'tanh', 7);
	return {
		...preset('article'),
		inputs: Array.from({ length: sizes[0] }, (_, i) => (i + 1) / (sizes[0] + 1)),
		targets: Array.from({ length: sizes.at(-1)! }, (_, k) => (k + 1) / (sizes.at(-1)! + 2)),
		layers: net.layers.map((layer) => ({ neurons: layer.neurons })),
		labels: undefined,
		dataset: undefined
	};
}

const weights = (sizes: number[]) => sizes.slice(1).reduce((sum, n, l) => sum + n * sizes[l], 0);

/** Milliseconds from clicking `name` to the next painted frame, and to the DOM updated (script only). */
async function clickToPaint(page: Page, name: string): Promise<{ paint: number; script: number }> {
	return page.evaluate(async (name) => {
		const button = [...document.querySelectorAll('button')].find(
			(b) => b.textContent?.trim() === name
		);
		if (!button || button.disabled) throw new Error(`${name} cannot be clicked`);
		const start = performance.now();
		button.click();
		// Svelte applies updates in a microtask: a resolved promise's callback runs after them.
		await new Promise<void>((resolve) =>
			queueMicrotask(() => Promise.resolve().then(() => resolve()))
		);
		const script = performance.now() - start;
		await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		return { paint: performance.now() - start, script };
	}, name);
}

async function measure(
	page: Page,
	hash: string
): Promise<Record<string, { paint: number; script: number }[]>> {
	await page.goto(`${app.url}${hash}`);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.waitForTimeout(300);
	const times: Record<string, { paint: number; script: number }[]> = Object.fromEntries(
		BUTTONS.map((b) => [b, []])
	);
	for (let round = 0; round < ROUNDS; round++) {
		for (const name of ['Forward', 'Backward', 'Train'] as const)
			times[name].push(await clickToPaint(page, name));
		times['Next neuron'].push(await clickToPaint(page, 'Next neuron'));
		await clickToPaint(page, 'Iteration'); // finish that iteration so the next round starts at Forward
	}
	return times;
}

const app = await serveApp(PORT);

const nets: [string, number[]][] = [
	['article 2-3-3-2', [2, 3, 3, 2]],
	['2-30-30-2', [2, 30, 30, 2]]
];
try {
	const page = await app.browser.newPage({ viewport: { width: 1400, height: 900 } });
	const rows: string[][] = [];
	for (const [name, sizes] of nets) {
		const hash = name.startsWith('article') ? '' : await shareHash(netNotebook(sizes));
		const times = await measure(page, hash);
		const cell = (b: string) => {
			const paint = median(times[b].map((t) => t.paint));
			const script = median(times[b].map((t) => t.script));
			return `${paint.toFixed(1)} (${script.toFixed(1)})`;
		};
		rows.push([`${name} (${weights(sizes)} weights)`, ...BUTTONS.map(cell)]);
	}
	const header = ['net', ...BUTTONS.map((b) => `${b} ms`)];
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
	console.log(
		`click → next painted frame (and → DOM updated, script only), median of ${ROUNDS} clicks each, headless Chromium 1400×900`
	);
	console.log(line(header));
	for (const row of rows) console.log(line(row));
	const [small, large] = rows.map((r) => median(r.slice(1).map((c) => parseFloat(c))));
	console.log(
		`median over buttons: ${small.toFixed(1)} ms (goal ≤ 16 ms) vs ${large.toFixed(1)} ms; ratio ${(large / small).toFixed(2)}×`
	);
} finally {
	await app.close();
}
