import { expect, it } from 'vitest';
import { curvesChart } from './error-chart.ts';

const report = (iteration: number, errorsPercent: number[]) => ({
	iteration,
	count: 10,
	errorsPercent,
	partial: false
});
const options = { logX: false, logY: false, width: 600, height: 300 };

it('compares runs by colour and marker, and their outputs by dash, with a legend of both', () => {
	const runs = [1, 2].map((seed) => ({
		name: `seed ${seed}`,
		reports: [report(10, [seed, 2 * seed]), report(20, [seed / 2, seed])]
	}));
	const chart = curvesChart(runs, ['area', 'circumference'], options);
	expect(chart.series.map((s) => [s.label, s.marker, s.dash])).toEqual([
		['seed 1, area', 0, undefined],
		['seed 1, circumference', 0, '7 4'],
		['seed 2, area', 1, undefined],
		['seed 2, circumference', 1, '7 4']
	]);
	expect(chart.series[0].colour).toBe(chart.series[1].colour);
	expect(chart.series[0].colour).not.toBe(chart.series[2].colour);
	expect(chart.legend.map((e) => [e.label, e.marker, e.dash])).toEqual([
		['seed 1', 0, undefined],
		['seed 2', 1, undefined],
		['area', undefined, ''],
		['circumference', undefined, '7 4']
	]);
	// One y axis for all: seed 2's circumference (4 %) is the highest point, at the top.
	const top = Math.min(...chart.series.flatMap((s) => s.points.map((p) => p.y)));
	expect(chart.series[3].points[0].y).toBe(top);
});
