/**
 * What bounds an iteration: the article's net trained by variants of the
 * trainer that each take one thing away (tanh, the sampling, the chunked
 * run loop with its progress messages), timed wherever this module runs —
 * Node, or a worker in Chromium (bench/profile.ts). Timing only: the
 * variants' numbers differ from the trainer's once tanh is replaced.
 */
import { generatorKey, rectangleSample } from '../../src/lib/engine/fast/data.ts';
import type { Kernel, SamplerKind } from '../../src/lib/engine/fast/kernel.ts';
import { kernelSource } from '../../src/lib/engine/fast/kernel-source.ts';
import { dataSourceOf, netOf } from '../../src/lib/engine/document/notebook.ts';
import { preset } from '../../src/lib/engine/document/presets.ts';
import { createTrainer } from '../../src/lib/engine/fast/trainer.ts';
import { runLoop } from '../../src/lib/workers/run-loop.ts';
import { paramsOf } from './params.ts';

const notebook = preset('article');
const net = netOf(notebook);
const rate = notebook.learningRate;
const source = dataSourceOf(notebook);
const key = source.kind === 'generator' ? generatorKey(source.seed) : 0;
const SIZES = [2, 3, 3, 2];
const ACTIVATIONS = ['tanh', 'tanh', 'tanh'] as const;

/** Seconds for `n` iterations of `work`, after one untimed warm-up of n / 10. */
async function timed(n: number, work: (n: number) => unknown): Promise<number> {
	await work(Math.ceil(n / 10));
	const start = performance.now();
	await work(n);
	return (performance.now() - start) / 1000;
}

/** The kernel generated for the article's shape, compiled with `tanh` for Math.tanh, called 1024 iterations at a time as kernel.ts does. */
function kernelWith(tanh: (z: number) => number, sampler: SamplerKind): (n: number) => void {
	const body = new Function(
		'Math',
		kernelSource({ sizes: SIZES, activations: ACTIVATIONS, sampler })
	)({ tanh, imul: Math.imul, abs: Math.abs, exp: Math.exp }) as Kernel;
	const sample = rectangleSample(key, 0);
	const [inputs, targets] = [Float64Array.from(sample.inputs), Float64Array.from(sample.targets)];
	return (n) => {
		const params = Float64Array.from(paramsOf(net));
		const [sums, deltas] = [new Float64Array(2), new Float64Array(3)];
		for (let k = 0; k < n; k += 1024)
			body(params, sums, deltas, k, Math.min(n, k + 1024), rate, key | 0, inputs, targets);
	};
}

/** tanh's cost alone: 8 calls per iteration (3 + 3 + 2 neurons) on inputs like the net's totals. */
function tanhOnly(n: number): number {
	let sum = 0;
	let z = 0.3;
	for (let k = 0; k < 8 * n; k++) {
		sum += Math.tanh(z);
		z = z > 2 ? -1.9 + (k & 7) * 1e-3 : z + 0.37;
	}
	return sum;
}

const trainer = (compile: boolean) => (n: number) =>
	createTrainer(net, rate, source, { reportEvery: 10_000_000, compile }).run(n);

/** The worker's loop (run-loop.ts) with a hook that posts progress as train.worker.ts does. */
function chunked(post: (message: unknown) => void, pause: () => Promise<void>) {
	return (n: number) =>
		runLoop(
			{ net, learningRate: rate, source, first: 0, count: n, reportEvery: 10_000_000 },
			{
				now: () => performance.now(),
				started: () => undefined,
				progress: (p) => post({ type: 'progress', ...p }),
				pause,
				cancelled: () => false
			}
		);
}

export interface Figure {
	readonly variant: string;
	readonly seconds: number;
}

export const VARIANTS = [
	'run loop (chunks, progress, pause)',
	'trainer.run, compiled kernel',
	'kernel, one sample fixed (no sampling)',
	'kernel, tanh → z (no tanh)',
	'kernel, no tanh, no sampling',
	'Math.tanh alone (8 per iteration)',
	'trainer.run, generic loop'
] as const;

/**
 * Times each variant on `n` iterations, starting with variant `first` and
 * going round (so that no variant always pays for a cold JIT). `post` and
 * `pause` are the host's: a worker's postMessage and MessageChannel.
 */
export async function profile(
	n: number,
	first: number,
	post: (message: unknown) => void,
	pause: () => Promise<void>
): Promise<Figure[]> {
	const identity = (z: number) => z;
	const work: Record<(typeof VARIANTS)[number], (n: number) => unknown> = {
		'run loop (chunks, progress, pause)': chunked(post, pause),
		'trainer.run, compiled kernel': trainer(true),
		'kernel, one sample fixed (no sampling)': kernelWith(Math.tanh, 'fixed'),
		'kernel, tanh → z (no tanh)': kernelWith(identity, 'rectangle'),
		'kernel, no tanh, no sampling': kernelWith(identity, 'fixed'),
		'Math.tanh alone (8 per iteration)': tanhOnly,
		'trainer.run, generic loop': trainer(false)
	};
	const out: Figure[] = [];
	for (let v = 0; v < VARIANTS.length; v++) {
		const variant = VARIANTS[(first + v) % VARIANTS.length];
		out.push({ variant, seconds: await timed(n, work[variant]) });
	}
	return out;
}
