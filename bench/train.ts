/**
 * `npm run bench`: iterations per second of the fast trainer (src/lib/engine/trainer.ts)
 * on the article's 2-3-3-2 tanh net, by both of its paths (the compiled kernel
 * of kernel.ts, and the generic loop that runs where `new Function` is not
 * allowed), side by side with a native C port of the article's loop
 * (bench/native/train.c), on this machine, in one run.
 *
 * Method. All three train the article preset's initial weights (written to the C
 * program's stdin at full precision) on the same samples (the C ports random.ts's
 * random-access sampler with uint32_t arithmetic). After a JS warm-up of both
 * paths that also sizes the rounds (~0.6 s of compiled JS each), compiled-JS,
 * generic-JS and native rounds alternate, so that machine noise hits all three;
 * each round starts from the initial weights. JS is timed around `trainer.run`
 * with performance.now(); the native program times its own loop with
 * clock_gettime, so process start-up is not counted. We print the median of
 * each and the ratios of the medians.
 *
 * The C is compiled with -O2 and -ffp-contract=off: without the latter GCC may
 * fuse a·b + c into one FMA on targets that have it (arm64), changing the
 * numbers; JavaScript never fuses. Final weights are compared too. They can
 * differ in the last bits, because libm's tanh and V8's Math.tanh round a few
 * inputs differently; that is reported, not failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorKey } from '../src/lib/engine/data.ts';
import type { Net } from '../src/lib/engine/model.ts';
import { dataSourceOf, netOf } from '../src/lib/engine/notebook.ts';
import { preset } from '../src/lib/engine/presets.ts';
import { createTrainer, type Report } from '../src/lib/engine/trainer.ts';

const ROUNDS = 9;
const ROUND_SECONDS = 0.6;
const REPORT_EVERY = 10_000_000; // the article's
const ARTICLE_ITERATIONS = 100_000_000;

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'native', 'train.c');
const binary = join(here, '.native', 'train');

const notebook = preset('article');
const net = netOf(notebook);
const rate = notebook.learningRate;
const data = dataSourceOf(notebook);
if (data.kind !== 'generator' || data.name !== 'rectangle') throw new Error('expected rectangles');
const dataKey = generatorKey(data.seed);

const params = (n: Net) =>
	n.layers.flatMap((l) => l.neurons.flatMap((x) => [x.bias, ...x.weights]));
const fmt = (x: number, digits = 2) => x.toFixed(digits).padStart(8);
const millions = (rate: number) => fmt(rate / 1e6);
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Run {
	/** For JS: whether the trainer ran the compiled kernel. */
	compiled?: boolean;
	seconds: number;
	params: number[];
	reports: Report[];
}

function runJs(iterations: number, compile: boolean): Run {
	const trainer = createTrainer(net, rate, data, { reportEvery: REPORT_EVERY, compile });
	const start = performance.now();
	const reports = trainer.run(iterations);
	const seconds = (performance.now() - start) / 1000;
	const last = trainer.finish();
	if (last) reports.push(last);
	return { compiled: trainer.compiled, seconds, params: params(trainer.net()), reports };
}

/** Compiles train.c; the reason it could not, or undefined. */
function compileNative(): string | undefined {
	if (spawnSync('cc', ['--version']).error) return 'no C compiler (`cc`) on the PATH';
	mkdirSync(dirname(binary), { recursive: true });
	const args = ['-O2', '-ffp-contract=off', '-o', binary, source, '-lm'];
	const cc = spawnSync('cc', args, { encoding: 'utf8' });
	return cc.status === 0 ? undefined : `cc ${args.join(' ')} failed:\n${cc.stderr}`;
}

function runNative(iterations: number): Run {
	const sizes = [
		net.layers[0].neurons[0].weights.length,
		...net.layers.map((l) => l.neurons.length)
	];
	const header = [iterations, REPORT_EVERY, dataKey, rate, net.layers.length];
	const input = [...header, ...sizes, ...params(net)].map(String).join(' ');
	const run = spawnSync(binary, { input, encoding: 'utf8', maxBuffer: 1 << 24 });
	if (run.status !== 0) throw new Error(`${binary} failed: ${run.stderr}`);
	const out: Run = { seconds: NaN, params: [], reports: [] };
	for (const line of run.stdout.trim().split('\n')) {
		const [word, ...rest] = line.split(' ');
		const n = rest.map(Number);
		if (word === 'seconds') out.seconds = n[0];
		else if (word === 'param') out.params.push(n[0]);
		else if (word === 'report' || word === 'partial')
			out.reports.push({
				iteration: n[0],
				count: n[1],
				errorsPercent: n.slice(2),
				partial: word === 'partial'
			});
	}
	return out;
}

/** How two lists of numbers compare: bit for bit, or how many differ and by how much at most. */
function agreement(a: number[], b: number[]): string {
	const differ = a.filter((x, i) => !Object.is(x, b[i])).length;
	if (a.length === b.length && differ === 0) return 'agree bit for bit';
	const max = Math.max(...a.map((x, i) => Math.abs(x - b[i])));
	return `differ in ${differ} of ${a.length} numbers, max |difference| ${max.toExponential(2)}`;
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const ccVersion = spawnSync('cc', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0];
console.log("Gradsheet training benchmark: the article's 2-3-3-2 tanh net, rectangles, η = 0.001");
console.log(`node ${process.version} (V8 ${process.versions.v8}), ${cpu} × ${os.cpus().length}`);

// Warm the JIT of both paths, and size the rounds from what it measures.
for (const compile of [true, false]) runJs(300_000, compile);
const warm = runJs(1_000_000, true);
const perRound = Math.max(1e6, Math.round(((1e6 / warm.seconds) * ROUND_SECONDS) / 1e5) * 1e5);
const alone = runJs(1_000_000, true); // for the record: 1e6 iterations timed alone, JIT warm

const problem = compileNative();
if (problem) console.log(`\nNOTE: skipping the native side: ${problem}`);
else console.log(`native: ${ccVersion}; cc -O2 -ffp-contract=off bench/native/train.c -lm`);
const path = (r: Run) =>
	r.compiled ? 'compiled kernel (kernel.ts, straight-line code)' : 'generic loop (trainer.ts)';
console.log(`compiled JS: trainer.compiled = ${warm.compiled}, the ${path(warm)}`);
const generic0 = runJs(1000, false);
console.log(`generic JS:  trainer.compiled = ${generic0.compiled}, the ${path(generic0)}`);
console.log(`${ROUNDS} alternating rounds of ${perRound.toLocaleString('en')} iterations each\n`);

const column = (r: Run | undefined) => (r ? millions(perRound / r.seconds) : '       -');
console.log('round    compiled JS   generic JS   native   (M it/s)');
const compiled: Run[] = [];
const generic: Run[] = [];
const native: Run[] = [];
for (let r = 1; r <= ROUNDS; r++) {
	compiled.push(runJs(perRound, true));
	generic.push(runJs(perRound, false));
	if (!problem) native.push(runNative(perRound));
	const row = [compiled, generic, native].map((runs) => column(runs[r - 1]));
	console.log(`${String(r).padEnd(7)} ${row[0]}      ${row[1]}    ${row[2]}`);
}
const rateOf = (runs: Run[]) => (runs.length ? median(runs.map((x) => perRound / x.seconds)) : NaN);
const [compiledRate, genericRate, nativeRate] = [rateOf(compiled), rateOf(generic), rateOf(native)];
console.log(
	`median  ${millions(compiledRate)}      ${millions(genericRate)}    ${problem ? '       -' : millions(nativeRate)}`
);
const nanoseconds = (itPerSecond: number) => `${(1e9 / itPerSecond).toFixed(1)} ns/it`;
console.log(
	`        ${nanoseconds(compiledRate)}   ${nanoseconds(genericRate)}` +
		(problem ? '' : `  ${nanoseconds(nativeRate)}`)
);
const ratio = (a: number, b: number) => (a / b).toFixed(3);
console.log(`\ncompiled JS / generic JS, ratio of medians: ${ratio(compiledRate, genericRate)}`);
if (!problem) {
	console.log(`compiled JS / native, ratio of medians:    ${ratio(compiledRate, nativeRate)}`);
	console.log(`generic JS / native, ratio of medians:     ${ratio(genericRate, nativeRate)}`);
	console.log(
		`(PRODUCT.md's target is ≥ 1 for the JS the app runs: the compiled kernel where allowed)`
	);
}

const projection = (itPerSecond: number) => `${(ARTICLE_ITERATIONS / itPerSecond).toFixed(1)} s`;
console.log(
	`\ncompiled JS alone, 1,000,000 iterations: ${alone.seconds.toFixed(3)} s (${millions(1e6 / alone.seconds).trim()} M it/s)`
);
console.log(
	`projected for the article's 100,000,000 iterations: compiled JS ${projection(compiledRate)}, ` +
		`generic JS ${projection(genericRate)}` +
		(problem ? '' : `, native ${projection(nativeRate)}`)
);

const flat = (rs: Report[]) => rs.flatMap((x) => [x.iteration, x.count, ...x.errorsPercent]);
console.log(
	`\nafter ${perRound.toLocaleString('en')} iterations, compiled and generic JS weights ` +
		`${agreement(compiled[0].params, generic[0].params)}, and their error-% reports ` +
		agreement(flat(compiled[0].reports), flat(generic[0].reports))
);
if (!problem) {
	const a = compiled[0];
	const b = native[0];
	const weights = agreement(a.params, b.params);
	console.log(
		`after ${perRound.toLocaleString('en')} iterations, JS and native weights ${weights}`
	);
	if (weights !== 'agree bit for bit')
		console.log('(libm tanh and V8 Math.tanh round a few inputs differently)');
	console.log(`their error-% reports ${agreement(flat(a.reports), flat(b.reports))}`);
	for (const [i, rj] of a.reports.entries()) {
		const rn = b.reports[i];
		const label = `${rj.partial ? 'partial to' : 'iteration'} ${rj.iteration} (${rj.count} it.)`;
		const percents = (r?: Report) => r?.errorsPercent.map((e) => `${e.toFixed(3)}%`).join(', ');
		console.log(`  ${label}: JS ${percents(rj)}; native ${percents(rn)}`);
	}
}
