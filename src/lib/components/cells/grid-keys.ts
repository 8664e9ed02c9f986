/**
 * Spreadsheet movement inside one grid (a table with role="grid"), as the
 * WAI-ARIA grid pattern has it: the arrow keys, Home and End move between
 * cells; Enter, Shift+Enter, Tab and Shift+Tab after an edit commit and move
 * on. One cell per grid is in the page's tab order (a roving tabindex), the
 * one last focused: Tab from outside lands on it, Tab from any cell leaves
 * the grid, and Shift+Tab comes back to where the learner was.
 *
 * Blocks: Shift+arrows, Shift+click or a drag extend a rectangle from the
 * focused cell (which keeps focus, as in a spreadsheet); Ctrl/Cmd+C copies
 * the block, or the focused cell alone, as tab-separated full-precision
 * numbers. Pasting is the cells' business (Cell.svelte): they know what an
 * edit means, register it with `onBlockPaste`, and ask `pasteTargets` where a
 * block lands. The clipboard events go to the page's text selection, not to
 * the focused cell, so they are caught on the document and routed by focus.
 */
import { formatTsv } from '$lib/engine/document/tsv.ts';
import { landing, positionOf, rectangle, type Landing } from './block.ts';
import { moveIn, windowOf } from './windowed-moves.ts';

const CELL = '[role="gridcell"]';

import type { Move } from './windowed-moves.ts';
export type { Move };

const KEYS: Record<string, Move> = {
	ArrowLeft: 'left',
	ArrowRight: 'right',
	ArrowUp: 'up',
	ArrowDown: 'down',
	Home: 'home',
	End: 'end'
};

/** The cell being focused because the one in its place was replaced, not by the learner. */
let keeping: HTMLElement | undefined;

/** Whether `cell` is taking focus in place of a replaced cell: it should not take the selection too. */
export const keptFocus = (cell: HTMLElement) => keeping === cell;

function placeOf(grid: HTMLElement, cell: HTMLElement) {
	const rows = rowsOf(grid);
	const row = rows.findIndex((r) => r.includes(cell));
	return row < 0 ? undefined : { cell, row, column: rows[row].indexOf(cell) };
}

function rowsOf(grid: HTMLElement): HTMLElement[][] {
	return [...grid.querySelectorAll('tr')]
		.map((tr) => [...tr.querySelectorAll<HTMLElement>(CELL)])
		.filter((row) => row.length > 0);
}

/** The cell a move from `cell` reaches, or undefined at the grid's edge. */
function neighbour(grid: HTMLElement, cell: HTMLElement, move: Move): HTMLElement | undefined {
	const gridWindow = windowOf(grid);
	if (gridWindow) {
		const from = gridWindow.place(cell);
		const to = from && moveIn(from, move, gridWindow.rows, gridWindow.columns);
		return to && gridWindow.reveal(...to);
	}
	const rows = rowsOf(grid);
	const r = rows.findIndex((row) => row.includes(cell));
	if (r < 0) return undefined;
	const c = rows[r].indexOf(cell);
	const flat = rows.flat();
	const at = flat.indexOf(cell);
	switch (move) {
		case 'left':
			return rows[r][c - 1];
		case 'right':
			return rows[r][c + 1];
		case 'up':
			return rows[r - 1]?.[Math.min(c, rows[r - 1].length - 1)];
		case 'down':
			return rows[r + 1]?.[Math.min(c, rows[r + 1].length - 1)];
		case 'next':
			return flat[at + 1];
		case 'previous':
			return flat[at - 1];
		case 'home':
			return rows[r][0];
		case 'end':
			return rows[r].at(-1);
	}
}

/** Moves focus from `cell` and makes the new cell the grid's tab stop. Returns whether it moved. */
export function moveFocus(cell: HTMLElement, move: Move): boolean {
	const grid = cell.closest<HTMLElement>('[role="grid"]');
	const target = grid && neighbour(grid, cell, move);
	if (!target) return false;
	target.focus();
	return true;
}

/** Keeps exactly one tab stop per grid: the cell last focused, or the first. */
function rove(grid: HTMLElement, focused: HTMLElement | undefined) {
	const cells = grid.querySelectorAll<HTMLElement>(CELL);
	const stop = focused ?? cells[0];
	for (const cell of cells) cell.tabIndex = cell === stop ? 0 : -1;
}

/** A block being selected: the cell it began at (which keeps focus) and the cell it reaches. */
interface Selection {
	anchor: HTMLElement;
	extent: HTMLElement;
}

const selections = new WeakMap<HTMLElement, Selection>();

/** Receives the text of a paste while its cell has focus. */
export type PasteHandler = (text: string) => void;

const pasteHandlers = new WeakMap<HTMLElement, PasteHandler>();

/** Attachment for a cell: what a paste does while it has focus (not while its editor is open). */
export function onBlockPaste(handler: PasteHandler) {
	return (cell: HTMLElement) => {
		pasteHandlers.set(cell, handler);
		return () => pasteHandlers.delete(cell);
	};
}

/** The cells of a grid's block, row by row, or undefined when it has none. */
function blockCells(grid: HTMLElement): HTMLElement[][] | undefined {
	const selection = selections.get(grid);
	if (!selection) return undefined;
	const rows = rowsOf(grid);
	const a = positionOf(rows, selection.anchor);
	const b = positionOf(rows, selection.extent);
	return a && b ? rectangle(rows, a, b) : undefined;
}

/** Marks the block's cells (data-block) so that CSS shows it; clears the marks of the last one. */
function paint(grid: HTMLElement) {
	for (const cell of grid.querySelectorAll('[data-block]')) cell.removeAttribute('data-block');
	for (const cell of blockCells(grid)?.flat() ?? []) cell.setAttribute('data-block', '');
}

function select(grid: HTMLElement, selection: Selection | undefined) {
	if (selection) selections.set(grid, selection);
	else selections.delete(grid);
	paint(grid);
}

/** What a cell copies: its full-precision value; a copy of another cell (data-ref) copies that cell's. */
function copyValue(cell: HTMLElement): string {
	if (cell.dataset.value !== undefined) return cell.dataset.value;
	const home = cell.dataset.ref
		? document.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cell.dataset.ref)}"]`)
		: null;
	return home?.dataset.value ?? cell.textContent?.trim() ?? '';
}

/**
 * The cells a pasted block of `height` × `width` covers: from the top-left
 * corner of the selected block when `cell` is in it, else from `cell`.
 */
export function pasteTargets(
	cell: HTMLElement,
	height: number,
	width: number
): Landing<HTMLElement> {
	const grid = cell.closest<HTMLElement>('[role="grid"]');
	if (!grid) return { ok: false, error: 'this cell is not in a table' };
	const rows = rowsOf(grid);
	const block = blockCells(grid);
	const corner = block?.flat().includes(cell) ? block[0][0] : cell;
	const at = positionOf(rows, corner);
	return at
		? landing(rows, at, height, width)
		: { ok: false, error: 'this cell is not in a table' };
}

/** Attachment for a grid table: movement keys, the roving tab stop, blocks and copying. */
export function gridKeys(grid: HTMLElement) {
	rove(grid, undefined);
	let dragFrom: HTMLElement | undefined;
	/** The cell focused last and where it sat: if it is replaced while focused, focus stays at its place. */
	let focusedAt: { cell: HTMLElement; row: number; column: number } | undefined;
	const cellOf = (event: Event) => (event.target as HTMLElement).closest<HTMLElement>(CELL);

	const onFocus = (event: FocusEvent) => {
		const cell = cellOf(event);
		if (!cell) return;
		focusedAt = placeOf(grid, cell);
		rove(grid, cell);
		// Focus moving elsewhere ends the block; extending it keeps focus on its anchor.
		if (selections.get(grid)?.anchor !== cell) select(grid, undefined);
	};
	// Focus going to another part of the page ends the block (leaving the window keeps it).
	const onFocusOut = (event: FocusEvent) => {
		const to = event.relatedTarget as Node | null;
		if (to && !grid.contains(to)) focusedAt = undefined;
		if (to && !grid.contains(to) && selections.has(grid)) select(grid, undefined);
	};
	const onKey = (event: KeyboardEvent) => {
		const cell = cellOf(event);
		if (!cell || event.target !== cell || event.altKey || event.ctrlKey || event.metaKey) return;
		if (event.key === 'Escape') return select(grid, undefined);
		// Tab is left to the browser: with one tab stop per grid, it leaves the grid.
		const move = KEYS[event.key];
		if (move && event.shiftKey) {
			const from = selections.get(grid)?.extent ?? cell;
			const to = neighbour(grid, from, move);
			if (to) {
				select(grid, { anchor: cell, extent: to });
				to.scrollIntoView({ block: 'nearest', inline: 'nearest' });
			}
			event.preventDefault();
			return;
		}
		if (move && moveFocus(cell, move)) event.preventDefault();
	};
	const onMouseDown = (event: MouseEvent) => {
		const cell = cellOf(event);
		const focused = document.activeElement as HTMLElement | null;
		if (!cell || event.button !== 0) return;
		if (event.shiftKey && focused && focused !== cell && grid.contains(focused)) {
			const anchor = focused.closest<HTMLElement>(CELL);
			if (anchor) {
				event.preventDefault(); // keep focus (and the formula bar) on the anchor
				select(grid, { anchor, extent: cell });
			}
			return;
		}
		if (selections.has(grid)) select(grid, undefined);
		dragFrom = cell;
	};
	const onMouseOver = (event: MouseEvent) => {
		const cell = cellOf(event);
		if (!dragFrom || !cell) return;
		if (!(event.buttons & 1)) {
			dragFrom = undefined;
			return;
		}
		if (cell === dragFrom && !selections.has(grid)) return;
		select(grid, { anchor: dragFrom, extent: cell });
		getSelection()?.removeAllRanges(); // a drag selects cells, not their text
	};
	const onMouseUp = () => (dragFrom = undefined);
	/** The focused cell, when it is this grid's (an open editor is an input, so it is not). */
	const focusedCell = () => {
		const active = document.activeElement as HTMLElement | null;
		return active && grid.contains(active) && active.matches(CELL) ? active : undefined;
	};
	const onCopy = (event: ClipboardEvent) => {
		const cell = focusedCell();
		if (!cell || !event.clipboardData) return;
		const block = blockCells(grid);
		const cells = block?.flat().includes(cell) ? block : [[cell]];
		event.clipboardData.setData('text/plain', formatTsv(cells.map((row) => row.map(copyValue))));
		event.preventDefault();
	};
	const onPaste = (event: ClipboardEvent) => {
		const cell = focusedCell();
		const handler = cell && pasteHandlers.get(cell);
		if (!handler) return;
		event.preventDefault();
		handler(event.clipboardData?.getData('text/plain') ?? '');
	};

	// New rows (a net that changed shape) need a tab stop too, and a block may have lost its cells.
	const observer = new MutationObserver(() => {
		keepFocus();
		if (!grid.querySelector(`${CELL}[tabindex="0"]`)) rove(grid, undefined);
		const selection = selections.get(grid);
		if (selection && !(grid.contains(selection.anchor) && grid.contains(selection.extent)))
			select(grid, undefined);
	});
	observer.observe(grid, { childList: true, subtree: true });
	// A step can replace the focused cell (a parameter's editable home becomes its "before Train"
	// copy): without this, focus would fall to the page and the keyboard user would lose their place.
	function keepFocus() {
		if (!focusedAt || focusedAt.cell.isConnected) return;
		const active = document.activeElement;
		const place = focusedAt;
		focusedAt = undefined;
		if (active && active !== document.body) return;
		const cell = rowsOf(grid)[place.row]?.[place.column];
		if (!cell) return;
		keeping = cell;
		try {
			cell.focus({ preventScroll: true });
		} finally {
			keeping = undefined;
		}
	}
	const listeners = {
		focusin: onFocus,
		focusout: onFocusOut,
		keydown: onKey,
		mousedown: onMouseDown,
		mouseover: onMouseOver,
		mouseup: onMouseUp
	} as const;
	for (const [type, listener] of Object.entries(listeners))
		grid.addEventListener(type, listener as EventListener);
	document.addEventListener('copy', onCopy);
	document.addEventListener('paste', onPaste);
	return () => {
		observer.disconnect();
		selections.delete(grid);
		for (const [type, listener] of Object.entries(listeners))
			grid.removeEventListener(type, listener as EventListener);
		document.removeEventListener('copy', onCopy);
		document.removeEventListener('paste', onPaste);
	};
}
