/**
 * Keyboard moves in a windowed grid (a big layer's table, which draws only
 * the rows and columns in view): moves are made over the grid's whole
 * extent, and the window follows them. grid-keys.ts asks here first.
 */

export type Move = 'left' | 'right' | 'up' | 'down' | 'next' | 'previous' | 'home' | 'end';

/** What a windowed grid tells the keys: its whole size, and how to reach any of its cells. */
export interface GridWindow {
	readonly rows: number;
	readonly columns: number;
	/** Where a drawn cell sits in the whole grid. */
	place(cell: HTMLElement): readonly [row: number, column: number] | undefined;
	/** Draws the cell at (row, column) if it is not drawn, scrolls it into view, and returns it. */
	reveal(row: number, column: number): HTMLElement | undefined;
}

const windows = new WeakMap<HTMLElement, GridWindow>();

/** The grid's window, when it draws only one. */
export const windowOf = (grid: HTMLElement): GridWindow | undefined => windows.get(grid);

/** Attachment for a windowed grid's table: keyboard moves then reach cells outside the window. */
export function windowedGrid(gridWindow: GridWindow) {
	return (grid: HTMLElement) => {
		windows.set(grid, gridWindow);
		return () => windows.delete(grid);
	};
}

/** The (row, column) a move from (r, c) reaches in a grid of `rows` × `columns`, or undefined at its edge. */
export function moveIn(
	[r, c]: readonly [number, number],
	move: Move,
	rows: number,
	columns: number
): [number, number] | undefined {
	const to: Record<Move, [number, number]> = {
		left: [r, c - 1],
		right: [r, c + 1],
		up: [r - 1, c],
		down: [r + 1, c],
		next: c + 1 < columns ? [r, c + 1] : [r + 1, 0],
		previous: c > 0 ? [r, c - 1] : [r - 1, columns - 1],
		home: [r, 0],
		end: [r, columns - 1]
	};
	const [row, column] = to[move];
	return row >= 0 && row < rows && column >= 0 && column < columns ? [row, column] : undefined;
}
