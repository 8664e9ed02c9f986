import { describe, it, expect } from 'vitest';
import { axis, compact, linePath, scale } from './scales.ts';
import { errorChart } from './error-chart.ts';
import { MAX_MARKERS } from './report-chart.ts';

describe('chart scales', () => {
	it('writes ticks short', () => {
		expect(compact(10_000_000)).toBe('10M');
		expect(compact(2500)).toBe('2.5k');
		expect(compact(0.001)).toBe('0.001');
		expect(compact(0)).toBe('0');
	});

	it('spans whole decades on a log axis, with 2 and 5 between when there are only a few', () => {
		const wide = axis('log', [0.47, 223.1, 0, -1, NaN, Infinity], { unit: '%' });
		expect(wide.domain).toEqual([0.1, 1000]);
		expect(wide.ticks.map((t) => t.label)).toEqual(['0.1%', '1%', '10%', '100%', '1k%']);
		const narrow = axis('log', [2.1, 17.9]);
		expect(narrow.ticks.map((t) => t.value)).toEqual([1, 2, 5, 10, 20, 50, 100]);
	});

	it('puts a linear axis on nice steps, from 0 when asked', () => {
		const x = axis('linear', [0, 10_000_000, 99_999_999]);
		expect(x.domain).toEqual([0, 100_000_000]);
		expect(x.ticks.map((t) => t.label)).toEqual(['0', '20M', '40M', '60M', '80M', '100M']);
		const later = axis('linear', [100_000_000, 150_000_000]);
		expect(later.domain[0]).toBe(100_000_000);
		expect(axis('linear', [3, 4], { zero: true }).domain[0]).toBe(0);
	});

	it('gives every linear tick its own label, even for one value or a narrow span of big ones', () => {
		const one = axis('linear', [1_000_000]);
		expect(one.domain).toEqual([0, 1_000_000]);
		expect(one.ticks.map((t) => t.label)).toEqual(['0', '200k', '400k', '600k', '800k', '1M']);
		const narrow = axis('linear', [1_000_000, 1_000_004]).ticks.map((t) => t.label);
		expect(narrow).toEqual(['1M', '1.000001M', '1.000002M', '1.000003M', '1.000004M']);
		expect(axis('linear', [-3]).ticks.map((t) => t.value)).toEqual([-3, -2, -1, 0]);
	});

	it('maps values to pixels, log axes by their logarithm', () => {
		const s = scale(axis('log', [1, 100]), 0, 200);
		expect([s(1), s(10), s(100)]).toEqual([0, 100, 200]);
		expect(scale(axis('linear', [0, 10]), 100, 0)(5)).toBe(50);
	});

	it('breaks a line where a point is missing', () => {
		expect(linePath([{ x: 0, y: 1 }, { x: 2.04, y: 3 }, undefined, { x: 4, y: 5 }])).toBe(
			'M0,1L2,3M4,5Z'
		);
		expect(linePath([])).toBe('');
	});

	it('places many values without spreading them into one call', () => {
		const many = Array.from({ length: 300_000 }, (_, i) => i / 1000);
		expect(axis('linear', many, { zero: true }).domain).toEqual([0, 300]);
		expect(axis('log', many).domain).toEqual([0.001, 1000]);
	});

	it('gives a log axis of one value a decade, and huge spans a few decades', () => {
		expect(axis('log', [100]).domain).toEqual([100, 1000]);
		expect(axis('log', []).domain).toEqual([1, 10]);
		const huge = axis('log', [1e-200, 1e250]);
		expect(huge.domain).toEqual([1e-200, 1e250]);
		expect(huge.ticks.length).toBeLessThan(20);
	});
});

describe('the error-% chart', () => {
	const reports = [
		{ iteration: 0, count: 1, errorsPercent: [223.106, 13.175], partial: false },
		{ iteration: 10_000_000, count: 10_000_000, errorsPercent: [17.861, 1.123], partial: false },
		{ iteration: 19_999_999, count: 9_999_999, errorsPercent: [Infinity, 0.79], partial: true }
	];

	it('draws one line per output with its label, and counts what it cannot draw', () => {
		const chart = errorChart(reports, ['area', 'circumference'], {
			logX: false,
			logY: true,
			width: 600,
			height: 300
		});
		expect(chart.series.map((s) => s.label)).toEqual(['area', 'circumference']);
		expect(chart.markers).toBe(true);
		expect(chart.series[0].points).toHaveLength(2);
		expect(chart.series[1].points).toHaveLength(3);
		expect(chart.missing).toBe(1);
		expect(chart.series[1].points[2]).toMatchObject({
			partial: true,
			title: 'iteration 19,999,999: circumference 0.790%'
		});
		// Higher error is higher up: a smaller y pixel.
		expect(chart.series[0].points[0].y).toBeLessThan(chart.series[0].points[1].y);
		expect(chart.series[0].points[0].x).toBe(chart.left);
	});

	it('places iteration 0 at 1 on a log x axis', () => {
		const chart = errorChart(reports, [], { logX: true, logY: true, width: 600, height: 300 });
		expect(chart.series[1].points).toHaveLength(3);
		expect(chart.series[1].points[0].x).toBe(chart.left);
		expect(chart.xTitle).toContain('log');
		expect(chart.series[0].label).toBe('output 0');
	});
});

describe('the error-% chart at the app’s limits', () => {
	// MAX_REPORTS reports of a net with the most outputs a layer may have.
	const outputs = 256;
	const reports = Array.from({ length: 1000 }, (_, i) => ({
		iteration: (i + 1) * 1000,
		count: 1000,
		errorsPercent: Array.from({ length: outputs }, (_, k) => 100 / (1 + i) + k / 1000),
		partial: false
	}));

	it('draws 1,000 reports × 256 outputs on linear and log axes', () => {
		for (const logY of [false, true]) {
			const chart = errorChart(reports, [], { logX: !logY, logY, width: 600, height: 300 });
			expect(chart.series).toHaveLength(outputs);
			expect(chart.missing).toBe(0);
			expect(chart.yTicks.length).toBeGreaterThan(1);
			expect(chart.series[outputs - 1].path).toMatch(/^M/);
			expect(chart.series[outputs - 1].path.split('L')).toHaveLength(reports.length);
			// 256,000 points: the lines alone.
			expect(chart.markers).toBe(false);
			expect(chart.series[0].points).toEqual([]);
		}
	});
});

it('draws markers up to MAX_MARKERS points', () => {
	const reports = (n: number) =>
		Array.from({ length: n }, (_, i) => ({
			iteration: i,
			count: 1,
			errorsPercent: [1 + i, 2 + i],
			partial: false
		}));
	const options = { logX: false, logY: false, width: 600, height: 300 };
	expect(errorChart(reports(MAX_MARKERS / 2), [], options).markers).toBe(true);
	expect(errorChart(reports(MAX_MARKERS / 2 + 1), [], options).markers).toBe(false);
});
