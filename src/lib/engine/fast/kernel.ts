/**
 * Shape-specialised training kernels: for one net shape, per-layer
 * activations and kind of data source, the JavaScript source of a function
 * that runs iterations [first, end) of the article's loop as straight-line
 * code, compiled once with `new Function` and cached by its source.
 *
 * Every bias, weight, value and δ is a local variable, so the JIT keeps them
 * in registers or stack slots instead of bounds-checked array slots, and one
 * iteration's sample, forward pass, error %, backward pass and train are
 * unrolled with no inner loops and no branching on the activation. The
 * floating-point operations are exactly trainer.ts's (and so passes.ts's), in
 * the same order, so the numbers are the same bit for bit:
 *
 *   z = b + w0·a0 + w1·a1 + …   (left to right),  a = f(z)
 *   output δ = f'(a)·(a − t),  hidden δ_j = f'(a_j)·(0 + δ_0·w_0j + δ_1·w_1j + …)
 *   b ← b − δ·η,  w_i ← w_i − (a_i·δ)·η, after every δ is known.
 *
 * SAFETY: see kernel-source.ts — the source is built from numbers and fixed
 * text only, never from a notebook's strings.
 */
import { parameterCount } from '../maths/model.ts';
import { kernelSource } from './kernel-source.ts';
import type { KernelShape, SamplerKind } from './kernel-shape.ts';

export type { KernelShape, SamplerKind };

/**
 * Runs iterations first … end − 1: reads the parameters (trainer.ts's flat
 * order), the error-% sums and the per-layer Σ |δ| in, trains, adds each
 * iteration's error % and |δ|s (neuron by neuron) to the sums, and writes all back. `key` is the generator's key (as an int32);
 * `inputs`/`targets` the table's rows flattened (unused by the generators).
 * For the generators, `end` must be at most KERNEL_MAX_ITERATION.
 */
export type Kernel = (
	params: Float64Array,
	errorSums: Float64Array,
	deltaSums: Float64Array,
	first: number,
	end: number,
	rate: number,
	key: number,
	inputs: Float64Array,
	targets: Float64Array
) => void;

/**
 * Nets with more parameters than this keep trainer.ts's generic loop. The
 * optimising compiler's time grows faster than the body: measured in Node 20
 * on 2-h-h-2 tanh nets, 6 ms at 29 parameters, 33 ms at 114, 54 ms at 218,
 * 142 ms at 354 (plus as much again for an on-stack-replacement version),
 * while the kernel runs 1.7–2.5× as fast as the generic loop once compiled,
 * and several times slower before (interpreted).
 */
export const KERNEL_MAX_PARAMS = 256;

/**
 * The generators' sample counters are kept as wrapping int32 sums, which
 * equal random.ts's `Math.imul(2n + 1, …)` while 4k + 4 is an exact double.
 */
export const KERNEL_MAX_ITERATION = 2 ** 50;

/**
 * A few calls on scratch arrays of non-whole numbers, so that every line of the
 * kernel, the write-back after the loop included, has type feedback (of
 * doubles) before the optimising compiler sees it: V8 allocates feedback only
 * after ~8 iterations' worth of bytecode. Without it, the first optimised code
 * deoptimised at the write-back ("insufficient type feedback").
 */
function warmUp(kernel: Kernel, sizes: readonly number[]): void {
	const scratch = (n: number, scale: number) =>
		Float64Array.from({ length: n }, (_, i) => scale * (((i * 7) % 13) - 6.5));
	const [nIn, nOut] = [sizes[0], sizes[sizes.length - 1]];
	const params = scratch(parameterCount(sizes), 0.03);
	const [sums, inputs, targets] = [scratch(nOut, 0), scratch(2 * nIn, 0.1), scratch(2 * nOut, 0.1)];
	const deltas = scratch(sizes.length - 1, 0);
	for (let k = 0; k < 48; k += 16)
		kernel(params, sums, deltas, k, k + 16, 0.001, 0, inputs, targets);
}

/**
 * Calls the generated function for at most 1024 iterations at a time, so V8
 * optimises it as a whole function. Run as one long loop, it first gets code
 * compiled for on-stack replacement, which keeps the loop-carried parameters
 * boxed as heap numbers: ~25 % slower on the article's net, for the whole of a
 * long first run. A call per 1024 iterations costs nothing measurable.
 */
function sliced(body: Kernel): Kernel {
	const SLICE = 1024;
	return (params, errorSums, deltaSums, first, end, rate, key, inputs, targets) => {
		for (let k = first; k < end;) {
			const stop = Math.min(end, k + SLICE);
			body(params, errorSums, deltaSums, k, stop, rate, key, inputs, targets);
			k = stop;
		}
	};
}

const cache = new Map<string, Kernel>();
const CACHE_LIMIT = 32;
/** False once `new Function` has been refused: a browser logs each refusal, so we ask once. */
let evalAllowed = true;

/**
 * The compiled kernel for `shape`, shared by every trainer of that shape (so
 * the JIT's work is kept), or undefined when there is none: a net bigger than
 * KERNEL_MAX_PARAMS, a shape or data source the generator does not know, or a
 * page whose Content Security Policy forbids `new Function` (an EvalError).
 */
export function compileKernel(shape: KernelShape): Kernel | undefined {
	if (!evalAllowed || parameterCount(shape.sizes) > KERNEL_MAX_PARAMS) return undefined;
	let source: string;
	try {
		source = kernelSource(shape);
	} catch {
		return undefined;
	}
	let kernel = cache.get(source);
	if (kernel) return kernel;
	try {
		kernel = sliced(new Function('Math', source)(Math) as Kernel);
	} catch {
		evalAllowed = false;
		return undefined;
	}
	warmUp(kernel, shape.sizes);
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(source, kernel);
	return kernel;
}
