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
	targets[0] = width * height;
	targets[1] = (height * 2 + width * 2) * 0.25;
};

/** One of XOR's four rows r, chosen uniformly: [0,0]→0, [0,1]→1, [1,0]→1, [1,1]→0, the inputs r's two bits. */
export const fillXor: Fill = (key, k, inputs, at, targets) => {
	const r = hash32((key + Math.imul(k + 1, GOLDEN)) | 0) >>> 30;
	inputs[at] = r >>> 1;
	inputs[at + 1] = r & 1;
	targets[0] = (r >>> 1) ^ (r & 1);
};

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
