/**
 * The edit of one spreadsheet cell, written once for the notebook's cells
 * (Cell.svelte) and the samples table's (SampleCell.svelte): type to replace
 * the number, F2 / Enter / double-click to edit it in place, Enter and Tab
 * commit and move on, Escape cancels, a refusal stays beside the cell
 * (CellMessage) until the learner moves on. What differs between the two
 * cells — what an edit sets, what a paste does, what Delete clears — comes in
 * as `CellRules`.
 *
 * It lives with the components, not in state/, because it drives focus in
 * the page's grids (grid-keys.ts); the key mapping itself is plain data in
 * edit-keys.ts. Every drawn cell has one, so it holds three `$state`s (as the
 * cells did themselves) and no `$derived` or effect; the cell element comes
 * with each event rather than being stored.
 */
import { cellKey, editorKey } from './edit-keys.ts';
import { moveFocus, onBlockPaste, type Move } from './grid-keys.ts';

export interface CellRules {
	/** Whether the cell takes an edit now (the iteration, say, never does). */
	editable(): boolean;
	/** A read-only copy of a cell shown elsewhere: its keys and pastes do nothing. */
	copy?(): boolean;
	/** What an edit in place starts from: the number in full. */
	full(): string;
	/** Sets the cell from what was typed; returns why it was refused, or undefined. */
	set(text: string): string | undefined;
	/** Pastes tab-separated `text` at `cell`; returns why it was refused, or undefined. */
	paste(text: string, cell: HTMLElement): string | undefined;
	/** Whether Delete/Backspace has something to clear (a pinned cell's pin). */
	clearable?(): boolean;
	clear?(): void;
}

/** The cell an editor's input sits in. */
function cellOf(input: EventTarget | null): HTMLElement {
	return (input as HTMLElement).closest<HTMLElement>('[role="gridcell"]')!;
}

/** How many editors this page has made: each refusal message's id. */
let made = 0;

export class CellEditor {
	editing = $state(false);
	draft = $state('');
	/** Why the last edit or paste here was refused, while it is shown (CellMessage). */
	error = $state<string | undefined>(undefined);
	/**
	 * The refusal message's id, for the cell's aria-describedby. A refusal is only ever shown in
	 * the browser, so the id need not match the prerendered page's: `$props.id()` would put a
	 * comment in every prerendered cell for it.
	 */
	readonly messageId = `cell-message-${++made}`;
	readonly #rules: CellRules;

	constructor(rules: CellRules) {
		this.#rules = rules;
	}

	/** Opens the editor with `text`, when the cell takes edits. */
	begin(text: string): void {
		if (!this.#rules.editable()) return;
		this.draft = text;
		this.error = undefined;
		this.editing = true;
	}

	/** F2, Enter or a double-click: edit the number in place. */
	edit = (): void => this.begin(this.#rules.full());

	/** Keys on the cell itself (not its editor). */
	onCellKey = (event: KeyboardEvent): void => {
		if (this.editing || this.#rules.copy?.()) return;
		const action = cellKey(event, this.#rules.clearable?.() ?? false);
		if (action === undefined) return;
		if (action === 'edit') this.edit();
		else if (action === 'type') this.begin(event.key);
		else if (action === 'clear') this.#rules.clear?.();
		else this.error = undefined;
		event.preventDefault();
	};

	/** Keys in the editor: they are the editor's alone, not the grid's or the page's. */
	onEditorKey(event: KeyboardEvent): void {
		event.stopPropagation();
		const action = editorKey(event);
		if (action === undefined) return;
		const cell = cellOf(event.currentTarget);
		if (action === 'cancel') {
			this.editing = false;
			cell.focus();
		} else this.#commit(cell, action.commit);
		event.preventDefault();
	}

	/** Focus left the editor: the edit, without pulling focus back from where the learner went. */
	leave(event: FocusEvent): void {
		if (!this.editing) return;
		const cell = cellOf(event.currentTarget);
		this.#finish();
		if (!document.hasFocus()) cell.focus(); // the window lost focus: come back to the cell
	}

	dismiss(): void {
		this.error = undefined;
	}

	/** A block pasted at `cell`: any refusal is shown beside it. */
	paste(text: string, cell: HTMLElement): void {
		if (!this.#rules.copy?.()) this.error = this.#rules.paste(text, cell);
	}

	/** Attachment for the cell: its pastes while it has focus (not while its editor is open). */
	pastes = (cell: HTMLElement) => onBlockPaste((text) => this.paste(text, cell))(cell);

	/** Sets the cell from the draft; any refusal is shown beside it. */
	#finish(): void {
		const refused = this.#rules.set(this.draft);
		this.editing = false;
		this.error = refused;
	}

	/** Enter or Tab: the edit, then focus back on the cell and on by `then` when it was taken. */
	#commit(cell: HTMLElement, then: Move): void {
		this.#finish();
		cell.focus();
		if (!this.error) moveFocus(cell, then);
	}
}
