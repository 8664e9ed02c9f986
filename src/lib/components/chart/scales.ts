/**
 * The geometry of the error-% chart: domains, ticks and paths for linear or
 * log axes, by d3 (its scales loop over the values, so a run at the app's
 * limits — 1,000 reports × 256 outputs — does not overflow the stack as a
 * spread into Math.min did). Pure, so the component only draws what this returns.
 */
import { extent, tickStep } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { formatNumber } from '$lib/tex/numbers.ts';

export type AxisKind = 'linear' | 'log';

interface Tick {
	readonly value: number;
	readonly label: string;
}

export interface Axis {
	readonly kind: AxisKind;
	readonly domain: readonly [number, number];
	readonly ticks: readonly Tick[];
}

/** About this many steps on a linear axis: 0 to 10,000 by 2,000, 0 to 400% by 100. */
const LINEAR_STEPS = 4;

/** Whether `x` can be placed on an axis of this kind (log axes take positive numbers only). */
export const plottable = (kind: AxisKind, x: number) =>
	Number.isFinite(x) && (kind === 'linear' || x > 0);

/** A number short, to `digits` significant digits: 10000000 → "10M", 2500 → "2.5k", 0.001 → "0.001", −0.5 → "−0.5". */
export function compact(x: number, digits = 3): string {
	const abs = Math.abs(x);
	const trim = (v: number) => formatNumber(v, digits);
	if (abs >= 1e9) return `${trim(x / 1e9)}G`;
	if (abs >= 1e6) return `${trim(x / 1e6)}M`;
	if (abs >= 1e3) return `${trim(x / 1e3)}k`;
	return trim(x);
}

interface AxisOptions {
	/** Appended to tick labels, e.g. '%'. */
	readonly unit?: string;
	/** A linear axis reaches down to 0 (for sizes); otherwise it starts near the smallest value. */
	readonly zero?: boolean;
}

/** Whether `x` is m × 10ⁿ for one of the mantissas `ms`. */
const hasMantissa = (x: number, ms: readonly number[]) => {
	const m = x / 10 ** Math.floor(Math.log10(x));
	return ms.some((v) => Math.abs(m - v) < 1e-9 || Math.abs(m - 10 * v) < 1e-8);
};

/** An axis over `values`; those it cannot place (non-finite, or ≤ 0 on a log axis) are ignored. */
export function axis(kind: AxisKind, values: readonly number[], options: AxisOptions = {}): Axis {
	const { unit = '', zero = false } = options;
	const [min, max] = extent(values.filter((x) => plottable(kind, x)));
	if (kind === 'log') {
		const [low, high] = scaleLog()
			.domain([min ?? 1, max ?? 10])
			.nice()
			.domain();
		// At least one decade, so that one value still has an axis around it.
		const s = scaleLog().domain([low, high > low ? high : low * 10]);
		const [d0, d1] = s.domain();
		// Decades only, unless there are too few to read values between them.
		const between = Math.log10(d1 / d0) <= 2 + 1e-9 ? [1, 2, 5] : [1];
		const ticks = s
			.ticks()
			.filter((v) => hasMantissa(v, between))
			.map((value) => ({ value, label: `${compact(value)}${unit}` }));
		return { kind, domain: [d0, d1], ticks };
	}
	let low = min ?? 0;
	let high = max ?? 1;
	if (zero) low = Math.min(low, 0);
	// One value (a run's first report, at iteration 1,000,000 say): span from 0 to it.
	if (high === low) [low, high] = [Math.min(low, 0), Math.max(high, 0)];
	if (high === low) high = low + 1;
	const s = scaleLinear().domain([low, high]).nice(LINEAR_STEPS);
	const [d0, d1] = s.domain();
	const step = tickStep(d0, d1, LINEAR_STEPS);
	// Enough digits that neighbouring ticks read differently (1,000,000 to 1,000,004 by 1).
	const digits = Math.max(
		3,
		Math.ceil(Math.log10(Math.max(Math.abs(d0), Math.abs(d1)) / step)) + 1
	);
	const ticks = s
		.ticks(LINEAR_STEPS)
		.map((value) => ({ value, label: `${compact(value, digits)}${unit}` }));
	return { kind, domain: [d0, d1], ticks };
}

/** Maps axis values onto [from, to] pixels. */
export function scale(a: Axis, from: number, to: number): (x: number) => number {
	const s = a.kind === 'log' ? scaleLog() : scaleLinear();
	return s.domain(a.domain).range([from, to]);
}

type Point = { x: number; y: number } | undefined;

const path = line<Point>()
	.defined((p) => p !== undefined)
	.x((p) => p!.x)
	.y((p) => p!.y)
	.digits(1);

/** An SVG path through `points`, broken wherever a point is missing (undefined). */
export function linePath(points: readonly Point[]): string {
	return path(points) ?? '';
}
