/**
 * The error-% chart as data: for each output a line of its average error %
 * per report against the report's iteration (report-chart.ts), for one run or
 * several compared. ErrorChart.svelte only draws it.
 */
import type { Report } from '$lib/engine/fast/trainer.ts';
import { formatPercent } from '$lib/state/run-format.ts';
import {
	reportChart,
	type ChartModel,
	type ChartOptions,
	type ChartReport,
	type Run
} from './report-chart.ts';

const TEXT = {
	yTitle: 'average error %',
	unit: '%',
	format: formatPercent,
	fallback: (k: number) => `output ${k}`
};

type ErrorReport = ChartReport & Pick<Report, 'errorsPercent'>;

export function errorChart(
	reports: readonly ErrorReport[],
	labels: readonly string[],
	options: ChartOptions
): ChartModel {
	return curvesChart([{ name: '', reports }], labels, options);
}

/** Several runs' error % on one chart (seeds compared): each run its colour, each output its dash. */
export function curvesChart(
	runs: readonly Run<ErrorReport>[],
	labels: readonly string[],
	options: ChartOptions
): ChartModel {
	return reportChart(runs, (r) => r.errorsPercent, labels, options, TEXT);
}
