/**
 * Spreadsheet movement inside one grid (a table with role="grid"): the arrow
 * keys, Tab and Shift+Tab, Enter and Shift+Enter after an edit, Home and End.
 * One cell per grid is in the page's tab order (a roving tabindex), so Tab
 * from outside lands on the grid and Tab past its last cell leaves it.
 */

const CELL = '[role="gridcell"]';

export type Move = 'left' | 'right' | 'up' | 'down' | 'next' | 'previous' | 'home' | 'end';

const KEYS: Record<string, Move> = {
	ArrowLeft: 'left',
	ArrowRight: 'right',
	ArrowUp: 'up',
	ArrowDown: 'down',
	Home: 'home',
	End: 'end'
};

function rowsOf(grid: HTMLElement): HTMLElement[][] {
	return [...grid.querySelectorAll('tr')]
		.map((tr) => [...tr.querySelectorAll<HTMLElement>(CELL)])
		.filter((row) => row.length > 0);
}

/** The cell a move from `cell` reaches, or undefined at the grid's edge. */
export function neighbour(
	grid: HTMLElement,
	cell: HTMLElement,
	move: Move
): HTMLElement | undefined {
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

/** Attachment for a grid table: movement keys and the roving tab stop. */
export function gridKeys(grid: HTMLElement) {
	rove(grid, undefined);
	const onFocus = (event: FocusEvent) => {
		const cell = (event.target as HTMLElement).closest<HTMLElement>(CELL);
		if (cell) rove(grid, cell);
	};
	const onKey = (event: KeyboardEvent) => {
		const cell = (event.target as HTMLElement).closest<HTMLElement>(CELL);
		if (!cell || event.target !== cell || event.altKey || event.ctrlKey || event.metaKey) return;
		const move = event.key === 'Tab' ? (event.shiftKey ? 'previous' : 'next') : KEYS[event.key];
		if (move && moveFocus(cell, move)) event.preventDefault();
	};
	// New rows (a net that changed shape) need a tab stop too.
	const observer = new MutationObserver(() => {
		if (!grid.querySelector(`${CELL}[tabindex="0"]`)) rove(grid, undefined);
	});
	observer.observe(grid, { childList: true, subtree: true });
	grid.addEventListener('focusin', onFocus);
	grid.addEventListener('keydown', onKey);
	return () => {
		observer.disconnect();
		grid.removeEventListener('focusin', onFocus);
		grid.removeEventListener('keydown', onKey);
	};
}
