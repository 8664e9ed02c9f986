/**
 * `npm run bench:profile`: what bounds the article's net in the worker. Times
 * variants of the trainer that each take one thing away (bench/lib/variants.ts)
 * in a Web Worker of headless Chromium and in Node, in alternated rounds, and
 * prints the medians. The worker here is a plain one on a blank page (no
 * Content Security Policy), running the same engine modules the app bundles.
 *
 * BENCH_ROUNDS (default 5), BENCH_ITERATIONS (default 3,000,000).
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VARIANTS, profile, type Figure } from './lib/variants.ts';
import { median, millions, nanoseconds, row } from './lib/stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const N = Number(process.env.BENCH_ITERATIONS ?? 3_000_000);

const bundle = await build({
	entryPoints: [fileURLToPath(new URL('./lib/profile-worker.ts', import.meta.url))],
	bundle: true,
	format: 'iife',
	platform: 'browser',
	write: false
});
const browser = await chromium.launch({
	executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
});

/** One round of every variant, from variant `first` on, in a fresh worker of the blank page. */
async function inWorker(code: string, first: number): Promise<Figure[]> {
	const page = await browser.newPage();
	const figures = await page.evaluate(
		([code, n, first]) =>
			new Promise<Figure[]>((resolve, reject) => {
				const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
				const worker = new Worker(url);
				worker.onerror = (e) => reject(new Error(e.message));
				worker.onmessage = ({ data }) => {
					if (data.type === 'figures') resolve(data.figures);
					if (data.type === 'failed') reject(new Error(data.message));
				};
				worker.postMessage({ n, first });
			}),
		[code, N, first] as const
	);
	await page.close();
	return figures;
}

const nodePause = () => new Promise<void>((resolve) => setImmediate(resolve));

try {
	console.log(
		`what bounds an iteration of the article's net: ${ROUNDS} alternated rounds of ${N.toLocaleString('en')} iterations`
	);
	console.log(`Chromium ${browser.version()} (a worker) and Node ${process.version}; medians\n`);
	const seconds: Record<'worker' | 'node', Record<string, number[]>> = { worker: {}, node: {} };
	for (let r = 0; r < ROUNDS; r++) {
		const rounds = {
			worker: await inWorker(bundle.outputFiles[0].text, r),
			node: await profile(N, r, () => undefined, nodePause)
		};
		for (const [where, figures] of Object.entries(rounds) as ['worker' | 'node', Figure[]][])
			for (const f of figures) (seconds[where][f.variant] ??= []).push(f.seconds);
	}
	const columns = ['variant', 'worker M it/s', 'ns/it', 'node M it/s', 'ns/it'];
	const widths = [Math.max(...VARIANTS.map((v) => v.length)), 13, 9, 11, 9];
	console.log(row(columns, widths));
	for (const variant of VARIANTS) {
		const rate = (where: 'worker' | 'node') => N / median(seconds[where][variant]);
		const cells = [rate('worker'), rate('node')].flatMap((x) => [millions(x), nanoseconds(x)]);
		console.log(row([variant, ...cells], widths));
	}
} finally {
	await browser.close();
}
