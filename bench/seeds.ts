/**
 * Compare seeds' speed: the article's net trained from 1, 2 and 4 seeds at
 * once, one Web Worker each, in headless Chromium through the page (1 seed:
 * the Run panel, which the Seeds panel's workers are; 2 and 4: the Seeds
 * panel). Rounds alternate the three, and we print medians: iterations per
 * second per worker (each worker's own clock) and in total (all seeds'
 * iterations over the slowest worker's clock, and over click → all done).
 * On a 2-core machine the total should double from 1 to 2 seeds and stay
 * about there at 4.
 */
import type { App } from './lib/app.ts';
import { workerRun } from './lib/app.ts';
import { median, millions, row } from './lib/stats.ts';

interface SeedsRound {
	/** Each worker's own seconds. */
	readonly seconds: number[];
	/** Click on Compare to every seed finished. */
	readonly wall: number;
}

async function seedsRun(app: App, seeds: number, iterations: number): Promise<SeedsRound> {
	const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
	await page.goto(app.url);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	const panel = page.locator('#seeds');
	const list = Array.from({ length: seeds }, (_, i) => i + 1).join(', ');
	await panel.getByRole('textbox', { name: 'Seeds' }).fill(list);
	await panel.getByRole('textbox', { name: 'Iterations each' }).fill(String(iterations));
	const wall = await panel.evaluate(
		(el) =>
			new Promise<number>((resolve) => {
				const start = performance.now();
				new MutationObserver(() => {
					if (el.dataset.status === 'done') resolve(performance.now() - start);
				}).observe(el, { attributes: true, attributeFilter: ['data-status'] });
				el.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
			})
	);
	const rows = await panel
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [tr.dataset.status, Number(tr.dataset.seconds)]));
	await context.close();
	if (rows.some(([status]) => status !== 'finished')) throw new Error('a seed did not finish');
	return { seconds: rows.map(([, s]) => s as number), wall: wall / 1000 };
}

/** Prints the rounds and the medians for 1, 2 and 4 seeds at once. */
export async function seedsBench(app: App, iterations: number, rounds: number): Promise<void> {
	const counts = [1, 2, 4];
	console.log(
		`\nCompare seeds: 1, 2 and 4 seeds at once (one worker each), ${rounds} alternating rounds of ` +
			`${iterations.toLocaleString('en')} iterations per seed (M it/s)`
	);
	const widths = [6, 6, 12, 12, 12];
	console.log(row(['round', 'seeds', 'per worker', 'total', 'total wall'], widths));
	const results = new Map(counts.map((n) => [n, [] as SeedsRound[]]));
	for (let r = 1; r <= rounds; r++)
		for (const n of counts) {
			const round =
				n === 1
					? await workerRun(app, iterations).then((w) => ({ seconds: [w.seconds], wall: w.wall }))
					: await seedsRun(app, n, iterations);
			results.get(n)!.push(round);
			console.log(row([String(r), String(n), ...rates(round, iterations).map(millions)], widths));
		}
	for (const n of counts) {
		const all = results.get(n)!.map((round) => rates(round, iterations));
		const med = [0, 1, 2].map((k) => median(all.map((x) => x[k])));
		console.log(row(['median', String(n), ...med.map(millions)], widths));
	}
}

/** Per worker (median of the workers), total over the slowest worker's clock, total over the wall clock. */
function rates({ seconds, wall }: SeedsRound, iterations: number): number[] {
	const total = iterations * seconds.length;
	return [iterations / median(seconds), total / Math.max(...seconds), total / wall];
}
