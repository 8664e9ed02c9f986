import { describe, expect, it } from 'vitest';
import {
	DEFAULT_PREFERENCES,
	PREFERENCES_KEY,
	loadPreferences,
	parsePreferences,
	savePreferences
} from './preferences.ts';
import { memoryStorage } from './memory-storage.ts';

describe('preferences', () => {
	it('default to following the steps, four digits, colours by value, every panel open and predict mode off', () => {
		expect(DEFAULT_PREFERENCES).toEqual({
			follow: true,
			precision: 4,
			colourBy: 'values',
			formulaBarOpen: true,
			pinsOpen: true,
			tracerOpen: true,
			predict: false,
			predictTolerance: 'relative'
		});
	});

	it('round-trip through storage', () => {
		const storage = memoryStorage();
		const chosen = {
			...DEFAULT_PREFERENCES,
			follow: false,
			precision: 12 as const,
			colourBy: 'gradients' as const,
			predict: true,
			predictTolerance: 'digits' as const
		};
		savePreferences(storage, chosen);
		expect(loadPreferences(storage)).toEqual(chosen);
	});

	it('fall back field by field, keeping the fields that fit', () => {
		const text = JSON.stringify({
			follow: false,
			precision: 5,
			colourBy: '<script>',
			pinsOpen: 'yes',
			tracerOpen: 0
		});
		expect(parsePreferences(text)).toEqual({ ...DEFAULT_PREFERENCES, follow: false });
	});

	it('are the defaults when the stored text is not JSON, not an object, or missing', () => {
		for (const text of ['{', '[1,2]', 'null', '7', null])
			expect(parsePreferences(text)).toEqual(DEFAULT_PREFERENCES);
	});

	it('are the defaults, and saving does nothing, when storage throws', () => {
		const broken = {
			...memoryStorage(),
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		} as Storage;
		expect(loadPreferences(broken)).toEqual(DEFAULT_PREFERENCES);
		expect(() => savePreferences(broken, DEFAULT_PREFERENCES)).not.toThrow();
		expect(loadPreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
		expect(PREFERENCES_KEY).toBe('gradsheet:preferences');
	});
});
