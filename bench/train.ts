/**
 * `npm run bench`: iterations per second of the fast trainer (src/lib/engine/trainer.ts)
 * on the article's 2-3-3-2 tanh net, side by side with a native C port of the
 * article's loop (bench/native/train.c), on this machine, in one run.
 *
 * Method. Both train the article preset's initial weights (written to the C
 * program's stdin at full precision) on the same samples (the C ports random.ts's
 * random-access sampler with uint32_t arithmetic). After a JS warm-up that also
 * sizes the rounds (~0.6 s of JS each), JS and native rounds alternate, so that
 * machine noise hits both; each round starts from the initial weights. JS is
 * timed around `trainer.run` with performance.now(); the native program times
 * its own loop with clock_gettime, so process start-up is not counted. We print
 * the median of each side and the ratio of the medians.
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

const ROUNDS = 7;
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
	seconds: number;
	params: number[];
	reports: Report[];
}

function runJs(iterations: number): Run {
	const trainer = createTrainer(net, rate, data, { reportEvery: REPORT_EVERY });
	const start = performance.now();
	const reports = trainer.run(iterations);
	const seconds = (performance.now() - start) / 1000;
	const last = trainer.finish();
	if (last) reports.push(last);
	return { seconds, params: params(trainer.net()), reports };
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

// Warm the JIT, and size the rounds from what it measures.
runJs(300_000);
const warm = runJs(1_000_000);
const perRound = Math.max(1e6, Math.round(((1e6 / warm.seconds) * ROUND_SECONDS) / 1e5) * 1e5);
const alone = runJs(1_000_000); // for the record: 1e6 iterations timed alone, JIT warm

const problem = compileNative();
if (problem) console.log(`\nNOTE: skipping the native side: ${problem}`);
else console.log(`native: ${ccVersion}; cc -O2 -ffp-contract=off bench/native/train.c -lm`);
console.log(`${ROUNDS} alternating rounds of ${perRound.toLocaleString('en')} iterations each\n`);

console.log('round    JS M it/s   native M it/s');
const js: Run[] = [];
const native: Run[] = [];
for (let r = 1; r <= ROUNDS; r++) {
	js.push(runJs(perRound));
	if (!problem) native.push(runNative(perRound));
	const c = native.at(-1);
	console.log(
		`${String(r).padEnd(7)} ${millions(perRound / js[r - 1].seconds)}    ${c ? millions(perRound / c.seconds) : '       -'}`
	);
}
const jsRate = median(js.map((x) => perRound / x.seconds));
const nativeRate = problem ? NaN : median(native.map((x) => perRound / x.seconds));
console.log(`median  ${millions(jsRate)}    ${problem ? '       -' : millions(nativeRate)}`);
if (!problem) {
	console.log(`\nJS / native, ratio of medians: ${(jsRate / nativeRate).toFixed(3)}`);
	console.log(
		`(PRODUCT.md's target is ≥ 1; here native runs ${(nativeRate / jsRate).toFixed(2)}× as many)`
	);
}

const projection = (itPerSecond: number) => `${(ARTICLE_ITERATIONS / itPerSecond).toFixed(1)} s`;
console.log(
	`\nJS alone, 1,000,000 iterations: ${alone.seconds.toFixed(3)} s (${millions(1e6 / alone.seconds).trim()} M it/s)`
);
console.log(
	`projected for the article's 100,000,000 iterations: JS ${projection(jsRate)}` +
		(problem ? '' : `, native ${projection(nativeRate)}`)
);

if (!problem) {
	const a = js[0];
	const b = native[0];
	const weights = agreement(a.params, b.params);
	console.log(
		`\nafter ${perRound.toLocaleString('en')} iterations, JS and native weights ${weights}`
	);
	if (weights !== 'agree bit for bit')
		console.log('(libm tanh and V8 Math.tanh round a few inputs differently)');
	const flat = (rs: Report[]) => rs.flatMap((x) => [x.iteration, x.count, ...x.errorsPercent]);
	console.log(`their error-% reports ${agreement(flat(a.reports), flat(b.reports))}`);
	for (const [i, rj] of a.reports.entries()) {
		const rn = b.reports[i];
		const label = `${rj.partial ? 'partial to' : 'iteration'} ${rj.iteration} (${rj.count} it.)`;
		const percents = (r?: Report) => r?.errorsPercent.map((e) => `${e.toFixed(3)}%`).join(', ');
		console.log(`  ${label}: JS ${percents(rj)}; native ${percents(rn)}`);
	}
}
