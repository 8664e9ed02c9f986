/**
 * The shared cell editor's state machine, with stand-ins for the page: a
 * cell that counts the times it takes focus, and key and focus events that
 * record whether their default was prevented.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CellEditor, type CellRules } from './cell-editor.svelte.ts';

function page() {
	const cell = {
		focused: 0,
		focus() {
			this.focused++;
		},
		// Outside any grid: a commit's move has nowhere to go.
		closest: (selector: string) => (selector === '[role="gridcell"]' ? cell : null)
	};
	const input = { closest: () => cell };
	const key = (key: string, target: object = cell, shiftKey = false) => {
		const event = {
			key,
			shiftKey,
			ctrlKey: false,
			metaKey: false,
			altKey: false,
			currentTarget: target,
			prevented: false,
			stopped: false,
			preventDefault() {
				this.prevented = true;
			},
			stopPropagation() {
				this.stopped = true;
			}
		};
		return event as unknown as KeyboardEvent & { prevented: boolean; stopped: boolean };
	};
	const blur = () => ({ currentTarget: input }) as unknown as FocusEvent;
	return { cell, input, key, blur };
}

function editor(rules: Partial<CellRules> = {}) {
	const set = vi.fn<(text: string) => string | undefined>(() => undefined);
	const rulesWith: CellRules = {
		editable: () => true,
		full: () => '0.25',
		set,
		paste: () => undefined,
		...rules
	};
	return { editor: new CellEditor(rulesWith), set: (rules.set as typeof set | undefined) ?? set };
}

afterEach(() => vi.unstubAllGlobals());

describe('the shared cell editor', () => {
	it('a digit typed on the cell opens the editor with that digit', () => {
		const { editor: e } = editor();
		const { key } = page();
		const press = key('7');
		e.onCellKey(press);
		expect([e.editing, e.draft, press.prevented]).toEqual([true, '7', true]);
	});

	it('F2 and a double-click edit the number in full', () => {
		const { editor: e } = editor({ full: () => '0.123456789' });
		const { key } = page();
		e.onCellKey(key('F2'));
		expect(e.draft).toBe('0.123456789');
		e.editing = false;
		e.draft = '';
		e.edit();
		expect([e.editing, e.draft]).toEqual([true, '0.123456789']);
	});

	it('Enter in the editor sets the cell from the draft, closes it and gives focus back to the cell', () => {
		const { editor: e, set } = editor();
		const { cell, input, key } = page();
		e.onCellKey(key('3'));
		e.draft = '3.5';
		const press = key('Enter', input);
		e.onEditorKey(press);
		expect(set).toHaveBeenCalledWith('3.5');
		expect([e.editing, e.error, cell.focused, press.prevented, press.stopped]).toEqual([
			false,
			undefined,
			1,
			true,
			true
		]);
	});

	it('a refused edit closes the editor and keeps the reason for the cell to show', () => {
		const { editor: e } = editor({ set: () => 'Not a number; the old value stays.' });
		const { input, key } = page();
		e.onCellKey(key('x'));
		e.onEditorKey(key('Tab', input));
		expect([e.editing, e.error]).toEqual([false, 'Not a number; the old value stays.']);
		// Escape on the cell dismisses it; a new edit clears it too.
		e.onCellKey(key('Escape'));
		expect(e.error).toBe(undefined);
	});

	it('Escape in the editor cancels: nothing is set', () => {
		const { editor: e, set } = editor();
		const { cell, input, key } = page();
		e.onCellKey(key('9'));
		e.onEditorKey(key('Escape', input));
		expect(set).not.toHaveBeenCalled();
		expect([e.editing, cell.focused]).toEqual([false, 1]);
	});

	it('other keys in the editor are the text field’s: not prevented, but kept from the grid', () => {
		const { editor: e } = editor();
		const { input, key } = page();
		e.onCellKey(key('1'));
		const press = key('ArrowLeft', input);
		e.onEditorKey(press);
		expect([e.editing, press.prevented, press.stopped]).toEqual([true, false, true]);
	});

	it('leaving the editor sets the cell; focus comes back only when the window lost it', () => {
		const { editor: e, set } = editor();
		const { cell, key, blur } = page();
		vi.stubGlobal('document', { hasFocus: () => true });
		e.onCellKey(key('2'));
		e.leave(blur());
		expect(set).toHaveBeenCalledWith('2');
		expect([e.editing, cell.focused]).toEqual([false, 0]);
		vi.stubGlobal('document', { hasFocus: () => false });
		e.onCellKey(key('4'));
		e.leave(blur());
		expect(cell.focused).toBe(1);
		// A blur once the editor is closed (Enter's own refocus) sets nothing again.
		e.leave(blur());
		expect(set).toHaveBeenCalledTimes(2);
	});

	it('a cell that takes no edits does not open, though the key is still its own', () => {
		const { editor: e } = editor({ editable: () => false });
		const { key } = page();
		const press = key('5');
		e.onCellKey(press);
		expect([e.editing, press.prevented]).toEqual([false, true]);
		e.edit();
		expect(e.editing).toBe(false);
	});

	it('a read-only copy takes no keys and no pastes', () => {
		const paste = vi.fn(() => 'refused');
		const { editor: e } = editor({ copy: () => true, paste });
		const { cell, key } = page();
		const press = key('5');
		e.onCellKey(press);
		expect([e.editing, press.prevented]).toEqual([false, false]);
		e.paste('1\t2', cell as unknown as HTMLElement);
		expect(paste).not.toHaveBeenCalled();
	});

	it('Delete clears only when there is something to clear', () => {
		const clear = vi.fn();
		let pinned = false;
		const { editor: e } = editor({ clearable: () => pinned, clear });
		const { key } = page();
		const press = key('Delete');
		e.onCellKey(press);
		expect([clear.mock.calls.length, press.prevented]).toEqual([0, false]);
		pinned = true;
		e.onCellKey(key('Backspace'));
		expect(clear).toHaveBeenCalledTimes(1);
	});

	it('a paste at the cell shows its refusal, and a paste that goes through clears it', () => {
		let why: string | undefined = 'Row 2 is short; nothing was pasted.';
		const paste = vi.fn(() => why);
		const { editor: e } = editor({ paste });
		const { cell } = page();
		const at = cell as unknown as HTMLElement;
		e.paste('1\t2\n3', at);
		expect(paste).toHaveBeenCalledWith('1\t2\n3', cell);
		expect(e.error).toBe('Row 2 is short; nothing was pasted.');
		why = undefined;
		e.paste('1', at);
		expect(e.error).toBe(undefined);
	});
});
