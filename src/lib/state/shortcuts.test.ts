import { describe, expect, it } from 'vitest';
import { SHORTCUTS, commandOf, keyLabel, keysOf, startsEdit } from './shortcuts.ts';

/** A keydown as the browser makes it, at `target` (a stand-in with `closest`). */
function key(init: Partial<KeyboardEvent> & { key: string }, inside: string[] = []): KeyboardEvent {
	const target = {
		closest: (selector: string) => (inside.some((s) => selector.includes(s)) ? {} : null)
	};
	return {
		altKey: false,
		ctrlKey: false,
		metaKey: false,
		shiftKey: false,
		code: '',
		defaultPrevented: false,
		isComposing: false,
		target,
		...init
	} as unknown as KeyboardEvent;
}

describe('the step letters', () => {
	it('each step answers to its letter, either case, and to Alt with the physical key', () => {
		expect(commandOf(key({ key: 'f' }))).toBe('forward');
		expect(commandOf(key({ key: 'B', shiftKey: true }))).toBe('backward');
		expect(commandOf(key({ key: 't' }))).toBe('train');
		expect(commandOf(key({ key: 'n' }))).toBe('neuron');
		expect(commandOf(key({ key: 'l' }))).toBe('layer');
		expect(commandOf(key({ key: 'i' }))).toBe('iteration');
		// Option+F on a Mac types "ƒ"; the key pressed is still KeyF.
		expect(commandOf(key({ key: 'ƒ', code: 'KeyF', altKey: true }))).toBe('forward');
	});

	it('never fire while typing in a field, but Alt+letter does', () => {
		for (const field of ['input', 'textarea', 'select', 'contenteditable']) {
			expect(commandOf(key({ key: 'f' }, [field]))).toBeUndefined();
			expect(commandOf(key({ key: 'f', code: 'KeyF', altKey: true }, [field]))).toBe('forward');
		}
	});

	it('leave a key alone once something else took it, or inside a dialog, or with Ctrl', () => {
		expect(commandOf(key({ key: 'f', defaultPrevented: true }))).toBeUndefined();
		expect(commandOf(key({ key: 'f' }, ['dialog']))).toBeUndefined();
		expect(commandOf(key({ key: 'f', ctrlKey: true }))).toBeUndefined();
		expect(commandOf(key({ key: 'x' }))).toBeUndefined();
	});
});

describe('undo, redo and help', () => {
	it('Ctrl or Cmd+Z undoes; with Shift, or Ctrl+Y, redoes; ? opens the help', () => {
		expect(commandOf(key({ key: 'z', ctrlKey: true }))).toBe('undo');
		expect(commandOf(key({ key: 'z', metaKey: true }))).toBe('undo');
		expect(commandOf(key({ key: 'Z', ctrlKey: true, shiftKey: true }))).toBe('redo');
		expect(commandOf(key({ key: 'y', ctrlKey: true }))).toBe('redo');
		expect(commandOf(key({ key: '?', shiftKey: true }))).toBe('help');
	});

	it('leave a field’s own undo alone', () => {
		expect(commandOf(key({ key: 'z', ctrlKey: true }, ['input']))).toBeUndefined();
	});
});

describe('a focused cell', () => {
	it('begins an edit with what can begin a number, and not with a shortcut letter', () => {
		for (const c of ['0', '7', '-', '+', '.', 'e', 'E', '−']) expect(startsEdit(c)).toBe(true);
		for (const c of ['f', 'F', 'b', 't', 'n', 'l', 'i', 'I', '?'])
			expect(startsEdit(c)).toBe(false);
	});
});

describe('the table', () => {
	it('gives each button its aria-keyshortcuts and the help its labels', () => {
		expect(keysOf('forward')).toBe('F Alt+F');
		expect(keysOf('redo')).toBe('Control+Shift+Z Control+Y');
		expect(keyLabel('Control+Shift+Z')).toBe('Ctrl+Shift+Z');
		expect(keyLabel('Shift+ArrowDown')).toBe('Shift+↓');
		expect(new Set(SHORTCUTS.map((s) => s.command)).size).toBe(SHORTCUTS.length);
	});
});
