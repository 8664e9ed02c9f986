import { describe, it, expect } from 'vitest';
import { gradientChart, gradientRows, layerLabels } from './gradient-chart.ts';

describe('the gradient chart', () => {
	const reports = [
		{ iteration: 0, count: 1, meanAbsDelta: [0.02, 0.3], partial: false },
		{ iteration: 1000, count: 1000, meanAbsDelta: [2e-7, 0.1], partial: false },
		{ iteration: 1499, count: 499, meanAbsDelta: [0, 0.05], partial: true }
	];

	it('draws one line per layer on a log scale, leaving out a 0 it cannot place', () => {
		const chart = gradientChart(reports, layerLabels(2), { logX: false, width: 600, height: 300 });
		expect(chart.series.map((s) => s.label)).toEqual(['Layer 0', 'Layer 1 (output)']);
		expect(chart.yTitle).toBe('mean |δ| (log scale)');
		expect(chart.series[0].points).toHaveLength(2);
		expect(chart.series[1].points).toHaveLength(3);
		expect(chart.missing).toBe(1);
		// 2e−7 to 0.3 spans decades: the ticks are powers of ten.
		expect(chart.yTicks.map((t) => t.label)).toContain('1e−6');
		expect(chart.series[0].points[1].title).toBe('iteration 1,000: Layer 0 2e−7');
	});

	it('gives the table every number in full and as shown', () => {
		const rows = gradientRows(reports);
		expect(rows[1]).toEqual({
			iteration: '1,000',
			over: '1,000',
			cells: [
				{ value: '2e-7', text: '2e−7' },
				{ value: '0.1', text: '0.1' }
			]
		});
		expect(rows[2].over).toBe('499 (partial)');
	});
});
