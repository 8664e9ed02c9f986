/**
 * The columns a pass computes (Forward's z and a, Backward's δ) kept at the
 * right edge of a layer's table while the weights scroll beneath them, so
 * that a phone shows what a step changed without scrolling sideways. CSS
 * (cells.css, `.layer-grid[data-computed]`) makes the last columns sticky;
 * this measures what CSS cannot know: how far from the edge each one sits
 * (the widths of the sticky columns after it), and whether the table
 * overflows its pane at all (only then is there anything beneath to shade).
 */
import type { Attachment } from 'svelte/attachments';

/** Attachment for a table's scrolling pane, with `count` columns stuck to its right edge. */
export function stickyEnd(count: number): Attachment<HTMLElement> {
	return (pane) => {
		const measure = () => {
			const head = pane.querySelector('thead tr');
			if (!head) return;
			const cells = [...head.children];
			let right = 0;
			for (let k = 1; k <= count; k++) {
				pane.style.setProperty(`--end-${k}`, `${right}px`);
				right += cells.at(-k)?.getBoundingClientRect().width ?? 0;
			}
			// Focus and scrolling into view leave a cell clear of the frozen columns on either side.
			pane.style.scrollPaddingRight = `${right}px`;
			pane.style.scrollPaddingLeft = `${cells[0]?.getBoundingClientRect().width ?? 0}px`;
			pane.toggleAttribute('data-overflowing', pane.scrollWidth > pane.clientWidth + 1);
		};
		// A cell that shows more digits (focused, edited) widens its column, and so the table.
		const observer = new ResizeObserver(measure);
		observer.observe(pane);
		const table = pane.querySelector('table');
		if (table) observer.observe(table);
		return () => observer.disconnect();
	};
}
