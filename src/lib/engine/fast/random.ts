/**
 * Seeded, random-access uniform numbers. Draw `n` of stream `key` is a pure
 * function of (key, n): mulberry32's output function applied to its n-th
 * state. Random access means that sample k of a data set can be produced
 * without producing samples 0..k−1, so the notebook, the fast trainer and the
 * worker agree on every sample wherever they start.
 */

/** mulberry32's state increment (the golden ratio's fraction of 2³²): draw n's state is key + n·GOLDEN. */
export const GOLDEN = 0x6d2b79f5;

/** mulberry32's output for the state `state` (a 32-bit integer). */
export function hash32(state: number): number {
	let t = Math.imul(state ^ (state >>> 15), state | 1);
	t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
	return (t ^ (t >>> 14)) >>> 0;
}

/** The key of stream `stream` for a user's `seed`: independent streams per use. */
export function streamKey(seed: number, stream: number): number {
	return hash32((Math.imul(seed | 0, 0x9e3779b1) + Math.imul(stream, GOLDEN)) | 0);
}

/** Draw n of stream `key` as a double uniform in [0, 1) with 53 random bits. */
export function uniform(key: number, n: number): number {
	const hi = hash32((key + Math.imul(2 * n + 1, GOLDEN)) | 0) >>> 5; // 27 bits
	const lo = hash32((key + Math.imul(2 * n + 2, GOLDEN)) | 0) >>> 6; // 26 bits
	return (hi * 67108864 + lo) / 9007199254740992;
}

/** Streams of one seed. */
export const STREAM = { init: 1, data: 2 } as const;
