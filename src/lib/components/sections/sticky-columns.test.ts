import { describe, expect, it } from 'vitest';
import { revealDelta } from './sticky-columns.ts';

// A pane whose gap between the frozen columns runs from 60 to 160 px.
const [start, end] = [60, 160];

describe('revealDelta', () => {
	it('leaves a cell that shows whole in the gap where it is', () => {
		expect(revealDelta(70, 150, start, end)).toBe(0);
	});

	it('scrolls a cell beneath the neuron column right into view', () => {
		expect(revealDelta(20, 100, start, end)).toBe(-40);
	});

	it('scrolls a cell beneath the computed columns left, just enough', () => {
		expect(revealDelta(120, 200, start, end)).toBe(40);
	});

	it('puts a cell wider than the gap at its start, never cutting its left edge', () => {
		expect(revealDelta(140, 300, start, end)).toBe(80);
		expect(revealDelta(30, 200, start, end)).toBe(-30);
	});
});
