/**
 * How the learner likes the page, apart from the notebook: remembered in the
 * browser, never in the notebook file (a shared link carries the maths, not
 * the sender's digits or panels). A stored value that does not fit its field
 * falls back to that field's default alone, so one bad entry loses nothing else.
 */
import * as v from 'valibot';
import { TOLERANCES } from './prediction-rules.ts';

export const PREFERENCES_KEY = 'gradsheet:preferences';

/** The digits the precision control offers. */
export const PRECISIONS = [2, 3, 4, 6, 8, 12, 17] as const;

/** Each preference's shape and default: the one description that loading, saving and the UI share. */
const FIELDS = {
	/** After a step, bring the first cell it computed into view and into the formula bar. */
	follow: v.fallback(v.boolean(), true),
	/** Significant digits in cells and formulas. */
	precision: v.fallback(v.picklist(PRECISIONS), 4),
	/** What the diagram's colours show. */
	colourBy: v.fallback(v.picklist(['values', 'gradients']), 'values'),
	/** Whether the formula bar is open (it can be folded to one line). */
	formulaBarOpen: v.fallback(v.boolean(), true),
	/** Whether the pinned cells' list is open. */
	pinsOpen: v.fallback(v.boolean(), true),
	/** Whether the code tracer (the passes as pseudocode, the line running) is open. */
	tracerOpen: v.fallback(v.boolean(), true),
	/** Predict mode: typing into a cell the iteration has not computed yet records a prediction. */
	predict: v.fallback(v.boolean(), false),
	/** How close a prediction must be to count as right (prediction-rules.ts). */
	predictTolerance: v.fallback(v.picklist(TOLERANCES), 'relative')
};

const Schema = v.object(FIELDS);
export type Preferences = v.InferOutput<typeof Schema>;

export const DEFAULT_PREFERENCES: Preferences = v.parse(Schema, {});

/** The preferences stored as `text` (JSON), each field checked on its own; defaults for what is missing or wrong. */
export function parsePreferences(text: string | null): Preferences {
	let data: unknown;
	try {
		data = text === null ? {} : JSON.parse(text);
	} catch {
		data = {};
	}
	const record = typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
	return v.parse(Schema, record);
}

/** Reads them from `storage` (undefined when storage is disabled: the defaults). */
export function loadPreferences(storage: Storage | undefined): Preferences {
	try {
		return parsePreferences(storage?.getItem(PREFERENCES_KEY) ?? null);
	} catch {
		return DEFAULT_PREFERENCES;
	}
}

/** Writes them; a full or disabled storage only means they are not remembered. */
export function savePreferences(storage: Storage | undefined, preferences: Preferences): void {
	try {
		storage?.setItem(PREFERENCES_KEY, JSON.stringify(preferences));
	} catch {
		// Not remembered: the page works the same, and the notebook's own autosave is unaffected.
	}
}
