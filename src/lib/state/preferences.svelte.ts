/**
 * The preferences the page reads as state (preferences.ts describes and
 * stores them): each field loads in the constructor and saves when set.
 * Saving merges into what is stored, so a field this class does not hold is
 * never lost.
 */
import { loadPreferences, savePreferences, type Preferences } from './preferences.ts';

/** The browser's storage; undefined on the server (prerendering) or when the browser refuses it. */
function browserStorage(): Storage | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		return undefined;
	}
}

export class PreferencesState {
	readonly #storage: Storage | undefined;
	#formulaBarOpen = $state(true);
	#pinsOpen = $state(true);

	constructor(storage: Storage | undefined = browserStorage()) {
		this.#storage = storage;
		const stored = loadPreferences(storage);
		this.#formulaBarOpen = stored.formulaBarOpen;
		this.#pinsOpen = stored.pinsOpen;
	}

	/** Whether the formula bar is open (folded, it shows only which cell is selected). */
	get formulaBarOpen(): boolean {
		return this.#formulaBarOpen;
	}
	set formulaBarOpen(open: boolean) {
		this.#formulaBarOpen = open;
		this.#save({ formulaBarOpen: open });
	}

	/** Whether the pinned cells' list is open (folded, it shows only how many there are). */
	get pinsOpen(): boolean {
		return this.#pinsOpen;
	}
	set pinsOpen(open: boolean) {
		this.#pinsOpen = open;
		this.#save({ pinsOpen: open });
	}

	#save(change: Partial<Preferences>): void {
		savePreferences(this.#storage, { ...loadPreferences(this.#storage), ...change });
	}
}
