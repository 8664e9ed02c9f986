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

/**
 * Attachment for a table's scrolling pane, with `count` columns stuck to its
 * right edge. With none (Train's table), its neuron column is still frozen and
 * a focused cell, grown to its full-precision number, is still brought into view.
 */
export function stickyEnd(count: number): Attachment<HTMLElement> {
	return (pane) => {
		const widths = { start: 0, end: 0 };
		const offsets: string[] = [];
		// All reads first, then only the writes that change something: a write between reads would
		// lay the page out again for each, and an unchanged property would still restyle the table.
		const measure = () => {
			// A section off screen skips layout (content-visibility, Section.svelte): reading a width
			// there would lay it out, and at load every table is read. The observer calls again once
			// it is on screen and laid out.
			if (!pane.checkVisibility({ contentVisibilityAuto: true })) return;
			const head = pane.querySelector('thead tr');
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
			const overflowing = pane.scrollWidth > pane.clientWidth + 1;
			next.forEach((offset, k) => {
				if (offsets[k] !== offset) pane.style.setProperty(`--end-${k + 1}`, offset);
				offsets[k] = offset;
			});
			if (pane.hasAttribute('data-overflowing') !== overflowing)
				pane.toggleAttribute('data-overflowing', overflowing);
		};
		// A cell that shows more digits (focused, edited) widens its column, and so the table.
		const observer = new ResizeObserver(measure);
		observer.observe(pane);
		const table = pane.querySelector('table');
		if (table) observer.observe(table);

		const reveal = (event: FocusEvent) => {
			const cell = (event.target as Element).closest('td');
			const row = cell?.parentElement;
			if (!cell || !row || [...row.children].indexOf(cell) >= row.children.length - count) return;
			// After the focused cell has grown to its full-precision number.
			requestAnimationFrame(() => {
				const box = pane.getBoundingClientRect();
				const at = cell.getBoundingClientRect();
				pane.scrollLeft += revealDelta(
					at.left,
					at.right,
					box.left + widths.start,
					box.left + pane.clientWidth - widths.end
				);
			});
		};
		pane.addEventListener('focusin', reveal);
		return () => {
			observer.disconnect();
			pane.removeEventListener('focusin', reveal);
		};
	};
}
