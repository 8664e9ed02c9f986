/**
 * The fast trainer: many iterations of the article's loop (sample, forward,
 * error %, backward, train) over flat Float64Arrays, with no allocation per
 * iteration. It gives bit for bit the numbers of repeated
 * `step(s, 'iteration')` + `nextIteration(s, sampleAt(source, k))`, because
 * every floating-point operation is the same one, in the same order:
 *
 *   z_j = b_j + Σ_i w_ji a_i (added left to right),  a_j = f(z_j)
 *   last layer δ_j = f'(a_j)·(a_j − t_j),  hidden δ_j = f'(a_j)·(0 + Σ_k δ_k w_kj)
 *   b_j ← b_j − δ_j·η,  w_ji ← w_ji − (a_i δ_j)·η, after every δ is known.
 *
 * No framework imports: it runs in Node, the browser and a Web Worker. For
 * nets up to KERNEL_MAX_PARAMS it runs a kernel compiled for the net's shape
 * (kernel.ts: straight-line code, with `new Function`); where that is not
 * allowed (a Content Security Policy without 'unsafe-eval') or the net is
 * bigger, it runs the generic loop below, with the same numbers bit for bit.
 * `trainer.compiled` says which.
 * Callers must not run it on a notebook with pinned cells (overrides): it
 * knows nothing of them, and the product refuses Run while any is pinned.
 *
 * tanh is Math.tanh, as in activations.ts: engines differ in its last bit
 * (Node 20's V8 uses fdlibm; recent V8 calls the C library's tanh), so any
 * other tanh would break the bit-for-bit match somewhere. About half of the
 * time per iteration goes there.
 */
import type { Activation, ActivationName } from '../maths/activations.ts';
import { descend, layerActivations, weightedSum } from './trainer-arithmetic.ts';
import type { DataSource } from './data.ts';
import type { Net } from '../maths/model.ts';
import { layerSizes, parameterValues, shapeProblem, withParameterValues } from '../maths/model.ts';
import { SampleFiller } from './sampler.ts';
import { KERNEL_MAX_ITERATION, compileKernel, type Kernel } from './kernel.ts';

/** The average error % per output, and per layer the gradients' size, over the iterations since the previous report. */
export interface Report {
	/** The global index of the last iteration this report covers. */
	readonly iteration: number;
	/** How many iterations were averaged. */
	readonly count: number;
	/** Mean over those iterations of |t − a| / |t| · 100, per output. */
	readonly errorsPercent: number[];
	/**
	 * Per layer, the mean |δ| over its neurons and those iterations (every one
	 * of them): Σ |δ_j| added iteration by iteration, neuron by neuron, divided
	 * by count × neurons. δ_j is ∂E/∂b_j, and ∂E/∂w_ji = a_i·δ_j, so a layer
	 * whose |δ| shrinks toward 0 learns slowly: the vanishing gradient.
	 */
	readonly meanAbsDelta: number[];
	/** True for the report of a run's leftover iterations, off the `reportEvery` schedule. */
	readonly partial: boolean;
}

export interface TrainerOptions {
	/** The global index of the first iteration to run (its sample is sample `iteration`). Default 0. */
	readonly iteration?: number;
	/** Report at every iteration i with i % reportEvery === 0, as the article does. Default 10,000,000. */
	readonly reportEvery?: number;
	/** Run the shape-specialised compiled kernel when it can (default); false forces the generic loop. */
	readonly compile?: boolean;
}

/**
 * A net laid out flat. `params` holds every neuron's bias and then its weights,
 * layer by layer and neuron by neuron (model.ts's parameterPlaces, the one
 * order of the parameters; the loops below walk it in place); neuron j of layer
 * l has index `start[l + 1] + j` in `values` and `deltas`, whose first
 * `sizes[0]` slots hold the inputs, so that layer 0 reads them like any other.
 */
export class Trainer {
	private readonly layerCount: number;
	private readonly sizes: Int32Array;
	private readonly start: Int32Array;
	private readonly paramStart: Int32Array;
	/** Each layer's f and f', from the activations table. */
	private readonly f: Activation['f'][];
	private readonly fPrime: Activation['fPrime'][];
	private readonly activationNames: ActivationName[];
	/** The net trained: its shape and activations (its numbers are `params`'). */
	private readonly shape: Net;
	private readonly params: Float64Array;
	private readonly values: Float64Array;
	private readonly deltas: Float64Array;
	private readonly targets: Float64Array;
	private readonly errorSums: Float64Array;
	/** Per layer, Σ |δ| over its neurons and the iterations since the last report. */
	private readonly deltaSums: Float64Array;
	private readonly filler: SampleFiller;
	private readonly rate: number;
	private readonly reportEvery: number;
	private readonly kernel: Kernel | undefined;
	/** The next iteration's global index. */
	private next: number;
	/** Iterations since the last report. */
	private unreported = 0;
	private nextReport: number;

	constructor(net: Net, learningRate: number, source: DataSource, options: TrainerOptions = {}) {
		const problem = shapeProblem(net);
		if (problem) throw new Error(problem);
		if (!Number.isFinite(learningRate))
			throw new Error('the learning rate must be a finite number');
		const { iteration = 0, reportEvery = 10_000_000 } = options;
		if (!Number.isSafeInteger(iteration) || iteration < 0)
			throw new Error('the first iteration must be a whole number ≥ 0');
		if (!Number.isSafeInteger(reportEvery) || reportEvery < 1)
			throw new Error('reportEvery must be a whole number ≥ 1');
		const sizes = layerSizes(net);
		const L = net.layers.length;
		this.layerCount = L;
		this.sizes = Int32Array.from(sizes);
		this.start = new Int32Array(L + 2);
		this.paramStart = new Int32Array(L + 1);
		for (let l = 0; l <= L; l++) this.start[l + 1] = this.start[l] + sizes[l];
		for (let l = 0; l < L; l++)
			this.paramStart[l + 1] = this.paramStart[l] + (sizes[l] + 1) * sizes[l + 1];
		this.activationNames = net.layers.map((layer) => layer.activation);
		({ f: this.f, fPrime: this.fPrime } = layerActivations(this.activationNames));
		this.shape = net;
		this.params = Float64Array.from(parameterValues(net));
		this.values = new Float64Array(this.start[L + 1]);
		this.deltas = new Float64Array(this.start[L + 1]);
		this.targets = new Float64Array(sizes[L]);
		this.errorSums = new Float64Array(sizes[L]);
		this.deltaSums = new Float64Array(L);
		this.filler = new SampleFiller(source, sizes[0], sizes[L]);
		this.rate = learningRate;
		this.reportEvery = reportEvery;
		this.next = iteration;
		this.nextReport = Math.ceil(iteration / reportEvery) * reportEvery;
		const sampler = this.filler.kernelSampler;
		this.kernel =
			options.compile === false || !sampler
				? undefined
				: compileKernel({ sizes, activations: this.activationNames, sampler });
	}

	/** Whether runs use the compiled kernel (see kernel.ts) rather than the generic loop. */
	get compiled(): boolean {
		return this.kernel !== undefined;
	}

	/** The global index of the next iteration to run. */
	get iteration(): number {
		return this.next;
	}

	/**
	 * Runs `count` iterations and returns the reports that fell due: one at
	 * every iteration i with i % reportEvery === 0, averaging the error % of the
	 * iterations since the previous report (so iteration 0 is reported alone).
	 * Chunks add up: run(a) then run(b) does exactly what run(a + b) does.
	 */
	run(count: number): Report[] {
		if (!Number.isSafeInteger(count) || count < 0)
			throw new Error('the iteration count must be a whole number ≥ 0');
		const reports: Report[] = [];
		const end = this.next + count;
		while (this.next < end) {
			// Straight up to and including the next report's iteration, then report.
			this.iterate(Math.min(end, this.nextReport + 1) - this.next);
			if (this.next === this.nextReport + 1) {
				reports.push(this.report(false));
				this.nextReport += this.reportEvery;
			}
		}
		return reports;
	}

	/** The partial report of the iterations run since the last report, if any; then none are left. */
	finish(): Report | undefined {
		return this.unreported > 0 ? this.report(true) : undefined;
	}

	/** Whether every bias and weight is still finite: a large learning rate can overflow them. */
	finite(): boolean {
		return this.params.every(Number.isFinite);
	}

	/** The current parameters as a Net. */
	net(): Net {
		return withParameterValues(this.shape, this.params);
	}

	private report(partial: boolean): Report {
		const count = this.unreported;
		const errorsPercent = Array.from(this.errorSums, (sum) => sum / count);
		const meanAbsDelta = Array.from(this.deltaSums, (sum, l) => sum / (count * this.sizes[l + 1]));
		this.errorSums.fill(0);
		this.deltaSums.fill(0);
		this.unreported = 0;
		return { iteration: this.next - 1, count, errorsPercent, meanAbsDelta, partial };
	}

	/** `count` whole iterations, by the compiled kernel if there is one. */
	private iterate(count: number): void {
		const end = this.next + count;
		const kernel = this.kernel;
		// The kernel's generator counters are exact up to KERNEL_MAX_ITERATION (2^50).
		if (kernel && end <= KERNEL_MAX_ITERATION) {
			const { params, errorSums, deltaSums, filler, rate } = this;
			const { key, tableInputs, tableTargets } = filler;
			const [first, k] = [this.next, key | 0];
			kernel(params, errorSums, deltaSums, first, end, rate, k, tableInputs, tableTargets);
			this.next = end;
			this.unreported += count;
		} else this.loop(count);
	}

	/** The generic hot loop: `count` whole iterations, everything hoisted into locals. */
	private loop(count: number): void {
		const { layerCount: L, sizes, start, paramStart, f, fPrime, params } = this;
		const { values, deltas, targets, errorSums, deltaSums, filler, rate } = this;
		const outputStart = start[L];
		const outputEnd = start[L + 1];
		const lastSlope = fPrime[L - 1];
		let outputDeltas = deltaSums[L - 1];
		const first = this.next;
		const end = first + count;
		for (let k = first; k < end; k++) {
			filler.fill(k, values, 0, targets);

			// Forward: z = b + Σ w·a, a = f(z), layer by layer.
			let p = 0;
			for (let l = 0; l < L; l++) {
				const m = sizes[l];
				const inStart = start[l];
				const outEnd = start[l + 2];
				const activate = f[l];
				for (let o = start[l + 1]; o < outEnd; o++, p += m + 1)
					values[o] = activate(weightedSum(params, p, values, inStart, m));
			}

			// The article's error %, as loss.ts's errorPercent computes it; last layer δ = f'(a)·(a − t).
			for (let o = outputStart; o < outputEnd; o++) {
				const a = values[o];
				const t = targets[o - outputStart];
				errorSums[o - outputStart] += a === t ? 0 : (Math.abs(t - a) / Math.abs(t)) * 100;
				const d = lastSlope(a) * (a - t);
				deltas[o] = d;
				outputDeltas += Math.abs(d);
			}
			deltaSums[L - 1] = outputDeltas;

			// Backward through the other layers, last first: δ_j = f'(a_j)·Σ_q δ_q w_qj.
			for (let l = L - 2; l >= 0; l--) {
				const n = sizes[l + 1];
				const nextStart = start[l + 2];
				const nextEnd = start[l + 3];
				const slope = fPrime[l];
				let w = paramStart[l + 1] + 1; // w_qj of layer l + 1 is at w + q·(n + 1) + j
				let layerDeltas = deltaSums[l];
				for (let o = start[l + 1]; o < nextStart; o++, w++) {
					let sum = 0;
					for (let q = nextStart; q < nextEnd; q++)
						sum += deltas[q] * params[w + (q - nextStart) * (n + 1)];
					const d = slope(values[o]) * sum;
					deltas[o] = d;
					layerDeltas += Math.abs(d);
				}
				deltaSums[l] = layerDeltas;
			}

			// Train, after every δ is known: b ← b − δ·η, w_ji ← w_ji − (a_i δ_j)·η.
			p = 0;
			for (let l = 0; l < L; l++) {
				const m = sizes[l];
				const inStart = start[l];
				const outEnd = start[l + 2];
				for (let o = start[l + 1]; o < outEnd; o++, p += m + 1)
					descend(params, p, values, inStart, m, deltas[o], rate);
			}
		}
		this.next = end;
		this.unreported += count;
	}
}

/** A trainer for `net` from its current parameters. See Trainer. */
export function createTrainer(
	net: Net,
	learningRate: number,
	source: DataSource,
	options?: TrainerOptions
): Trainer {
	return new Trainer(net, learningRate, source, options);
}
