/**
 * The geometry of the error-% chart: domains, ticks and paths for linear or
 * log axes. Pure, so the component only draws what this returns.
 */
import { formatNumber } from '$lib/tex/numbers.ts';

export type AxisKind = 'linear' | 'log';

export interface Tick {
	readonly value: number;
	readonly label: string;
}

export interface Axis {
	readonly kind: AxisKind;
	readonly domain: readonly [number, number];
	readonly ticks: readonly Tick[];
}

/** Whether `x` can be placed on an axis of this kind (log axes take positive numbers only). */
export const plottable = (kind: AxisKind, x: number) =>
	Number.isFinite(x) && (kind === 'linear' || x > 0);

/** 1 2 5 × 10^k: the first at or above `x` (up) or at or below it (down). */
export function nice(x: number, up: boolean): number {
	if (!(x > 0)) return 0;
	const decade = 10 ** Math.floor(Math.log10(x));
	const steps = up ? [1, 2, 5, 10] : [10, 5, 2, 1];
	const found = steps
		.map((m) => m * decade)
		.find((v) => (up ? v >= x * (1 - 1e-12) : v <= x * (1 + 1e-12)));
	return found ?? decade;
}

/** A number short, to `digits` significant digits: 10000000 → "10M", 2500 → "2.5k", 0.001 → "0.001", −0.5 → "−0.5". */
export function compact(x: number, digits = 3): string {
	const abs = Math.abs(x);
	const trim = (v: number) => formatNumber(v, digits);
	if (abs >= 1e9) return `${trim(x / 1e9)}G`;
	if (abs >= 1e6) return `${trim(x / 1e6)}M`;
	if (abs >= 1e3) return `${trim(x / 1e3)}k`;
	return trim(x);
}

export interface AxisOptions {
	/** Appended to tick labels, e.g. '%'. */
	readonly unit?: string;
	/** A linear axis reaches down to 0 (for sizes); otherwise it starts near the smallest value. */
	readonly zero?: boolean;
}

/** An axis over `values`; those it cannot place (non-finite, or ≤ 0 on a log axis) are ignored. */
export function axis(kind: AxisKind, values: readonly number[], options: AxisOptions = {}): Axis {
	const { unit = '', zero = false } = options;
	const xs = values.filter((x) => plottable(kind, x));
	const label = (value: number) => `${compact(value)}${unit}`;
	if (kind === 'log') {
		const low = xs.length ? Math.floor(Math.log10(Math.min(...xs))) : 0;
		const high = xs.length ? Math.max(low + 1, Math.ceil(Math.log10(Math.max(...xs)))) : 1;
		const ticks: Tick[] = [];
		// Decades only, unless there are too few to read values between them.
		const between = high - low <= 2 ? [1, 2, 5] : [1];
		for (let e = low; e <= high; e++)
			for (const m of between) {
				const value = m * 10 ** e;
				if (value <= 10 ** high * (1 + 1e-9)) ticks.push({ value, label: label(value) });
			}
		return { kind, domain: [10 ** low, 10 ** high], ticks };
	}
	let low = xs.length ? Math.min(...xs, ...(zero ? [0] : [])) : 0;
	let high = xs.length ? Math.max(...xs) : 1;
	// One value (a run's first report, at iteration 1,000,000 say): span from 0 to it.
	if (high === low) [low, high] = [Math.min(low, 0), Math.max(high, 0)];
	if (high === low) high = low + 1;
	const step = nice((high - low) / 5, true);
	low = Math.floor(low / step) * step;
	high = Math.ceil(high / step - 1e-9) * step;
	// Enough digits that neighbouring ticks read differently (1,000,000 to 1,000,004 by 1).
	const digits = Math.max(
		3,
		Math.ceil(Math.log10(Math.max(Math.abs(low), Math.abs(high)) / step)) + 1
	);
	const ticks: Tick[] = [];
	for (let v = low; v <= high + step / 2; v += step) {
		const value = Number(v.toPrecision(12));
		ticks.push({ value, label: `${compact(value, digits)}${unit}` });
	}
	return { kind, domain: [low, high], ticks };
}

/** Maps axis values onto [from, to] pixels. */
export function scale(a: Axis, from: number, to: number): (x: number) => number {
	const f = a.kind === 'log' ? Math.log10 : (x: number) => x;
	const [d0, d1] = a.domain.map(f);
	return (x) => from + ((f(x) - d0) / (d1 - d0)) * (to - from);
}

/** An SVG path through `points`, broken wherever a point is missing (undefined). */
export function linePath(points: readonly ({ x: number; y: number } | undefined)[]): string {
	let d = '';
	let pen = false;
	for (const p of points) {
		if (!p) {
			pen = false;
			continue;
		}
		d += `${pen ? 'L' : 'M'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
		pen = true;
	}
	return d;
}
