/**
 * Pasting a block copied from Excel, LibreOffice or Google Sheets into a
 * notebook grid: the whole block becomes one edit (one undo step) or none.
 */
import { parseTsv } from '$lib/engine/document/tsv.ts';
import { refused } from '$lib/state/cells/text.ts';
import { pastePlan } from './block.ts';
import { pasteTargets } from './grid-keys.ts';

/** Applies edits as one change; returns why they were refused, or undefined. */
export type ApplyEdits = (entries: (readonly [string, number])[]) => string | undefined;

/** Pastes tab-separated `text` at `cell` (or the top-left of its selected block). Returns why not, or undefined. */
export function pasteIntoGrid(
	cell: HTMLElement,
	text: string,
	apply: ApplyEdits
): string | undefined {
	const parsed = parseTsv(text);
	if (!parsed.ok) return refused(parsed.error);
	const { rows } = parsed;
	const landed = pasteTargets(cell, rows.length, rows[0].length);
	if (!landed.ok) return refused(landed.error);
	const targets = landed.cells.map((row) =>
		row.map((target) => ({
			address: target.dataset.cell,
			editable: target.getAttribute('aria-readonly') !== 'true',
			label: target.getAttribute('aria-label') ?? 'a cell'
		}))
	);
	const plan = pastePlan(targets, rows);
	if (!plan.ok) return refused(plan.error);
	const why = apply(plan.entries);
	return why === undefined ? undefined : refused(why);
}
