/** What each key does on a cell and in its editor: the mapping both kinds of cell share. */
import { describe, expect, it } from 'vitest';
import { cellKey, editorKey } from './edit-keys.ts';

describe('keys on a cell', () => {
	it('F2 and Enter edit the number in place', () => {
		expect(cellKey({ key: 'F2' }, false)).toBe('edit');
		expect(cellKey({ key: 'Enter' }, false)).toBe('edit');
	});

	it('a character that can begin a number starts an edit with it', () => {
		for (const key of ['5', '-', '.', 'e', '+']) expect(cellKey({ key }, false)).toBe('type');
	});

	it('the step letters and ? are shortcuts, not the start of an edit', () => {
		for (const key of ['f', 'B', 't', 'n', 'l', 'i', '?'])
			expect(cellKey({ key }, false)).toBe(undefined);
	});

	it('Delete and Backspace clear only what can be cleared (a pin), and otherwise do nothing', () => {
		expect(cellKey({ key: 'Delete' }, true)).toBe('clear');
		expect(cellKey({ key: 'Backspace' }, true)).toBe('clear');
		expect(cellKey({ key: 'Delete' }, false)).toBe(undefined);
		expect(cellKey({ key: 'Backspace' }, false)).toBe(undefined);
	});

	it('Escape dismisses a refusal', () => {
		expect(cellKey({ key: 'Escape' }, false)).toBe('dismiss');
	});

	it('leaves Ctrl, Cmd and Alt combinations to the page and the grid', () => {
		expect(cellKey({ key: 'v', ctrlKey: true }, false)).toBe(undefined);
		expect(cellKey({ key: '5', metaKey: true }, false)).toBe(undefined);
		expect(cellKey({ key: 'Enter', altKey: true }, false)).toBe(undefined);
		expect(cellKey({ key: 'Delete', ctrlKey: true }, true)).toBe(undefined);
	});

	it('leaves the moves to the grid', () => {
		for (const key of ['ArrowUp', 'Tab', 'Home', 'End', 'Shift'])
			expect(cellKey({ key }, true)).toBe(undefined);
	});
});

describe('keys in the editor', () => {
	it('Enter commits and moves down, Shift+Enter up', () => {
		expect(editorKey({ key: 'Enter' })).toEqual({ commit: 'down' });
		expect(editorKey({ key: 'Enter', shiftKey: true })).toEqual({ commit: 'up' });
	});

	it('Tab commits and moves to the next cell, Shift+Tab to the previous', () => {
		expect(editorKey({ key: 'Tab' })).toEqual({ commit: 'next' });
		expect(editorKey({ key: 'Tab', shiftKey: true })).toEqual({ commit: 'previous' });
	});

	it('Escape cancels; other keys are the text field’s', () => {
		expect(editorKey({ key: 'Escape' })).toBe('cancel');
		for (const key of ['5', 'ArrowLeft', 'Backspace', 'F2'])
			expect(editorKey({ key })).toBe(undefined);
	});
});
