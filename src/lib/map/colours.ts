/**
 * The learned-function map's one diverging colour scale (blue below zero,
 * white at zero, red above, symmetric so that output, target and their
 * difference compare at a glance), its pixels, its legend and a line plot's
 * path. Pure: the components only draw what these return.
 */
import { scaleLinear } from 'd3-scale';
import { formatNumber } from '$lib/tex/numbers.ts';

/** RGB at −m, 0 and +m (ColorBrewer's RdBu ends, readable for the common colour blindnesses). */
const STOPS = [
	[33, 102, 172],
	[247, 247, 247],
	[178, 24, 43]
] as const;

export const LEGEND_GRADIENT = `linear-gradient(to right, ${STOPS.map((c) => `rgb(${c.join(' ')})`).join(', ')})`;

/** The largest |x| over every series, so one scale fits them all (1 when all are 0 or none is finite). */
export function spread(series: readonly ArrayLike<number>[]): number {
	let m = 0;
	for (const values of series)
		for (let i = 0; i < values.length; i++) {
			const x = Math.abs(values[i]);
			if (Number.isFinite(x) && x > m) m = x;
		}
	return m > 0 ? m : 1;
}

/**
 * RGBA pixels of a grid of `cols` × `rows` values on the scale ±m, row 0 of
 * the grid (the lowest y) at the bottom of the image, as a plot has it. A
 * value that is not finite is drawn black.
 */
export function pixels(values: ArrayLike<number>, cols: number, rows: number, m: number) {
	const channels = [0, 1, 2].map((c) =>
		scaleLinear<number>()
			.domain([-m, 0, m])
			.range(STOPS.map((stop) => stop[c]))
			.clamp(true)
	);
	const data = new Uint8ClampedArray(cols * rows * 4);
	for (let row = 0; row < rows; row++)
		for (let col = 0; col < cols; col++) {
			const x = values[row * cols + col];
			const at = ((rows - 1 - row) * cols + col) * 4;
			const finite = Number.isFinite(x);
			for (let c = 0; c < 3; c++) data[at + c] = finite ? channels[c](x) : 0;
			data[at + 3] = 255;
		}
	return data;
}

/** The legend's labels: −m, 0 and +m. */
export function legendLabels(m: number): [string, string, string] {
	const label = formatNumber(m, 3);
	return [`−${label}`, '0', label];
}

/** Where a point of inputs lies on a map, each coordinate from 0 (left, bottom) to 1. */
export function place(
	x: number,
	y: number,
	xRange: readonly [number, number],
	yRange: readonly [number, number]
): { u: number; v: number } {
	const along = (t: number, [from, to]: readonly [number, number]) =>
		to === from ? 0.5 : (t - from) / (to - from);
	return { u: along(x, xRange), v: along(y, yRange) };
}

/** A line plot's points, in a box of `width` × `height`, for values on the scale ±m (SVG polyline). */
export function polyline(values: ArrayLike<number>, width: number, height: number, m: number) {
	const n = values.length;
	const points: string[] = [];
	for (let i = 0; i < n; i++) {
		const x = n === 1 ? width / 2 : (width * i) / (n - 1);
		const y = height / 2 - (values[i] / m) * (height / 2);
		if (Number.isFinite(y)) points.push(`${x.toFixed(2)},${y.toFixed(2)}`);
	}
	return points.join(' ');
}
