import { describe, it, expect } from 'vitest';
import { axis, compact, linePath, nice, scale } from './scales.ts';
import { errorChart } from './error-chart.ts';

describe('chart scales', () => {
	it('rounds to 1, 2 or 5 × 10ⁿ', () => {
		expect(nice(3.2, true)).toBe(5);
		expect(nice(3.2, false)).toBe(2);
		expect(nice(20_000_000, true)).toBe(20_000_000);
		expect(nice(0.07, true)).toBe(0.1);
	});

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
		expect(linePath([{ x: 0, y: 1 }, { x: 2, y: 3 }, undefined, { x: 4, y: 5 }])).toBe(
			'M0.0 1.0L2.0 3.0M4.0 5.0'
		);
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
