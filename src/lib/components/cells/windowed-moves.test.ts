import { expect, test } from 'vitest';
import { moveIn } from './windowed-moves.ts';

test('arrow moves go one cell, and stop at the edges of the whole grid', () => {
	expect(moveIn([5, 3], 'down', 64, 67)).toEqual([6, 3]);
	expect(moveIn([5, 3], 'up', 64, 67)).toEqual([4, 3]);
	expect(moveIn([5, 3], 'left', 64, 67)).toEqual([5, 2]);
	expect(moveIn([5, 3], 'right', 64, 67)).toEqual([5, 4]);
	expect(moveIn([63, 3], 'down', 64, 67)).toBeUndefined();
	expect(moveIn([0, 0], 'up', 64, 67)).toBeUndefined();
	expect(moveIn([0, 66], 'right', 64, 67)).toBeUndefined();
});

test('Tab runs along a row and on to the start of the next; Shift+Tab goes back', () => {
	expect(moveIn([2, 66], 'next', 64, 67)).toEqual([3, 0]);
	expect(moveIn([3, 0], 'previous', 64, 67)).toEqual([2, 66]);
	expect(moveIn([63, 66], 'next', 64, 67)).toBeUndefined();
});

test('Home and End go to the ends of the row', () => {
	expect(moveIn([9, 30], 'home', 64, 67)).toEqual([9, 0]);
	expect(moveIn([9, 30], 'end', 64, 67)).toEqual([9, 66]);
});
