/**
 * The arithmetic of a windowed table (rows and columns of one fixed size,
 * only those in view drawn): which span of items a scrolled viewport shows,
 * and where to scroll to bring one item into view. Plain numbers, no DOM.
 */
import { sameFields } from '$lib/state/kept.ts';

/** Items `start` (inclusive) to `end` (exclusive). */
export interface Span {
	readonly start: number;
	readonly end: number;
}

/** A table with more cells than this, or more rows or columns, is windowed: drawn a screenful at a time. */
const WINDOWED_CELLS = 600;
const WINDOWED_LENGTH = 32;

/**
 * The items of `size` px, `count` of them, that a viewport `extent` px long
 * scrolled to `offset` shows, with `overscan` more either side, so that a
 * small scroll or an arrow key finds its cell already drawn.
 */
export function visibleSpan(
	offset: number,
	extent: number,
	size: number,
	count: number,
	overscan: number
): Span {
	const first = Math.floor(Math.max(0, offset) / size);
	const last = Math.ceil((Math.max(0, offset) + Math.max(extent, size)) / size);
	return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/**
 * The scroll offset that shows item `index` whole in a viewport `extent` px
 * long now scrolled to `offset`, moving as little as possible (as
 * `scrollIntoView({ block: 'nearest' })` does): unchanged when it shows already.
 */
export function revealOffset(index: number, size: number, offset: number, extent: number): number {
	const top = index * size;
	if (top < offset) return top;
	if (top + size > offset + extent) return Math.max(0, top + size - extent);
	return offset;
}

/** Whether a table of `rows` × `columns` cells is windowed rather than drawn whole. */
export const windowed = (rows: number, columns: number): boolean =>
	rows > WINDOWED_LENGTH || columns > WINDOWED_LENGTH || rows * columns > WINDOWED_CELLS;

/**
 * `next`, or `now` itself when every number is the same: a step redraws a
 * windowed table's cells and its resize measures again; the same sizes must
 * not wake the window's spans.
 */
export function kept<T extends Record<string, number>>(now: T, next: T): T {
	return sameFields(now, next) ? now : next;
}
