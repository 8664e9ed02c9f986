import { expect, test } from 'vitest';
import { strongestLinks } from './strongest.ts';

test('a net with no more links than the cap draws every one', () => {
	expect(strongestLinks([0.1, -0.2, undefined], [0, 0, 0], 3)).toEqual([0, 1, 2]);
});

test('beyond the cap, the links largest in magnitude are drawn, in their own order', () => {
	const numbers = [0.1, -0.9, 0.3, 0.05, -0.4, 0.2];
	expect(strongestLinks(numbers, [], 3)).toEqual([1, 2, 4]);
});

test('a link not computed yet ranks by its weight, and an overflowed one ranks first', () => {
	const numbers = [undefined, 0.5, NaN, 0.1, undefined];
	const weights = [0.9, 0, 0, 0, 0.2];
	expect(strongestLinks(numbers, weights, 2)).toEqual([0, 2]);
	expect(strongestLinks(numbers, weights, 3)).toEqual([0, 1, 2]);
});

test('ties at the threshold fill the cap first come first, never past it', () => {
	expect(strongestLinks([0.5, 0.5, 0.5, 0.5, 1], [], 3)).toEqual([0, 1, 4]);
});
