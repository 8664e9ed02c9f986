/**
 * A cell's refusal message as the learner meets it: beside the cell, over the
 * page (a popover in the top layer, so no table's scroll pane clips it), and
 * gone as soon as they move on. It takes no clicks (pointer-events: none in
 * cells.css), so the cell under it is always the one clicked.
 */

/** Room between the cell and its message, and between the message and the window's edge. */
const GAP = 4;

/** The cell a message belongs to: the one it sits in (a popover stays where it is in the document). */
const cellOf = (message: HTMLElement) => message.closest<HTMLElement>('[role="gridcell"]')!;

/**
 * Attachment for the message: shows it (as a popover where the browser has
 * them), just below its cell, or above when the window has no room below, and
 * keeps it there while the page or a table scrolls.
 */
export function anchored(message: HTMLElement) {
	const cell = cellOf(message);
	if (message.isConnected && 'showPopover' in message) message.showPopover();
	const place = () => {
		const box = cell.getBoundingClientRect();
		const own = message.getBoundingClientRect();
		const below = box.bottom + GAP + own.height <= innerHeight;
		const top = below ? box.bottom + GAP : Math.max(GAP, box.top - GAP - own.height);
		const left = Math.max(GAP, Math.min(box.left, innerWidth - own.width - GAP));
		message.style.top = `${top}px`;
		message.style.left = `${left}px`;
	};
	place();
	addEventListener('scroll', place, { capture: true, passive: true });
	addEventListener('resize', place);
	return () => {
		removeEventListener('scroll', place, { capture: true });
		removeEventListener('resize', place);
	};
}

/**
 * Attachment for the message: calls `dismiss` once the learner moves on from
 * its cell — focus or a press anywhere else, or Escape. What was already under
 * way when the message appeared (the click on another cell that ended the
 * edit) does not count: that move is what showed it.
 */
export function dismissedOnMove(dismiss: () => void) {
	return (message: HTMLElement) => {
		const cell = cellOf(message);
		let armed = false;
		const timer = setTimeout(() => (armed = true));
		const elsewhere = (event: Event) => {
			if (armed && !cell.contains(event.target as Node)) dismiss();
		};
		const onKey = (event: KeyboardEvent) => {
			if (event.key === 'Escape') dismiss();
		};
		document.addEventListener('focusin', elsewhere, true);
		document.addEventListener('pointerdown', elsewhere, true);
		document.addEventListener('keydown', onKey, true);
		return () => {
			clearTimeout(timer);
			document.removeEventListener('focusin', elsewhere, true);
			document.removeEventListener('pointerdown', elsewhere, true);
			document.removeEventListener('keydown', onKey, true);
		};
	};
}
