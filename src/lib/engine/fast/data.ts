/**
 * Where each iteration's inputs and targets come from. Sample k (the sample of
 * iteration k, 0-based) is a pure function of the source and k.
 */
import type { Sample } from '../maths/model.ts';
import { GOLDEN, STREAM, hash32, streamKey, uniform } from './random.ts';

export const GENERATOR_NAMES = ['rectangle', 'xor'] as const;
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

export type DataSource =
	/** The notebook's own inputs and targets, every iteration. */
	| { readonly kind: 'fixed'; readonly sample: Sample }
	/** An explicit table of samples, walked in order and round again. */
	| { readonly kind: 'table'; readonly samples: readonly Sample[] }
	/** A seeded generator. */
	| { readonly kind: 'generator'; readonly name: GeneratorName; readonly seed: number };

/** Numbers written in place: a sample's inputs or targets (a Float64Array in the fast trainer). */
type Row = { [i: number]: number };

/**
 * Writes generated sample k: its inputs at `inputs[at…]` and its targets at
 * `targets[0…]`. The one definition of each generator, for the notebook
 * (sampleAt) and the fast trainer's sampler.ts alike; the generated kernel
 * (kernel-source.ts) inlines the same arithmetic, and the parity tests hold it
 * to these.
 */
type Fill = (key: number, k: number, inputs: Row, at: number, targets: Row) => void;

/**
 * The article's rectangle: width and height uniform in [0.1, 1); targets are
 * the area and the circumference scaled by 0.25 so that both lie in (0, 1).
 */
export const fillRectangle: Fill = (key, k, inputs, at, targets) => {
	const width = 0.1 + 0.9 * uniform(key, 2 * k);
	const height = 0.1 + 0.9 * uniform(key, 2 * k + 1);
	inputs[at] = width;
	inputs[at + 1] = height;
	rectangleTargets(width, height, targets);
};

/** The rectangle's rule: area, and circumference × 0.25. */
function rectangleTargets(width: number, height: number, targets: Row): void {
	targets[0] = width * height;
	targets[1] = (height * 2 + width * 2) * 0.25;
}

/** One of XOR's four rows r, chosen uniformly: [0,0]→0, [0,1]→1, [1,0]→1, [1,1]→0, the inputs r's two bits. */
export const fillXor: Fill = (key, k, inputs, at, targets) => {
	const r = hash32((key + Math.imul(k + 1, GOLDEN)) | 0) >>> 30;
	inputs[at] = r >>> 1;
	inputs[at + 1] = r & 1;
	xorTargets(inputs[at], inputs[at + 1], targets);
};

/** XOR's rule, on the whole square: each input is a bit from 0.5 up (its rows' inputs are 0 or 1). */
function xorTargets(a: number, b: number, targets: Row): void {
	targets[0] = Number(a >= 0.5) ^ Number(b >= 0.5);
}

/** Generated sample k as an object, for a generator of `inputs` inputs and `targets` targets. */
const sampleOf =
	(fill: Fill, inputs: number, targets: number) =>
	(key: number, k: number): Sample => {
		const sample = {
			inputs: new Array<number>(inputs).fill(0),
			targets: new Array<number>(targets).fill(0)
		};
		fill(key, k, sample.inputs, 0, sample.targets);
		return sample;
	};

export const rectangleSample = sampleOf(fillRectangle, 2, 2);

export const GENERATORS: Readonly<
	Record<
		GeneratorName,
		{ inputs: number; targets: number; sample: (key: number, k: number) => Sample }
	>
> = {
	rectangle: { inputs: 2, targets: 2, sample: rectangleSample },
	xor: { inputs: 2, targets: 1, sample: sampleOf(fillXor, 2, 1) }
};

/**
 * A generator's rule: the targets at any point of its input square, which
 * the learned-function map draws against the net's outputs. The same
 * functions the generators use for their samples.
 */
export const RULES: Readonly<Record<GeneratorName, (inputs: readonly number[]) => number[]>> = {
	rectangle: ([width, height]) => {
		const targets = [0, 0];
		rectangleTargets(width, height, targets);
		return targets;
	},
	xor: ([a, b]) => {
		const targets = [0];
		xorTargets(a, b, targets);
		return targets;
	}
};

export function generatorKey(seed: number): number {
	return streamKey(seed, STREAM.data);
}

/** The sample of iteration k. */
export function sampleAt(source: DataSource, k: number): Sample {
	switch (source.kind) {
		case 'fixed':
			return source.sample;
		case 'table':
			return source.samples[k % source.samples.length];
		case 'generator':
			return GENERATORS[source.name].sample(generatorKey(source.seed), k);
	}
}
