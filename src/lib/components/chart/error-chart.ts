/**
 * The error-% chart as data: for each output a line of its average error %
 * per report against the report's iteration (report-chart.ts). ErrorChart.svelte only draws it.
 */
import type { Report } from '$lib/engine/fast/trainer.ts';
import { formatPercent } from '$lib/state/run-format.ts';
import {
	reportChart,
	type ChartModel,
	type ChartOptions,
	type ChartReport
} from './report-chart.ts';

const TEXT = {
	yTitle: 'average error %',
	unit: '%',
	format: formatPercent,
	fallback: (k: number) => `output ${k}`
};

export function errorChart(
	reports: readonly (ChartReport & Pick<Report, 'errorsPercent'>)[],
	labels: readonly string[],
	options: ChartOptions
): ChartModel {
	return reportChart(reports, (r) => r.errorsPercent, labels, options, TEXT);
}
