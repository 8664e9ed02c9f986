/** Undo and redo from the keyboard, as every editor does it; left alone while typing into a field. */
import type { NotebookState } from './notebook.svelte.ts';

export function undoKeys(event: KeyboardEvent, sheet: NotebookState): void {
	const target = event.target as HTMLElement | null;
	if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
	if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
	const key = event.key.toLowerCase();
	if (key === 'z' && !event.shiftKey) sheet.undo();
	else if ((key === 'z' && event.shiftKey) || key === 'y') sheet.redo();
	else return;
	event.preventDefault();
}
