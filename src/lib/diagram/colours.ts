/**
 * How a number becomes the diagram's colour: the scale it is measured on, a
 * diverging ramp apart for colour-blind readers, and the ink that contrasts
 * with each fill.
 */

/** What the diagram's colours show: the values and weights, or their gradients. */
export type ColourMode = 'values' | 'gradients';

/** The largest finite |x| among the numbers shown, or 0. */
function maxMagnitude(xs: Iterable<number | undefined>): number {
	let max = 0;
	for (const x of xs) if (x !== undefined && Number.isFinite(x)) max = Math.max(max, Math.abs(x));
	return max;
}

/** Values are coloured on tanh's range, widened when a value lies outside it. */
export const valueScale = (xs: Iterable<number | undefined>) => Math.max(1, maxMagnitude(xs));

/** Gradients are coloured relative to the largest one shown. */
export const gradientScale = (xs: Iterable<number | undefined>) => maxMagnitude(xs) || 1;

/** `x / scale` clamped to [−1, 1]; NaN stays NaN. */
export const normalise = (x: number, scale: number) => Math.min(1, Math.max(-1, x / scale));

type Rgb = readonly [number, number, number];
const NEUTRAL: Rgb = [247, 247, 247];
/** ColorBrewer's RdBu blues and PuOr oranges: apart for every common colour-vision deficiency. */
const NEGATIVE: readonly Rgb[] = [NEUTRAL, [146, 197, 222], [67, 147, 195], [33, 102, 172]];
const POSITIVE: readonly Rgb[] = [NEUTRAL, [253, 184, 99], [224, 130, 20], [179, 88, 6]];
export const NOT_A_NUMBER_COLOUR = '#7a7f87';

const hex = (rgb: Rgb) =>
	`#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * Blue for t < 0, near-white at 0, orange for t > 0, for t in [−1, 1].
 * `floor` lifts small magnitudes off white (links must stay visible on paper).
 */
export function divergingColour(t: number, floor = 0): string {
	if (Number.isNaN(t)) return NOT_A_NUMBER_COLOUR;
	if (t === 0) return hex(NEUTRAL);
	const stops = t < 0 ? NEGATIVE : POSITIVE;
	const u = (floor + (1 - floor) * Math.min(1, Math.abs(t))) * (stops.length - 1);
	const k = Math.min(stops.length - 2, Math.floor(u));
	const f = u - k;
	return hex(stops[k].map((c, n) => c + (stops[k + 1][n] - c) * f) as unknown as Rgb);
}

const INK = '#1b1f24';
const luminance = (colour: string) => {
	const [r, g, b] = [1, 3, 5].map((p) => {
		const c = parseInt(colour.slice(p, p + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** White or ink, whichever contrasts more with the `#rrggbb` fill behind the text. */
export function inkOn(fill: string): string {
	const l = luminance(fill);
	return 1.05 / (l + 0.05) > (l + 0.05) / (luminance(INK) + 0.05) ? '#ffffff' : INK;
}
