/**
 * A chart of reports as data: for each series (an output, a layer) a line of
 * one number per report against the report's iteration, with axes and ticks
 * already in pixels. The error-% chart (ErrorChart.svelte) and the gradient
 * chart (gradient-chart.ts, GradientChart.svelte) are two uses; the components only draw.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import type { Report } from '$lib/engine/fast/trainer.ts';
import { axis, linePath, plottable, scale, type Axis } from './scales.ts';

/** One colour per series, readable on white and told apart by marker shape too. */
const SERIES_COLOURS = [
	'#1d4ed8',
	'#c2410c',
	'#15803d',
	'#7e22ce',
	'#0e7490',
	'#a16207',
	'#be123c',
	'#4d7c0f'
];

/** Per series when runs are compared: solid, dashed, dotted, … (the runs differ by colour and marker). */
const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'];

interface PlacedTick {
	readonly at: number;
	readonly label: string;
}

interface ChartPoint {
	readonly x: number;
	readonly y: number;
	/** For a hover title: which iteration, which series, what number. */
	readonly title: string;
	/** A partial report (a run's leftover iterations) is drawn hollow. */
	readonly partial: boolean;
}

interface ChartSeries {
	readonly label: string;
	readonly colour: string;
	/** Which marker shape (markerPath's k). */
	readonly marker: number;
	/** The line's stroke-dasharray; undefined for solid. */
	readonly dash: string | undefined;
	readonly path: string;
	readonly points: readonly ChartPoint[];
}

/** A legend entry: a colour with its marker, or (marker undefined) a line's dash. */
interface LegendEntry {
	readonly label: string;
	readonly colour: string;
	readonly marker: number | undefined;
	readonly dash: string | undefined;
}

/** One run's reports, named (a seed) when a chart compares several. */
export interface Run<R> {
	readonly name: string;
	readonly reports: readonly R[];
}

export interface ChartModel {
	readonly width: number;
	readonly height: number;
	/** The plotting area, in pixels. */
	readonly left: number;
	readonly right: number;
	readonly top: number;
	readonly bottom: number;
	readonly xTicks: readonly PlacedTick[];
	readonly yTicks: readonly PlacedTick[];
	readonly xTitle: string;
	readonly yTitle: string;
	readonly series: readonly ChartSeries[];
	readonly legend: readonly LegendEntry[];
	/** Whether the points have markers: not when there are more than MAX_MARKERS. */
	readonly markers: boolean;
	/** Values the chart cannot draw (∞, NaN, or 0 on a log axis): the table has them. */
	readonly missing: number;
}

export interface ChartOptions {
	readonly logX: boolean;
	readonly logY: boolean;
	readonly width: number;
	readonly height: number;
}

const MARGIN = { left: 52, right: 14, top: 10, bottom: 34 };

/**
 * The most points drawn with a marker (and a hover title). A run at the
 * limits (1,000 reports × 256 outputs) has 256,000: the lines alone, then,
 * and the report table for the numbers.
 */
export const MAX_MARKERS = 2000;

/** What a chart reads of a report: where it sits, and whether it is a partial one. */
export type ChartReport = Pick<Report, 'iteration' | 'partial'>;

/** What one use of the chart says: its y axis, and each number in words. */
export interface ChartText {
	/** The y axis' title, "(log scale)" added on a log axis. */
	readonly yTitle: string;
	/** Appended to y tick labels, e.g. '%'. */
	readonly unit: string;
	/** A value as the hover title and the table write it. */
	readonly format: (x: number) => string;
	/** A series' name when `labels` has none for it. */
	readonly fallback: (k: number) => string;
}

/**
 * On a log x axis a report sits at its iteration + 1 (the iterations run
 * from 0 up to it), so that iteration 0's report has a place. `values(r)`
 * holds report r's number for each series. One run: a line per series, told
 * apart by colour and marker. Several (seeds compared): each run its colour
 * and marker, each series its dash, all on one pair of axes, and a legend of both.
 */
export function reportChart<R extends ChartReport>(
	runs: readonly Run<R>[],
	values: (r: R) => readonly number[],
	labels: readonly string[],
	options: ChartOptions,
	text: ChartText
): ChartModel {
	const { width, height, logX, logY } = options;
	const reports = runs.flatMap((run) => run.reports);
	const compared = runs.length > 1;
	const xOf = (r: R) => (logX ? r.iteration + 1 : r.iteration);
	const xAxis: Axis = axis(logX ? 'log' : 'linear', reports.map(xOf));
	const all = reports.flatMap(values);
	const yAxis: Axis = axis(logY ? 'log' : 'linear', all, { unit: text.unit, zero: true });
	const left = MARGIN.left;
	const right = Math.max(left + 40, width - MARGIN.right);
	const top = MARGIN.top;
	const bottom = Math.max(top + 40, height - MARGIN.bottom);
	const sx = scale(xAxis, left, right);
	const sy = scale(yAxis, bottom, top);
	const place = (a: Axis, s: (x: number) => number) =>
		a.ticks.map((t) => ({ at: s(t.value), label: t.label }));
	const count = reports.length > 0 ? values(reports[0]).length : labels.length;
	const markers = count * reports.length <= MAX_MARKERS;
	const colour = (n: number) => SERIES_COLOURS[n % SERIES_COLOURS.length];
	const seriesLabel = (k: number) => labels[k] ?? text.fallback(k);
	let missing = 0;
	function line(reports: readonly R[], k: number, label: string) {
		const placed = reports.map((r) => {
			const v = values(r)[k];
			if (!plottable(yAxis.kind, v) || !plottable(xAxis.kind, xOf(r))) {
				missing++;
				return undefined;
			}
			return { x: sx(xOf(r)), y: sy(v), report: r, v };
		});
		const points = markers
			? placed
					.filter((p) => p !== undefined)
					.map(({ x, y, report: r, v }) => ({
						x,
						y,
						title: `iteration ${formatCount(r.iteration)}: ${label} ${text.format(v)}`,
						partial: r.partial
					}))
			: [];
		return { path: linePath(placed), points };
	}
	const series = runs.flatMap((run, n) =>
		Array.from({ length: count }, (_, k): ChartSeries => {
			const label = compared ? `${run.name}, ${seriesLabel(k)}` : seriesLabel(k);
			const style = compared ? n : k;
			const dash = compared ? DASHES[k % DASHES.length] : undefined;
			return { label, colour: colour(style), marker: style, dash, ...line(run.reports, k, label) };
		})
	);
	const legend: LegendEntry[] = compared
		? [
				...runs.map((run, n) => ({
					label: run.name,
					colour: colour(n),
					marker: n,
					dash: undefined
				})),
				...Array.from({ length: count }, (_, k) => ({
					label: seriesLabel(k),
					colour: '#4b5563',
					marker: undefined,
					dash: DASHES[k % DASHES.length] ?? ''
				}))
			]
		: series.map(({ label, colour, marker }) => ({ label, colour, marker, dash: undefined }));
	return {
		width,
		height,
		left,
		right,
		top,
		bottom,
		xTicks: place(xAxis, sx),
		yTicks: place(yAxis, sy),
		xTitle: logX ? 'iterations run (log scale)' : 'iteration',
		yTitle: logY ? `${text.yTitle} (log scale)` : text.yTitle,
		series,
		legend,
		markers,
		missing
	};
}

/**
 * Series k's marker at (x, y), so the lines differ by shape as well as
 * colour: circle, square, triangle, diamond, then again.
 */
export function markerPath(k: number, x: number, y: number, r = 3.5): string {
	const p = (dx: number, dy: number) => `${(x + dx).toFixed(1)} ${(y + dy).toFixed(1)}`;
	switch (k % 4) {
		case 0:
			return `M${p(-r, 0)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
		case 1:
			return `M${p(-r, -r)}L${p(r, -r)}L${p(r, r)}L${p(-r, r)}Z`;
		case 2:
			return `M${p(0, -r * 1.2)}L${p(r * 1.1, r * 0.8)}L${p(-r * 1.1, r * 0.8)}Z`;
		default:
			return `M${p(0, -r * 1.3)}L${p(r * 1.3, 0)}L${p(0, r * 1.3)}L${p(-r * 1.3, 0)}Z`;
	}
}
