/**
 * `npm run bench:xlsx`: how long the .xlsx export takes, and where the time
 * goes, for the article's net, a 2-30-30-2 net and a 64-128-128-10 net; the
 * exporter's first cell styles (bench/lib/xlsx-baseline.ts: a style object
 * per cell) side by side with the exporter now, in one run.
 *
 * Method. In Node, with exceljs's Node build. Rounds alternate between the
 * two, so that the shared machine's noise hits both; we print the medians of
 * each stage: plan (the sheets as data; the same code for both), build (the
 * exceljs workbook), write (writeBuffer: XML and deflate), and the file's
 * size. The page runs exceljs's browser build in a worker, a few times
 * slower than Node; the proportions hold.
 *
 * Then the page: the built app in headless Chromium, the workbook made in
 * its worker, click to download, and the longest gap between animation
 * frames meanwhile (before, the whole export was one frame).
 *
 * Environment: BENCH_ROUNDS (default 5), BENCH_NETS (e.g. "2-30-30-2"),
 * BENCH_NO_PAGE=1 to leave out the page, BENCH_NO_BUILD=1 to serve the
 * existing build/, PREVIEW_PORT (default 4196).
 */
import os from 'node:os';
import { seededSnapshot } from '../src/lib/engine/__fixtures__/nets.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { netOf } from '../src/lib/engine/document/notebook.ts';
import { createSnapshot, type Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import { planWorkbook } from '../src/lib/export/xlsx/sheets.ts';
import { buildWorkbook } from '../src/lib/export/xlsx/workbook.ts';
import { buildBaseline } from './lib/xlsx-baseline.ts';
import { serveApp } from './lib/app.ts';
import { median, row } from './lib/stats.ts';
import { pageExport } from './lib/xlsx-page.ts';
import { serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PORT = Number(process.env.PREVIEW_PORT ?? 4196);
const NETS = (process.env.BENCH_NETS ?? '2-3-3-2,2-30-30-2,64-128-128-10').split(',');

function snapshotOf(shape: string): Snapshot {
	if (shape === '2-3-3-2') {
		const article = preset('article');
		return createSnapshot({ ...article, net: netOf(article) });
	}
	return seededSnapshot(shape.split('-').map(Number), 'tanh', 1);
}

interface Stages {
	plan: number;
	build: number;
	write: number;
	bytes: number;
}

type Variant = 'before' | 'after';

async function exportOnce(s: Snapshot, variant: Variant): Promise<Stages> {
	const t0 = performance.now();
	const plan = planWorkbook(s);
	const t1 = performance.now();
	const workbook = variant === 'before' ? buildBaseline(plan) : buildWorkbook(plan);
	const t2 = performance.now();
	const buffer = await workbook.xlsx.writeBuffer();
	const t3 = performance.now();
	return { plan: t1 - t0, build: t2 - t1, write: t3 - t2, bytes: buffer.byteLength };
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

console.log('Gradsheet .xlsx export benchmark: before (first exporter) and after, medians');
console.log(
	`${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, node ${process.version}`
);
const columns = ['net', 'variant', 'plan', 'build', 'write', 'total', 'file'];
const widths = [16, 7, 8, 8, 9, 9, 9];
console.log(`${ROUNDS} alternating rounds per net\n`);
console.log(row(columns, widths));
for (const shape of NETS) {
	const s = snapshotOf(shape);
	// Warm the JIT on both paths.
	await exportOnce(s, 'before');
	await exportOnce(s, 'after');
	const runs: Record<Variant, Stages[]> = { before: [], after: [] };
	for (let r = 0; r < ROUNDS; r++)
		for (const variant of ['before', 'after'] as const)
			runs[variant].push(await exportOnce(s, variant));
	for (const variant of ['before', 'after'] as const) {
		const of = (stage: keyof Stages) => median(runs[variant].map((x) => x[stage]));
		const total = median(runs[variant].map((x) => x.plan + x.build + x.write));
		const cells = [of('plan'), of('build'), of('write'), total].map(ms);
		console.log(row([shape, variant, ...cells, mb(of('bytes'))], widths));
	}
}

/** The notebook of `s`, to import into the page. */
function notebookJson(s: Snapshot): string {
	return serialiseNotebook({
		format: 'gradsheet-notebook',
		version: 1,
		activation: 'tanh',
		learningRate: s.learningRate,
		inputs: s.inputs,
		targets: s.targets,
		layers: s.net.layers.map((layer) => ({ activation: layer.activation, neurons: layer.neurons }))
	});
}

if (!process.env.BENCH_NO_PAGE) {
	const app = await serveApp(PORT);
	try {
		console.log(
			`\nthe page, Chromium ${app.browser.version()} headless: the workbook made in a worker`
		);
		const pageColumns = ['net', 'click→file', 'longest frame'];
		const pageWidths = [16, 11, 14];
		console.log(row(pageColumns, pageWidths));
		for (const shape of NETS) {
			const json = notebookJson(snapshotOf(shape));
			const runs = [];
			for (let r = 0; r < Math.min(ROUNDS, 3); r++) runs.push(await pageExport(app, json));
			const seconds = median(runs.map((x) => x.seconds));
			const frame = median(runs.map((x) => x.longestFrame));
			console.log(row([shape, `${seconds.toFixed(2)} s`, ms(frame)], pageWidths));
		}
	} finally {
		await app.close();
	}
}
