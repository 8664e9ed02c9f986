/**
 * The page's keyboard shortcuts: one table, from which the key handler, the
 * buttons' aria-keyshortcuts and the help dialog are all derived. A letter
 * alone never fires while typing into a field; Alt with the letter does
 * (matched by the physical key, since Option+F types "ƒ" on a Mac).
 */
import { STEPS, type StepAction } from './step-actions.ts';

export type Command = StepAction | 'undo' | 'redo' | 'help';

export interface Shortcut {
	readonly command: Command;
	/** As aria-keyshortcuts spells them: "F", "Alt+F", "Control+Shift+Z". */
	readonly keys: readonly string[];
	readonly does: string;
}

const STEP_KEYS: Record<StepAction, string> = {
	forward: 'F',
	backward: 'B',
	train: 'T',
	line: 'S',
	neuron: 'N',
	layer: 'L',
	iteration: 'I'
};

export const SHORTCUTS: readonly Shortcut[] = [
	...STEPS.map(({ action, name, hint }) => ({
		command: action,
		keys: [STEP_KEYS[action], `Alt+${STEP_KEYS[action]}`],
		does: `${name}: ${hint.charAt(0).toLowerCase()}${hint.slice(1)}`
	})),
	{ command: 'undo', keys: ['Control+Z'], does: 'Undo the last step or edit' },
	{ command: 'redo', keys: ['Control+Shift+Z', 'Control+Y'], does: 'Redo' },
	{ command: 'help', keys: ['?'], does: 'Show this list of shortcuts' }
];

/** The cells' own keys (Cell.svelte, grid-keys.ts handle them): listed in the help, not dispatched here. */
export const CELL_KEYS: readonly { keys: readonly string[]; does: string }[] = [
	{ keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'], does: 'Move between the cells' },
	{ keys: ['Home', 'End'], does: 'First or last cell of the row' },
	{ keys: ['Tab', 'Shift+Tab'], does: 'Next or previous cell; Tab past the last leaves the table' },
	{ keys: ['Enter', 'F2'], does: 'Edit the cell (or type a number over it)' },
	{ keys: ['Enter', 'Shift+Enter'], does: 'While editing: keep the number, move down or up' },
	{ keys: ['Escape'], does: 'While editing: keep the old number' },
	{ keys: ['Delete', 'Backspace'], does: 'Restore a pinned cell’s formula' },
	{ keys: ['Shift+ArrowDown'], does: 'Extend a block of cells (any arrow)' },
	{ keys: ['Control+C', 'Control+V'], does: 'Copy a block, paste one from a spreadsheet' }
];

/** The keys `command` answers to, for a button's aria-keyshortcuts. */
export function keysOf(command: Command): string {
	return SHORTCUTS.find((s) => s.command === command)?.keys.join(' ') ?? '';
}

/** A key as the help shows it: Control as Ctrl, the arrows as arrows. */
export function keyLabel(key: string): string {
	const arrows: Record<string, string> = {
		ArrowUp: '↑',
		ArrowDown: '↓',
		ArrowLeft: '←',
		ArrowRight: '→'
	};
	return key
		.split('+')
		.map((part) => arrows[part] ?? (part === 'Control' ? 'Ctrl' : part))
		.join('+');
}

/** Whether `event` is the key `spec` ("F", "Alt+F", "Control+Shift+Z", "?"). */
function matches(event: KeyboardEvent, spec: string): boolean {
	const parts = spec.split('+');
	const key = parts.pop()!;
	const alt = parts.includes('Alt');
	const control = parts.includes('Control');
	if (event.altKey !== alt || (event.ctrlKey || event.metaKey) !== control) return false;
	if (/^[A-Z]$/.test(key)) {
		if (control && event.shiftKey !== parts.includes('Shift')) return false;
		return alt ? event.code === `Key${key}` : event.key.toUpperCase() === key;
	}
	return event.key === key;
}

/** The plain keys (no modifier) that are shortcuts: a focused cell must not begin an edit with them. */
const PLAIN = new Set(
	SHORTCUTS.flatMap((s) => s.keys).filter((k) => !k.includes('+') || k === '+')
);

/**
 * Whether a character typed into a focused (not editing) cell begins an
 * edit with it. Digits, signs, '.', 'e' do; the step letters and '?', which
 * cannot begin a number, are shortcuts instead.
 */
export function startsEdit(key: string): boolean {
	return !PLAIN.has(key.toUpperCase());
}

/**
 * The command `event` asks for, or undefined. Never while typing in a
 * field, except Alt+letter; never inside a dialog (the help itself), and
 * never once something else took the key (a cell that began an edit).
 */
export function commandOf(event: KeyboardEvent): Command | undefined {
	if (event.defaultPrevented || event.isComposing) return undefined;
	const target = event.target as HTMLElement | null;
	if (target?.closest?.('dialog')) return undefined;
	const inField = !!target?.closest?.('input, textarea, select, [contenteditable="true"]');
	for (const { command, keys } of SHORTCUTS)
		for (const spec of keys)
			if ((!inField || spec.startsWith('Alt+')) && matches(event, spec)) return command;
	return undefined;
}
