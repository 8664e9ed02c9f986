/**
 * What a key does to a spreadsheet cell (cell-editor.svelte.ts), as plain
 * data so that it can be tested without a page: on the cell itself, F2 or
 * Enter edits in place, a printable key starts an edit with that character,
 * Escape dismisses a refusal, Delete/Backspace clears what can be cleared;
 * in its editor, Enter and Tab commit and move on, Escape cancels.
 */
import { startsEdit } from '$lib/state/shortcuts.ts';
import type { Move } from './windowed-moves.ts';

/** The parts of a KeyboardEvent the mapping reads. */
export interface KeyPress {
	readonly key: string;
	readonly shiftKey?: boolean;
	readonly ctrlKey?: boolean;
	readonly metaKey?: boolean;
	readonly altKey?: boolean;
}

/** On the cell: edit its number in place, replace it by the key typed, clear it, or dismiss a refusal. */
export type CellKey = 'edit' | 'type' | 'clear' | 'dismiss';

/** What `press` does on a cell (not its editor); `clearable` when Delete/Backspace has something to clear. */
export function cellKey(press: KeyPress, clearable: boolean): CellKey | undefined {
	// Ctrl/Cmd/Alt combinations are the page's shortcuts and the grid's copy and paste.
	if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
	if (press.key === 'F2' || press.key === 'Enter') return 'edit';
	if ((press.key === 'Delete' || press.key === 'Backspace') && clearable) return 'clear';
	if (press.key === 'Escape') return 'dismiss';
	if (press.key.length === 1 && startsEdit(press.key)) return 'type';
	return undefined;
}

/** In the editor: commit and move on as a spreadsheet does, or cancel. */
export type EditorKey = { readonly commit: Move } | 'cancel';

export function editorKey(press: KeyPress): EditorKey | undefined {
	if (press.key === 'Enter') return { commit: press.shiftKey ? 'up' : 'down' };
	if (press.key === 'Tab') return { commit: press.shiftKey ? 'previous' : 'next' };
	return press.key === 'Escape' ? 'cancel' : undefined;
}
