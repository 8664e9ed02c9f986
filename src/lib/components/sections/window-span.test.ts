import { describe, expect, test } from 'vitest';
import { revealOffset, visibleSpan, windowed } from './window-span.ts';

describe('visibleSpan', () => {
	test('a viewport at the top shows the items that fit, and the overscan after them', () => {
		// 100 px of 20 px items: items 0–4 whole, plus 2 more.
		expect(visibleSpan(0, 100, 20, 64, 2)).toEqual({ start: 0, end: 7 });
	});

	test('a viewport scrolled part-way into an item shows that item and the overscan before it', () => {
		// 130 px down: item 6 is cut at its top, 130 + 100 = 230 reaches into item 11.
		expect(visibleSpan(130, 100, 20, 64, 1)).toEqual({ start: 5, end: 13 });
	});

	test('the span never runs past either end of the items', () => {
		expect(visibleSpan(1200, 100, 20, 64, 3)).toEqual({ start: 57, end: 64 });
		expect(visibleSpan(-40, 100, 20, 3, 3)).toEqual({ start: 0, end: 3 });
	});

	test('a viewport shorter than one item still shows that item', () => {
		expect(visibleSpan(40, 0, 20, 10, 0)).toEqual({ start: 2, end: 3 });
	});
});

describe('revealOffset', () => {
	test('an item already in view leaves the scroll where it is', () => {
		expect(revealOffset(3, 20, 40, 100)).toBe(40);
	});

	test('an item above the view scrolls up to its top', () => {
		expect(revealOffset(1, 20, 40, 100)).toBe(20);
	});

	test('an item below the view scrolls down until its bottom edge shows', () => {
		// item 10 spans 200–220; a 100 px view must start at 120.
		expect(revealOffset(10, 20, 40, 100)).toBe(120);
	});
});

test('tables up to 600 cells and 32 rows or columns are drawn whole, bigger ones are windowed', () => {
	expect(windowed(3, 5)).toBe(false);
	expect(windowed(20, 30)).toBe(false);
	expect(windowed(32, 5)).toBe(false);
	expect(windowed(33, 5)).toBe(true);
	expect(windowed(2, 33)).toBe(true);
	expect(windowed(30, 21)).toBe(true);
	expect(windowed(64, 67)).toBe(true);
});
