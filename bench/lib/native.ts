/**
 * The native C port of the article's loop (bench/native/train.c): compiled
 * once with `cc -O2 -ffp-contract=off`, run on the article preset's initial
 * weights and samples, timing its own loop (process start-up not counted).
 *
 * -ffp-contract=off: without it GCC may fuse a·b + c into one FMA on targets
 * that have it (arm64), changing the numbers; JavaScript never fuses.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorKey } from '../../src/lib/engine/fast/data.ts';
import type { Net } from '../../src/lib/engine/maths/model.ts';
import type { Report } from '../../src/lib/engine/fast/trainer.ts';
import { paramsOf } from './params.ts';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '..', 'native', 'train.c');
const binary = join(here, '..', '.native', 'train');
const FLAGS = ['-O2', '-ffp-contract=off'];

export interface Run {
	seconds: number;
	params: number[];
	reports: Report[];
}

/** The compiler's first line of `--version`, and how the binary is built. */
export function nativeDescription(): string {
	const version = spawnSync('cc', ['--version'], { encoding: 'utf8' }).stdout?.split('\n')[0];
	return `${version}; cc ${FLAGS.join(' ')} bench/native/train.c -lm`;
}

/** Compiles train.c; the reason it could not, or undefined. */
export function compileNative(): string | undefined {
	if (spawnSync('cc', ['--version']).error) return 'no C compiler (`cc`) on the PATH';
	mkdirSync(dirname(binary), { recursive: true });
	const args = [...FLAGS, '-o', binary, source, '-lm'];
	const cc = spawnSync('cc', args, { encoding: 'utf8' });
	return cc.status === 0 ? undefined : `cc ${args.join(' ')} failed:\n${cc.stderr}`;
}

export interface NativeJob {
	readonly net: Net;
	readonly learningRate: number;
	/** The rectangle generator's seed. */
	readonly seed: number;
	readonly iterations: number;
	readonly reportEvery: number;
}

/** Runs the compiled loop; its own timing, final parameters and reports. */
export function runNative(job: NativeJob): Run {
	const { net, learningRate, seed, iterations, reportEvery } = job;
	const sizes = [
		net.layers[0].neurons[0].weights.length,
		...net.layers.map((l) => l.neurons.length)
	];
	const header = [iterations, reportEvery, generatorKey(seed), learningRate, net.layers.length];
	const input = [...header, ...sizes, ...paramsOf(net)].map(String).join(' ');
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
				meanAbsDelta: [], // the C port prints the article's error % only
				partial: word === 'partial'
			});
	}
	return out;
}
