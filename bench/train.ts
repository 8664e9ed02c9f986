/**
 * `npm run bench`: iterations per second of the article's 2-3-3-2 tanh net
 * (rectangles, η = 0.001) in the page's training worker, in headless
 * Chromium, driven through the Run panel as a learner would; side by side,
 * in one run, with the fast trainer in Node and a native C port of the
 * article's loop (bench/native/train.c). Then the article's whole
 * 100,000,000 iterations in the worker, and how long Cancel takes to stop a
 * run, and compare seeds' speed with 1, 2 and 4 seeds at once (bench/seeds.ts).
 *
 * Method. Worker, Node and native rounds alternate, so that the machine's
 * noise (it is shared) hits all three; we print each round and the medians.
 * All three train the article preset's initial weights on the same samples.
 * - worker: a fresh page (no autosave) and so a fresh worker per round; its
 *   figure is the worker's own clock from its first iteration to its last,
 *   as the Run panel shows it (chunking, progress messages and the JIT's
 *   warm-up included); "wall" adds the page's side: spawning the worker,
 *   loading its script, compiling the kernel, and applying the result.
 * - worker+map: the same, with the learned map scrolled into view once the
 *   run goes, so the worker sends its weights (FRAME_MS) and the page draws
 *   the map from them; its frames are counted.
 * - Node: trainer.run timed with performance.now(), JIT warm; the compiled
 *   kernel, and the generic loop that runs where `new Function` is refused.
 * - native: the C program times its own loop (clock_gettime).
 *
 * Environment: BENCH_QUICK=1 for a quick run (3 rounds of 2,000,000, no whole
 * 100,000,000-iteration run); BENCH_ROUNDS, BENCH_ITERATIONS to set them;
 * BENCH_NO_BUILD=1 to serve the existing build/; PREVIEW_PORT (default 4196).
 */
import os from 'node:os';
import { dataSourceOf, netOf } from '../src/lib/engine/document/notebook.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { createTrainer, type Report } from '../src/lib/engine/fast/trainer.ts';
import { cancelLatency, clicksWhileRunning, pageCsp, serveApp, workerRun } from './lib/app.ts';
import { compileNative, nativeDescription, runNative, type Run } from './lib/native.ts';
import { paramsOf } from './lib/params.ts';
import { seedsBench } from './seeds.ts';
import { median, millions, nanoseconds, ratio, row } from './lib/stats.ts';

const QUICK = Boolean(process.env.BENCH_QUICK);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 3 : 5));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? (QUICK ? 2_000_000 : 10_000_000));
const ARTICLE = 100_000_000;
const REPORT_EVERY = 1_000_000;
const PORT = Number(process.env.PREVIEW_PORT ?? 4196);

const notebook = preset('article');
const net = netOf(notebook);
const learningRate = notebook.learningRate;
const source = dataSourceOf(notebook);
if (source.kind !== 'generator' || source.name !== 'rectangle')
	throw new Error('expected rectangles');

function nodeRun(iterations: number, compile: boolean): Run & { compiled: boolean } {
	const trainer = createTrainer(net, learningRate, source, { reportEvery: REPORT_EVERY, compile });
	const start = performance.now();
	const reports = trainer.run(iterations);
	const seconds = (performance.now() - start) / 1000;
	const tail = trainer.finish();
	if (tail) reports.push(tail);
	return { compiled: trainer.compiled, seconds, params: paramsOf(trainer.net()), reports };
}

const nativeRun = (iterations: number) =>
	runNative({ net, learningRate, seed: source.seed, iterations, reportEvery: REPORT_EVERY });

/** How two lists of numbers compare: bit for bit, or how many differ and by how much at most. */
function agreement(a: number[], b: number[]): string {
	const differ = a.filter((x, i) => !Object.is(x, b[i])).length;
	if (a.length === b.length && differ === 0) return 'agree bit for bit';
	const max = Math.max(...a.map((x, i) => Math.abs(x - b[i])));
	return `differ in ${differ} of ${a.length} numbers, max |difference| ${max.toExponential(2)}`;
}
const flat = (rs: Report[]) => rs.flatMap((x) => [x.iteration, x.count, ...x.errorsPercent]);
const count = (n: number) => n.toLocaleString('en');

const app = await serveApp(PORT);
try {
	const problem = compileNative();
	console.log(
		"Gradsheet training benchmark: the article's 2-3-3-2 tanh net, rectangles, η = 0.001"
	);
	console.log(`${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}`);
	console.log(`worker: Chromium ${app.browser.version()} headless, the built app's Run panel`);
	console.log(`node:   ${process.version} (V8 ${process.versions.v8})`);
	console.log(problem ? `NOTE: no native side: ${problem}` : `native: ${nativeDescription()}`);
	const csp = await pageCsp(app);
	const evalWord = csp?.includes("'unsafe-eval'") ? "allows 'unsafe-eval'" : "no 'unsafe-eval'";
	console.log(
		`page CSP: ${csp ? `<meta>, ${evalWord} (the worker's script is served with none)` : 'none'}`
	);

	// Warm Node's JIT (both paths) and the browser's caches; the worker's JIT is cold each round, as for a learner.
	for (const compile of [true, false]) nodeRun(1_000_000, compile);
	await workerRun(app, 1_000_000);

	const columns = ['round', 'worker', '(wall)', 'worker+map', 'node', 'node generic', 'native'];
	const widths = columns.map((c) => Math.max(c.length, 7));
	console.log(`\n${ROUNDS} alternating rounds of ${count(ITERATIONS)} iterations (M it/s)`);
	console.log(row(columns, widths));
	const worker: { seconds: number; wall: number }[] = [];
	const mapped: { seconds: number; frames: number }[] = [];
	const [node, generic, native]: Run[][] = [[], [], []];
	let compiled = false;
	for (let r = 1; r <= ROUNDS; r++) {
		const w = await workerRun(app, ITERATIONS);
		if (w.done !== ITERATIONS) throw new Error(`the worker ran ${w.done} iterations`);
		compiled = w.compiled;
		worker.push(w);
		const m = await workerRun(app, ITERATIONS, true);
		if (m.done !== ITERATIONS) throw new Error(`the worker ran ${m.done} iterations`);
		mapped.push(m);
		node.push(nodeRun(ITERATIONS, true));
		generic.push(nodeRun(ITERATIONS, false));
		if (!problem) native.push(nativeRun(ITERATIONS));
		const rate = (s?: number) => millions(s ? ITERATIONS / s : NaN);
		const cells = [w.seconds, w.wall, m.seconds, node[r - 1].seconds, generic[r - 1].seconds];
		console.log(row([String(r), ...cells.map(rate), rate(native[r - 1]?.seconds)], widths));
	}
	const rateOf = (seconds: number[]) => (seconds.length ? ITERATIONS / median(seconds) : NaN);
	const rates = {
		worker: rateOf(worker.map((w) => w.seconds)),
		wall: rateOf(worker.map((w) => w.wall)),
		mapped: rateOf(mapped.map((m) => m.seconds)),
		node: rateOf(node.map((x) => x.seconds)),
		generic: rateOf(generic.map((x) => x.seconds)),
		native: rateOf(native.map((x) => x.seconds))
	};
	const medians = Object.values(rates);
	console.log(row(['median', ...medians.map(millions)], widths));
	console.log(row(['ns/it', ...medians.map(nanoseconds)], widths));
	console.log(
		`\nthe worker ran ${compiled ? 'the compiled kernel (new Function is allowed in the worker)' : 'the generic loop (new Function was refused)'}`
	);
	console.log(
		`worker / native, ratio of medians: ${ratio(rates.worker, rates.native)}  (goal ≥ 1)`
	);
	const frameRate = median(mapped.map((m) => m.frames / m.seconds));
	console.log(
		`worker with the live map / without:  ${ratio(rates.mapped, rates.worker)}  (goal ≥ 0.95; the map drew a median ${frameRate.toFixed(1)} frames/s)`
	);
	console.log(`node / native, ratio of medians:   ${ratio(rates.node, rates.native)}`);
	console.log(`worker / node, ratio of medians:   ${ratio(rates.worker, rates.node)}`);
	console.log(`node generic / native:             ${ratio(rates.generic, rates.native)}`);

	const seconds = (perSecond: number) => `${(ARTICLE / perSecond).toFixed(1)} s`;
	console.log(
		`\n${count(ARTICLE)} iterations, projected from the medians: worker ${seconds(rates.worker)}, ` +
			`node ${seconds(rates.node)}, native ${seconds(rates.native)}`
	);
	if (!QUICK) {
		const whole = await workerRun(app, ARTICLE);
		console.log(
			`${count(ARTICLE)} iterations in the worker, run: ${whole.seconds.toFixed(1)} s (wall ${whole.wall.toFixed(1)} s) (goal about 20 s or less)`
		);
	}

	const cancels: number[] = [];
	for (let i = 0; i < (QUICK ? 3 : 7); i++) cancels.push(await cancelLatency(app, 700 + 150 * i));
	const ms = (x: number) => `${x.toFixed(0)} ms`;
	console.log(
		`\nCancel → run stopped (panel says so), ${cancels.length} runs: median ${ms(median(cancels))}, max ${ms(Math.max(...cancels))} (goal < 100 ms)`
	);
	const clicks = await clicksWhileRunning(app, QUICK ? 7 : 15);
	console.log(
		`cell click → next painted frame while a run goes: median ${median(clicks).toFixed(1)} ms, max ${Math.max(...clicks).toFixed(1)} ms`
	);

	await seedsBench(app, ITERATIONS, QUICK ? 3 : 5);

	const weights = agreement(node[0].params, generic[0].params);
	const reports = agreement(flat(node[0].reports), flat(generic[0].reports));
	console.log(
		`\nafter ${count(ITERATIONS)} iterations, node's compiled and generic weights ${weights}, reports ${reports}`
	);
	if (!problem) {
		const [a, b] = [node[0], native[0]];
		console.log(
			`node and native weights ${agreement(a.params, b.params)}, reports ${agreement(flat(a.reports), flat(b.reports))}`
		);
		console.log('(libm tanh and V8 Math.tanh may round a few inputs differently)');
	}
} finally {
	await app.close();
}
