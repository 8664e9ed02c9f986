/**
 * `npm run bench:ui`: in headless Chromium, on the article's 2-3-3-2 net and
 * on larger nets side by side in one run, the time to render the page (from
 * navigation to the net's cells shown, hydrated and painted) and the median
 * time from a step click to the next painted frame. Builds the app first.
 *
 * Method: render — a fresh browser context per load (no autosave carried
 * over), `performance.now()` (ms since navigation began) at the first frame
 * painted after the net's last cell exists and the page is ready. Click —
 * inside the page, from just before `button.click()` to a `setTimeout`
 * queued from the next `requestAnimationFrame`: that runs after the frame
 * holding the update has been rendered. Before each click the page is let
 * settle (no scrolling for a few frames), so that one click's time is not
 * the previous one's follow-the-steps scroll. Follow — from the click to the
 * frame painted with the step's first computed cell selected (the formula
 * bar names it), which follow-steps.ts does one frame after the step.
 * BENCH_FOLLOW=off turns following off first (the stored preference), so a
 * build that follows is measured at the scroll position of one that does not.
 * BENCH_SERVED=1 measures whatever already answers on PREVIEW_PORT (for an
 * A/B against an older checkout's build) instead of starting this one's.
 * BENCH_AGAINST=<port> measures another build served there side by side with
 * this one: loads alternate between the two, so that a slow spell of the
 * machine falls on both, and each net gets a row per build and the median of
 * the paired render ratios (this build's load over the other's next to it).
 */
import type { Browser } from '@playwright/test';
import { execSync } from 'node:child_process';
import { address } from '../src/lib/engine/maths/addresses.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { launchChromium, startPreview } from '../scripts/preview.ts';
import { BUTTONS, measureClicks, type Click } from './lib/ui-clicks.ts';
import { netNotebook, weights } from './lib/ui-nets.ts';
import { measureLimits } from './lib/ui-limits.ts';
import { median } from './lib/stats.ts';

const PORT = Number(process.env.PREVIEW_PORT ?? 4195);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const LOADS = Number(process.env.BENCH_LOADS ?? 5);
const FOLLOW = process.env.BENCH_FOLLOW !== 'off';
/** BENCH_NETS=everyday or =limits runs only that table. */
const NETS = process.env.BENCH_NETS ?? 'all';
const LIMIT_ROUNDS = Number(process.env.BENCH_LIMIT_ROUNDS ?? 7);
const VIEWPORT = { width: 1400, height: 900 };
/** The port of another build to compare with, if any (BENCH_AGAINST). */
const AGAINST = process.env.BENCH_AGAINST ? Number(process.env.BENCH_AGAINST) : undefined;
const PORTS = AGAINST === undefined ? [PORT] : [PORT, AGAINST];

/** Opens the net in a fresh context; resolves with the page and ms from navigation to the net painted. */
async function load(browser: Browser, port: number, hash: string, sizes: number[]) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	if (!FOLLOW)
		await context.addInitScript(() =>
			localStorage.setItem('gradsheet:preferences', JSON.stringify({ follow: false }))
		);
	const page = await context.newPage();
	const lastCell = address.neuron(sizes.length - 2, 0, 'bias');
	await page.goto(`http://localhost:${port}/${hash}`, { waitUntil: 'domcontentloaded' });
	// A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
	const render = await page.evaluate<number>(`new Promise((resolve) => {
		const shown = () => document.documentElement.dataset.ready &&
			document.querySelector('[data-cell="${lastCell}"]');
		const poll = () => shown()
			? requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))
			: requestAnimationFrame(poll);
		poll();
	})`);
	return { page, render };
}

interface Measured {
	renders: number[];
	times: Record<string, Click[]>;
}

/** LOADS loads on each of PORTS, alternating (in turn first), and the clicks on each one's last. */
async function measure(browser: Browser, hash: string, sizes: number[]): Promise<Measured[]> {
	const measured = PORTS.map((): Measured => ({ renders: [], times: {} }));
	for (let n = 0; n < LOADS; n++)
		for (const k of PORTS.map((_, k) => (k + n) % PORTS.length)) {
			const { page, render } = await load(browser, PORTS[k], hash, sizes);
			measured[k].renders.push(render);
			if (n === LOADS - 1) measured[k].times = await measureClicks(page, ROUNDS);
			await page.context().close();
		}
	return measured;
}

if (!process.env.BENCH_NO_BUILD) execSync('npm run build', { stdio: 'ignore' });
// BENCH_SERVED: a server (another checkout's build, say) already answers on PREVIEW_PORT.
const stopPreview = process.env.BENCH_SERVED ? () => {} : await startPreview(PORT);
const browser = await launchChromium();

const nets: [string, number[]][] = [
	['article 2-3-3-2', [2, 3, 3, 2]],
	['2-30-30-2', [2, 30, 30, 2]],
	['2-64-64-64-64-2', [2, 64, 64, 64, 64, 2]]
];
async function measureEveryday() {
	const rows: string[][] = [];
	for (const [name, sizes] of nets) {
		const hash = name.startsWith('article') ? '' : await shareHash(netNotebook(sizes));
		const measured = await measure(browser, hash, sizes);
		measured.forEach(({ renders, times }, k) => {
			const cell = (b: string) => {
				const paint = median(times[b].map((t) => t.paint));
				const script = median(times[b].map((t) => t.script));
				return `${paint.toFixed(1)} (${script.toFixed(1)})`;
			};
			const follows = BUTTONS.flatMap((b) => times[b].map((t) => t.follow)).filter((t) => t === t);
			const follow = follows.length ? median(follows).toFixed(1) : '—';
			// Each load over the other build's beside it: 1.000 when the two are as fast.
			const other = measured[1 - k]?.renders;
			const ratio = other && median(renders.map((r, n) => r / other[n])).toFixed(3);
			const which = AGAINST === undefined ? '' : k === 0 ? ', this build' : `, :${AGAINST}`;
			rows.push([
				`${name} (${weights(sizes)} weights)${which}`,
				median(renders).toFixed(0),
				...(ratio ? [ratio] : []),
				...BUTTONS.map(cell),
				follow
			]);
		});
	}
	const header = [
		'net',
		'render ms',
		...(AGAINST === undefined ? [] : ['render ratio']),
		...BUTTONS.map((b) => `${b} ms`),
		'follow ms'
	];
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
	console.log(
		`render: navigation → net painted, median of ${LOADS} loads; click (once the page has settled) → next painted frame (and → DOM updated, script only), median of ${ROUNDS} clicks each; follow: click → the step's cell selected and painted, median over all clicks; headless Chromium ${VIEWPORT.width}×${VIEWPORT.height}, following the steps ${FOLLOW ? 'on' : 'off (BENCH_FOLLOW=off)'}`
	);
	console.log(line(header));
	for (const row of rows) console.log(line(row));
	const first = AGAINST === undefined ? 2 : 3;
	const perButton = rows.map((r) =>
		median(r.slice(first, first + BUTTONS.length).map((c) => parseFloat(c)))
	);
	console.log(
		`median over buttons: ${perButton.map((m, n) => `${rows[n][0].replace(/ \(.*/, '')}${AGAINST === undefined ? '' : n % 2 ? ` :${AGAINST}` : ' this'} ${m.toFixed(1)} ms`).join(', ')} (goals: article ≤ 16 ms; ~10,000 weights ≤ 100 ms per click, ≤ ~1 s render)`
	);
	if (AGAINST !== undefined)
		console.log(
			`render ratio: median over ${LOADS} alternating pairs of loads of one build's render over the other's; below 1 is faster`
		);
}

try {
	if (NETS !== 'limits') await measureEveryday();
	if (NETS !== 'everyday') await measureLimits(browser, PORT, LIMIT_ROUNDS);
} finally {
	await browser.close();
	stopPreview();
}
