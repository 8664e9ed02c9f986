/**
 * `npx tsx bench/worker.ts`: iterations per second of the article's 2-3-3-2
 * net in the page's training worker, in headless Chromium, driven through the
 * Run panel as a learner would, side by side with the native C port of the
 * article's loop (bench/native/train.c) and the trainer in Node, in one run.
 * Also: how long Cancel takes to stop a run, how fast a cell click paints
 * while a run goes, and the article's whole 100,000,000 iterations
 * (BENCH_QUICK=1 skips that). Builds the app first (BENCH_NO_BUILD=1 skips).
 *
 * Method. Worker, native and Node rounds of 10,000,000 iterations alternate,
 * so that machine noise hits all three. The worker's figure is its own
 * clock, from creating the trainer (kernel compile included) to its last
 * iteration, as the Run panel shows it; "wall" adds the page's side: spawning
 * the worker, loading its script, and applying the result.
 */
import { chromium, type Page } from '@playwright/test';
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorKey } from '../src/lib/engine/data.ts';
import { dataSourceOf, netOf } from '../src/lib/engine/notebook.ts';
import { preset } from '../src/lib/engine/presets.ts';
import { createTrainer } from '../src/lib/engine/trainer.ts';

const PORT = Number(process.env.PREVIEW_PORT ?? 4196);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ITERATIONS = 10_000_000;
const ARTICLE = 100_000_000;
const REPORT_EVERY = 1_000_000;

const here = dirname(fileURLToPath(import.meta.url));
const binary = join(here, '.native', 'train');
const notebook = preset('article');
const net = netOf(notebook);
const source = dataSourceOf(notebook);
if (source.kind !== 'generator') throw new Error('expected the rectangle generator');
const params = net.layers.flatMap((l) => l.neurons.flatMap((n) => [n.bias, ...n.weights]));

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mps = (x: number) => `${(x / 1e6).toFixed(2)} M it/s`;

/** bench/train.ts's compile line, when the binary is missing. */
function nativeProblem(): string | undefined {
	if (existsSync(binary)) return undefined;
	if (spawnSync('cc', ['--version']).error) return 'no C compiler (`cc`) on the PATH';
	mkdirSync(dirname(binary), { recursive: true });
	const args = ['-O2', '-ffp-contract=off', '-o', binary, join(here, 'native', 'train.c'), '-lm'];
	const cc = spawnSync('cc', args, { encoding: 'utf8' });
	return cc.status === 0 ? undefined : `cc failed: ${cc.stderr}`;
}

/** The native loop's own timing of `iterations` (bench/train.ts's input format). */
function nativeSeconds(iterations: number): number {
	const sizes = [2, ...net.layers.map((l) => l.neurons.length)];
	const header = [
		iterations,
		REPORT_EVERY,
		generatorKey(source.kind === 'generator' ? source.seed : 0)
	];
	const input = [...header, notebook.learningRate, net.layers.length, ...sizes, ...params].join(
		' '
	);
	const run = spawnSync(binary, { input, encoding: 'utf8', maxBuffer: 1 << 24 });
	if (run.status !== 0) throw new Error(`${binary} failed: ${run.stderr}`);
	const line = run.stdout.split('\n').find((l) => l.startsWith('seconds '));
	return Number(line?.split(' ')[1]);
}

function nodeSeconds(iterations: number): number {
	const trainer = createTrainer(net, notebook.learningRate, source, { reportEvery: REPORT_EVERY });
	const start = performance.now();
	trainer.run(iterations);
	return (performance.now() - start) / 1000;
}

interface PageRun {
	seconds: number;
	wall: number;
	done: number;
	compiled: string;
}

/** Opens a fresh page, runs `count` iterations through the Run panel and reads its figures. */
async function workerRun(page: Page, count: number): Promise<PageRun> {
	await page.goto(`http://localhost:${PORT}/`);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.locator('#run').getByLabel('Iterations').fill(String(count));
	return page.evaluate(async () => {
		const panel = document.querySelector<HTMLElement>('#run')!;
		const button = [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Run')!;
		const ended = new Promise<void>((resolve) => {
			new MutationObserver(() => {
				if (!['running', 'cancelling'].includes(panel.dataset.status!)) resolve();
			}).observe(panel, { attributes: true, attributeFilter: ['data-status'] });
		});
		const start = performance.now();
		button.click();
		await ended;
		const wall = (performance.now() - start) / 1000;
		const { seconds, done, compiled } = panel.dataset;
		return { seconds: Number(seconds), wall, done: Number(done), compiled: compiled ?? '' };
	});
}

/** Milliseconds from clicking Cancel to the panel saying the run stopped, after ~`afterMs` of a long run. */
async function cancelLatency(page: Page, afterMs: number): Promise<number> {
	await page.goto(`http://localhost:${PORT}/`);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.locator('#run').getByLabel('Iterations').fill(String(ARTICLE));
	await page.locator('#run').getByRole('button', { name: 'Run', exact: true }).click();
	await page.waitForTimeout(afterMs);
	return page.evaluate(async () => {
		const panel = document.querySelector<HTMLElement>('#run')!;
		const button = [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Cancel')!;
		const ended = new Promise<void>((resolve) => {
			new MutationObserver(() => {
				if (panel.dataset.status === 'cancelled') resolve();
			}).observe(panel, { attributes: true, attributeFilter: ['data-status'] });
		});
		const start = performance.now();
		button.click();
		await ended;
		return performance.now() - start;
	});
}

/** Milliseconds from clicking a cell to the next painted frame, while a run goes. */
async function clickWhileRunning(page: Page, clicks: number): Promise<number[]> {
	await page.goto(`http://localhost:${PORT}/`);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.locator('#run').getByLabel('Iterations').fill(String(ARTICLE));
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
	await page.locator('#run').getByRole('button', { name: 'Cancel' }).click();
	return times;
}

if (!process.env.BENCH_NO_BUILD) execSync('npm run build', { stdio: 'ignore' });
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
	stdio: 'ignore',
	detached: true
});
// Wait for the server: a loaded machine can take longer than any fixed pause.
for (let tries = 0; ; tries++) {
	const up = await fetch(`http://localhost:${PORT}/`).then(
		(r) => r.ok,
		() => false
	);
	if (up) break;
	if (tries > 120) throw new Error('vite preview did not start');
	await new Promise((resolve) => setTimeout(resolve, 250));
}
const browser = await chromium.launch({
	executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
});

try {
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	page.on('crash', () => console.log('the page crashed'));
	page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
	const problem = nativeProblem();
	console.log("Gradsheet worker benchmark: the article's 2-3-3-2 tanh net, rectangles, η = 0.001");
	console.log(
		`${browser.version()} headless; node ${process.version}; ${os.cpus()[0]?.model} × ${os.cpus().length}`
	);
	const csp = await (async () => {
		await page.goto(`http://localhost:${PORT}/`);
		return page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content')
			.catch(() => null);
	})();
	console.log(
		`page CSP: ${csp ? (csp.includes("'unsafe-eval'") ? "allows 'unsafe-eval'" : "no 'unsafe-eval' (the page itself could not use new Function)") : 'none'}`
	);
	if (problem) console.log(`NOTE: skipping the native side: ${problem}`);

	await workerRun(page, 1_000_000); // warm the browser's caches
	const worker: PageRun[] = [];
	const native: number[] = [];
	const node: number[] = [];
	console.log(`\n${ROUNDS} alternating rounds of ${ITERATIONS.toLocaleString('en')} iterations`);
	console.log('round   worker (its clock)   worker (wall)   native        node');
	for (let r = 1; r <= ROUNDS; r++) {
		const w = await workerRun(page, ITERATIONS);
		if (w.done !== ITERATIONS) throw new Error(`the worker ran ${w.done} iterations`);
		worker.push(w);
		if (!problem) native.push(nativeSeconds(ITERATIONS));
		node.push(nodeSeconds(ITERATIONS));
		const cells = [
			mps(ITERATIONS / w.seconds),
			mps(ITERATIONS / w.wall),
			problem ? '-' : mps(ITERATIONS / native.at(-1)!),
			mps(ITERATIONS / node.at(-1)!)
		];
		console.log(
			`${String(r).padEnd(7)} ${cells[0].padEnd(20)} ${cells[1].padEnd(15)} ${cells[2].padEnd(13)} ${cells[3]}`
		);
	}
	const rate = (seconds: number[]) => ITERATIONS / median(seconds);
	const workerRate = rate(worker.map((w) => w.seconds));
	const wallRate = rate(worker.map((w) => w.wall));
	console.log(
		`median  ${mps(workerRate).padEnd(20)} ${mps(wallRate).padEnd(15)} ${problem ? '-'.padEnd(13) : mps(rate(native)).padEnd(13)} ${mps(rate(node))}`
	);
	console.log(
		`\nworker's trainer: ${worker[0].compiled === 'true' ? 'the compiled kernel (new Function is allowed in the worker)' : 'the generic loop (new Function refused)'}`
	);
	if (!problem) {
		console.log(
			`worker / native, ratio of medians: ${(workerRate / rate(native)).toFixed(3)} (PRODUCT.md's target: ≥ 1)`
		);
		console.log(`worker wall / native:              ${(wallRate / rate(native)).toFixed(3)}`);
	}
	console.log(`worker / node:                     ${(workerRate / rate(node)).toFixed(3)}`);

	const cancels: number[] = [];
	for (let i = 0; i < 5; i++) cancels.push(await cancelLatency(page, 800 + 150 * i));
	console.log(
		`\nCancel → run stopped: median ${median(cancels).toFixed(0)} ms, max ${Math.max(...cancels).toFixed(0)} ms (goal ≤ 100 ms)`
	);
	const clicks = await clickWhileRunning(page, 15);
	console.log(
		`cell click → next painted frame while a run goes: median ${median(clicks).toFixed(1)} ms, max ${Math.max(...clicks).toFixed(1)} ms`
	);

	if (!process.env.BENCH_QUICK) {
		const full = await workerRun(page, ARTICLE);
		console.log(
			`\nthe article's ${ARTICLE.toLocaleString('en')} iterations in the worker: ${full.seconds.toFixed(1)} s (wall ${full.wall.toFixed(1)} s; goal about 20 s or less)`
		);
	}
} finally {
	await browser.close();
	process.kill(-server.pid!);
}
