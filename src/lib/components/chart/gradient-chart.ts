/**
 * The gradient chart as data: for each layer a line of its mean |δ| per
 * report (trainer.ts's Report.meanAbsDelta) against the report's iteration,
 * always on a log y axis, where a gradient that vanishes layer by layer shows
 * as lines decades apart; and the same numbers as table rows, its text
 * alternative. GradientChart.svelte only draws them.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import type { Report } from '$lib/engine/fast/trainer.ts';
import { formatGradient } from '$lib/state/run-format.ts';
import { reportChart, type ChartModel, type ChartReport } from './report-chart.ts';

type GradientReport = ChartReport & Pick<Report, 'count' | 'meanAbsDelta'>;

/** Layer l as the Forward, Backward and Train tables caption it: "Layer 2 (output)" for the last. */
export function layerLabels(layers: number): string[] {
	return Array.from(
		{ length: layers },
		(_, l) => `Layer ${l}${l === layers - 1 ? ' (output)' : ''}`
	);
}

const TEXT = {
	yTitle: 'mean |δ|',
	unit: '',
	format: formatGradient,
	fallback: (k: number) => `Layer ${k}`
};

export function gradientChart(
	reports: readonly GradientReport[],
	labels: readonly string[],
	options: { logX: boolean; width: number; height: number }
): ChartModel {
	return reportChart(
		[{ name: '', reports }],
		(r) => r.meanAbsDelta,
		labels,
		{ ...options, logY: true },
		TEXT
	);
}

interface GradientCell {
	/** String(x): every digit, for tests and copying. */
	readonly value: string;
	readonly text: string;
}

interface GradientRow {
	readonly iteration: string;
	readonly over: string;
	readonly cells: readonly GradientCell[];
}

/** The table's rows: iteration, iterations averaged, then each layer's mean |δ|. */
export function gradientRows(reports: readonly GradientReport[]): GradientRow[] {
	return reports.map((r) => ({
		iteration: formatCount(r.iteration),
		over: `${formatCount(r.count)}${r.partial ? ' (partial)' : ''}`,
		cells: r.meanAbsDelta.map((x) => ({ value: String(x), text: formatGradient(x) }))
	}));
}
