/**
 * Where each iteration's inputs and targets come from. Sample k (the sample of
 * iteration k, 0-based) is a pure function of the source and k.
 */
import { STREAM, hash32, streamKey, uniform } from './random.ts';

export interface Sample {
	readonly inputs: readonly number[];
	readonly targets: readonly number[];
}

export const GENERATOR_NAMES = ['rectangle', 'xor'] as const;
export type GeneratorName = (typeof GENERATOR_NAMES)[number];

export type DataSource =
	/** The notebook's own inputs and targets, every iteration. */
	| { readonly kind: 'fixed'; readonly sample: Sample }
	/** An explicit table of samples, walked in order and round again. */
	| { readonly kind: 'table'; readonly samples: readonly Sample[] }
	/** A seeded generator. */
	| { readonly kind: 'generator'; readonly name: GeneratorName; readonly seed: number };

/**
 * The article's rectangle: width and height uniform in [0.1, 1); targets are
 * the area and the circumference scaled by 0.25 so that both lie in (0, 1).
 */
export function rectangleSample(key: number, k: number): Sample {
	const width = 0.1 + 0.9 * uniform(key, 2 * k);
	const height = 0.1 + 0.9 * uniform(key, 2 * k + 1);
	return { inputs: [width, height], targets: [width * height, (height * 2 + width * 2) * 0.25] };
}

const XOR_TABLE: readonly Sample[] = [
	{ inputs: [0, 0], targets: [0] },
	{ inputs: [0, 1], targets: [1] },
	{ inputs: [1, 0], targets: [1] },
	{ inputs: [1, 1], targets: [0] }
];

/** One of XOR's four rows, chosen uniformly. */
function xorSample(key: number, k: number): Sample {
	return XOR_TABLE[hash32((key + Math.imul(k + 1, 0x6d2b79f5)) | 0) >>> 30];
}

export const GENERATORS: Readonly<
	Record<
		GeneratorName,
		{ inputs: number; targets: number; sample: (key: number, k: number) => Sample }
	>
> = {
	rectangle: { inputs: 2, targets: 2, sample: rectangleSample },
	xor: { inputs: 2, targets: 1, sample: xorSample }
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
