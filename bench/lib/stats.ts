/** Small helpers the benchmarks share: medians and how figures are printed. */

export const median = (xs: readonly number[]): number => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Iterations per second as millions, two decimals: "6.36". */
export const millions = (perSecond: number): string =>
	Number.isFinite(perSecond) ? (perSecond / 1e6).toFixed(2) : '-';

/** Nanoseconds per iteration: "157.2 ns". */
export const nanoseconds = (perSecond: number): string =>
	Number.isFinite(perSecond) ? `${(1e9 / perSecond).toFixed(1)} ns` : '-';

/** A ratio to three decimals: "1.042". */
export const ratio = (a: number, b: number): string =>
	Number.isFinite(a / b) ? (a / b).toFixed(3) : '-';

/** A table row: each cell right-aligned to its column's width. */
export const row = (cells: readonly string[], widths: readonly number[]): string =>
	cells.map((c, i) => c.padStart(widths[i])).join('  ');
