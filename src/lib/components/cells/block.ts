/**
 * Blocks of cells in a grid, as a spreadsheet has them: a rectangle from an
 * anchor to the cell a selection was extended to, and where a pasted block
 * lands from the focused cell. Pure functions of a grid's rows, so the DOM
 * code in grid-keys.ts only finds the rows and the cells.
 */

/** Row and column in a grid's rows of cells. */
export type Position = readonly [row: number, column: number];

export function positionOf<T>(rows: readonly (readonly T[])[], item: T): Position | undefined {
	for (const [r, row] of rows.entries()) {
		const c = row.indexOf(item);
		if (c >= 0) return [r, c];
	}
	return undefined;
}

/** The cells of the rectangle with corners `a` and `b`, row by row (rows shorter than it are cut). */
export function rectangle<T>(rows: readonly (readonly T[])[], a: Position, b: Position): T[][] {
	const [r0, r1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
	const [c0, c1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
	return rows.slice(r0, r1 + 1).map((row) => row.slice(c0, c1 + 1));
}

export type Landing<T> = { ok: true; cells: T[][] } | { ok: false; error: string };

/** The cells a block of `height` × `width` covers with its top-left corner at `at`, or why it does not fit. */
export function landing<T>(
	rows: readonly (readonly T[])[],
	at: Position,
	height: number,
	width: number
): Landing<T> {
	const [r, c] = at;
	const below = rows.slice(r, r + height);
	const roomColumns = Math.min(...below.map((row) => row.length - c));
	if (below.length < height || roomColumns < width)
		return {
			ok: false,
			error: `the block is ${size(height, width)}; from here this table has room for ${size(below.length, Math.max(0, roomColumns))}`
		};
	return { ok: true, cells: below.map((row) => row.slice(c, c + width)) };
}

function size(rows: number, columns: number): string {
	return `${rows} ${rows === 1 ? 'row' : 'rows'} × ${columns} ${columns === 1 ? 'column' : 'columns'}`;
}

export type PastePlan =
	| { ok: true; entries: (readonly [address: string, value: number])[] }
	| { ok: false; error: string };

/**
 * The edits a pasted block makes: each number to the address of the cell it
 * lands on. A cell without an address (a read-only copy of another cell) or
 * one that cannot be edited refuses the whole block.
 */
export function pastePlan(
	targets: readonly (readonly { address?: string; editable: boolean; label: string }[])[],
	values: readonly (readonly number[])[]
): PastePlan {
	const entries: (readonly [string, number])[] = [];
	for (const [i, row] of values.entries()) {
		for (const [j, value] of row.entries()) {
			const target = targets[i][j];
			if (!target.address || !target.editable)
				return {
					ok: false,
					error: `row ${i + 1}, column ${j + 1} would land on ${target.label}, which cannot be edited here`
				};
			entries.push([target.address, value]);
		}
	}
	return { ok: true, entries };
}
