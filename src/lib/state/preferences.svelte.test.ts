/** The preferences as page state: loaded once, saved on each change; and the digits read through NotebookState. */
import { describe, expect, it } from 'vitest';
import { NotebookState } from './notebook.svelte.ts';
import { memoryStorage } from './memory-storage.ts';
import { PreferencesState } from './preferences.svelte.ts';
import { DEFAULT_PREFERENCES, PREFERENCES_KEY, parsePreferences } from './preferences.ts';

/** Storage holding `text` as the stored preferences, or nothing. */
const memoryStorageOf = (text?: string) =>
	memoryStorage(text === undefined ? [] : [[PREFERENCES_KEY, text]]);

const stored = (storage: Storage) => parsePreferences(storage.getItem(PREFERENCES_KEY));

describe('the preferences state', () => {
	it('loads what is stored, defaults for what does not fit', () => {
		const prefs = new PreferencesState();
		prefs.load(
			memoryStorageOf(JSON.stringify({ follow: false, precision: 5, colourBy: 'gradients' }))
		);
		expect([prefs.follow, prefs.precision, prefs.colourBy]).toEqual([false, 4, 'gradients']);
	});

	it('saves each change at once, and keeps the other fields', () => {
		const storage = memoryStorageOf();
		const prefs = new PreferencesState();
		prefs.load(storage);
		prefs.precision = 12;
		prefs.colourBy = 'gradients';
		prefs.follow = false;
		expect(stored(storage)).toEqual({
			...DEFAULT_PREFERENCES,
			precision: 12,
			colourBy: 'gradients',
			follow: false
		});
	});

	it('refuses digits the control does not offer, and writes nothing before it is loaded', () => {
		const storage = memoryStorageOf();
		const prefs = new PreferencesState();
		prefs.precision = 6;
		expect(storage.getItem(PREFERENCES_KEY)).toBeNull();
		prefs.load(storage);
		expect(prefs.precision).toBe(4);
		prefs.precision = 5;
		expect(prefs.precision).toBe(4);
	});

	it('are what NotebookState’s digits read and write', () => {
		const storage = memoryStorageOf(JSON.stringify({ precision: 8 }));
		const sheet = new NotebookState();
		expect(sheet.precision).toBe(4);
		sheet.preferences.load(storage);
		expect(sheet.precision).toBe(8);
		sheet.precision = 3;
		expect(stored(storage).precision).toBe(3);
	});
});
