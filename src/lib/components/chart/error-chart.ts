/**
 * The error-% chart as data: for each output a line of its average error %
 * per report against the report's iteration, with axes and ticks already in
 * pixels. ErrorChart.svelte only draws it.
 */
import type { Report } from '$lib/engine/fast/trainer.ts';
import { formatCount, formatPercent } from '$lib/state/run-format.ts';
import { axis, linePath, plottable, scale, type Axis } from './scales.ts';

/** One colour per output, readable on white and told apart by marker shape too. */
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

interface PlacedTick {
	readonly at: number;
	readonly label: string;
}

interface ChartPoint {
	readonly x: number;
	readonly y: number;
	/** For a hover title: which iteration, which output, what error %. */
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

/** One run's reports, named (a seed) when the chart compares several. */
export interface Curves {
	readonly name: string;
	readonly reports: readonly Report[];
}

/** Per output when runs are compared: solid, dashed, dotted, … (the runs differ by colour and marker). */
const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'];

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
	/** Error % values the chart cannot draw (∞, NaN, or 0 on a log axis): the table has them. */
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

/**
 * On a log x axis a report sits at its iteration + 1 (the iterations run
 * from 0 up to it), so that iteration 0's report has a place.
 */
export function errorChart(
	reports: readonly Report[],
	labels: readonly string[],
	options: ChartOptions
): ChartModel {
	return curvesChart([{ name: '', reports }], labels, options);
}

/**
 * Several runs' error % on one chart. One run: a line per output, told apart
 * by colour and marker. Several: each run its colour and marker, each output
 * its dash, and a legend of both.
 */
export function curvesChart(
	runs: readonly Curves[],
	labels: readonly string[],
	options: ChartOptions
): ChartModel {
	const { width, height, logX, logY } = options;
	const reports = runs.flatMap((r) => r.reports);
	const compared = runs.length > 1;
	const xOf = (r: Report) => (logX ? r.iteration + 1 : r.iteration);
	const xAxis: Axis = axis(logX ? 'log' : 'linear', reports.map(xOf));
	const all = reports.flatMap((r) => r.errorsPercent);
	const yAxis: Axis = axis(logY ? 'log' : 'linear', all, { unit: '%', zero: true });
	const left = MARGIN.left;
	const right = Math.max(left + 40, width - MARGIN.right);
	const top = MARGIN.top;
	const bottom = Math.max(top + 40, height - MARGIN.bottom);
	const sx = scale(xAxis, left, right);
	const sy = scale(yAxis, bottom, top);
	const place = (a: Axis, s: (x: number) => number) =>
		a.ticks.map((t) => ({ at: s(t.value), label: t.label }));
	const outputs = reports[0]?.errorsPercent.length ?? labels.length;
	const markers = outputs * reports.length <= MAX_MARKERS;
	let missing = 0;
	const outputLabel = (k: number) => labels[k] ?? `output ${k}`;
	const series = runs.flatMap((run, n) =>
		Array.from({ length: outputs }, (_, k): ChartSeries => {
			const label = compared ? `${run.name}, ${outputLabel(k)}` : outputLabel(k);
			const style = compared ? n : k;
			return {
				...line(run.reports, k, label),
				label,
				colour: SERIES_COLOURS[style % SERIES_COLOURS.length],
				marker: style,
				dash: compared ? DASHES[k % DASHES.length] : undefined
			};
		})
	);
	const legend: LegendEntry[] = compared
		? [
				...runs.map((run, n) => ({
					label: run.name,
					colour: SERIES_COLOURS[n % SERIES_COLOURS.length],
					marker: n,
					dash: undefined
				})),
				...Array.from({ length: outputs }, (_, k) => ({
					label: outputLabel(k),
					colour: '#4b5563',
					marker: undefined,
					dash: DASHES[k % DASHES.length] ?? ''
				}))
			]
		: series.map(({ label, colour, marker }) => ({ label, colour, marker, dash: undefined }));

	function line(reports: readonly Report[], k: number, label: string) {
		const placed = reports.map((r) => {
			const e = r.errorsPercent[k];
			if (!plottable(yAxis.kind, e) || !plottable(xAxis.kind, xOf(r))) {
				missing++;
				return undefined;
			}
			return { x: sx(xOf(r)), y: sy(e), report: r };
		});
		const points = markers
			? placed
					.filter((p) => p !== undefined)
					.map(({ x, y, report: r }) => ({
						x,
						y,
						title: `iteration ${formatCount(r.iteration)}: ${label} ${formatPercent(r.errorsPercent[k])}`,
						partial: r.partial
					}))
			: [];
		return { path: linePath(placed), points };
	}
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
		yTitle: logY ? 'average error % (log scale)' : 'average error %',
		series,
		legend,
		markers,
		missing
	};
}

/**
 * Output k's marker at (x, y), so the lines differ by shape as well as
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
