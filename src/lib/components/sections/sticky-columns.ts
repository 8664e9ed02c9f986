/**
 * The columns a pass computes (Forward's z and a, Backward's δ) kept at the
 * right edge of a layer's table while the weights scroll beneath them, so
 * that a phone shows what a step changed without scrolling sideways. CSS
 * (cells.css, `.layer-grid[data-computed]`) makes the last columns sticky;
 * this measures what CSS cannot know: how far from the edge each one sits
 * (the widths of the sticky columns after it), and whether the table
 * overflows its pane at all (only then is there anything beneath to shade).
 * It also brings a focused cell out from beneath the frozen columns, which
 * the browser's own scrolling into view does not know about.
 */
import type { Attachment } from 'svelte/attachments';

/**
 * How far to scroll sideways so that a cell spanning `left`…`right` shows in
 * the gap `start`…`end` between the frozen columns: as little as it can, and
 * never past the cell's left edge (a cell wider than the gap is drawn over
 * the frozen columns on the right, cells.css).
 */
export function revealDelta(left: number, right: number, start: number, end: number): number {
	if (left < start) return left - start;
	if (right > end) return Math.min(right - end, left - start);
	return 0;
}

/** A pane's frozen columns: how many stick to its right edge, and what was measured. */
interface Pane {
	readonly element: HTMLElement;
	readonly count: number;
	readonly widths: { start: number; end: number };
	readonly offsets: string[];
}

/** Every pane on the page, by itself and by its table (both are observed). */
const panes = new Map<Element, Pane>();
let observer: ResizeObserver | undefined;

/**
 * One observer for every pane: at load all of them report in one callback,
 * and reading them all before writing any lays the page out once. With an
 * observer each, one pane's writes made the next one's reads lay it out again.
 */
function resized(entries: ResizeObserverEntry[]) {
	const changed = new Set(entries.map((entry) => panes.get(entry.target)));
	const writes = [...changed].map((pane) => pane && measure(pane));
	for (const write of writes) write?.();
}

/** Reads one pane's columns; returns the writes that change something (an unchanged property would still restyle the table). */
function measure(pane: Pane): (() => void) | undefined {
	const { element, count, widths, offsets } = pane;
	// A section off screen skips layout (content-visibility, Section.svelte): reading a width
	// there would lay it out, and at load every table is read. The observer calls again once
	// it is on screen and laid out.
	if (!element.checkVisibility({ contentVisibilityAuto: true })) return;
	const head = element.querySelector('thead tr');
	if (!head) return;
	const cells = [...head.children];
	const next: string[] = [];
	let right = 0;
	for (let k = 1; k <= count; k++) {
		next.push(`${right}px`);
		right += cells.at(-k)?.getBoundingClientRect().width ?? 0;
	}
	widths.start = cells[0]?.getBoundingClientRect().width ?? 0;
	widths.end = right;
	const overflowing = element.scrollWidth > element.clientWidth + 1;
	return () => {
		next.forEach((offset, k) => {
			if (offsets[k] !== offset) element.style.setProperty(`--end-${k + 1}`, offset);
			offsets[k] = offset;
		});
		if (element.hasAttribute('data-overflowing') !== overflowing)
			element.toggleAttribute('data-overflowing', overflowing);
	};
}

/**
 * Attachment for a table's scrolling pane, with `count` columns stuck to its
 * right edge. With none (Train's table), its neuron column is still frozen and
 * a focused cell, grown to its full-precision number, is still brought into view.
 */
export function stickyEnd(count: number): Attachment<HTMLElement> {
	return (element) => {
		const pane: Pane = { element, count, widths: { start: 0, end: 0 }, offsets: [] };
		// A cell that shows more digits (focused, edited) widens its column, and so the table.
		observer ??= new ResizeObserver(resized);
		const table = element.querySelector('table');
		const watched = table ? [element, table] : [element];
		for (const target of watched) {
			panes.set(target, pane);
			observer.observe(target);
		}

		const reveal = (event: FocusEvent) => {
			const cell = (event.target as Element).closest('td');
			const row = cell?.parentElement;
			if (!cell || !row || [...row.children].indexOf(cell) >= row.children.length - count) return;
			// After the focused cell has grown to its full-precision number.
			requestAnimationFrame(() => {
				const box = element.getBoundingClientRect();
				const at = cell.getBoundingClientRect();
				element.scrollLeft += revealDelta(
					at.left,
					at.right,
					box.left + pane.widths.start,
					box.left + element.clientWidth - pane.widths.end
				);
			});
		};
		element.addEventListener('focusin', reveal);
		return () => {
			for (const target of watched) {
				observer?.unobserve(target);
				panes.delete(target);
			}
			element.removeEventListener('focusin', reveal);
		};
	};
}
