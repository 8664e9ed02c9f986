import { describe, expect, it } from 'vitest';
import { PREFERENCES_KEY, loadPreferences } from './preferences.ts';
import { PreferencesState } from './preferences.svelte.ts';

function memoryStorage(): Storage {
	const items = new Map<string, string>();
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (k) => items.get(k) ?? null,
		key: (i) => [...items.keys()][i] ?? null,
		removeItem: (k) => void items.delete(k),
		setItem: (k, value) => void items.set(k, value)
	};
}

describe('PreferencesState', () => {
	it('opens both panels when nothing is stored', () => {
		const preferences = new PreferencesState(memoryStorage());
		expect([preferences.formulaBarOpen, preferences.pinsOpen]).toEqual([true, true]);
	});

	it('remembers a folded panel for the next page load', () => {
		const storage = memoryStorage();
		new PreferencesState(storage).formulaBarOpen = false;
		const later = new PreferencesState(storage);
		expect([later.formulaBarOpen, later.pinsOpen]).toEqual([false, true]);
		later.pinsOpen = false;
		later.formulaBarOpen = true;
		const again = new PreferencesState(storage);
		expect([again.formulaBarOpen, again.pinsOpen]).toEqual([true, false]);
	});

	it('keeps the stored fields it does not hold', () => {
		const storage = memoryStorage();
		storage.setItem(PREFERENCES_KEY, JSON.stringify({ precision: 12, colourBy: 'gradients' }));
		new PreferencesState(storage).pinsOpen = false;
		expect(loadPreferences(storage)).toMatchObject({
			precision: 12,
			colourBy: 'gradients',
			pinsOpen: false
		});
	});

	it('still folds a panel when the storage refuses to save', () => {
		const full = memoryStorage();
		full.setItem = () => {
			throw new DOMException('full', 'QuotaExceededError');
		};
		const preferences = new PreferencesState(full);
		preferences.formulaBarOpen = false;
		expect(preferences.formulaBarOpen).toBe(false);
	});
});
