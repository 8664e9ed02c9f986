/**
 * The learner's preferences (preferences.ts) as reactive state: each field
 * read where it is used and written back to the browser as soon as it is
 * set. Until `load` runs (on the page, after hydration) they are the
 * defaults and nothing is written, so the prerendered page and the first
 * paint agree.
 */
import { browserStorage } from './autosave.ts';
import {
	DEFAULT_PREFERENCES,
	PRECISIONS,
	loadPreferences,
	savePreferences,
	type Preferences
} from './preferences.ts';

export type Precision = Preferences['precision'];

export class PreferencesState {
	/**
	 * One signal per field (a deep $state of primitives): a reader reruns when
	 * its own field changes, not when another one does, nor when `load` brings
	 * back what it already held. Every cell reads the digits; at load each of
	 * them would otherwise run again.
	 */
	#values = $state<Preferences>({ ...DEFAULT_PREFERENCES });
	#storage: Storage | undefined;

	/** Reads the stored preferences (defaults for any that are missing or wrong); from now on each change is saved. */
	load(storage = browserStorage(() => window.localStorage)): void {
		this.#storage = storage;
		Object.assign(this.#values, loadPreferences(storage));
	}

	get follow(): boolean {
		return this.#values.follow;
	}
	set follow(on: boolean) {
		this.#set({ follow: on });
	}

	get precision(): Precision {
		return this.#values.precision;
	}
	/** Any number may come in (a select's value): one that is not offered leaves the digits as they are. */
	set precision(digits: number) {
		const offered = PRECISIONS.find((p) => p === digits);
		if (offered !== undefined) this.#set({ precision: offered });
	}

	get colourBy(): Preferences['colourBy'] {
		return this.#values.colourBy;
	}
	set colourBy(mode: Preferences['colourBy']) {
		this.#set({ colourBy: mode });
	}

	get formulaBarOpen(): boolean {
		return this.#values.formulaBarOpen;
	}
	set formulaBarOpen(open: boolean) {
		this.#set({ formulaBarOpen: open });
	}

	get pinsOpen(): boolean {
		return this.#values.pinsOpen;
	}
	set pinsOpen(open: boolean) {
		this.#set({ pinsOpen: open });
	}

	get tracerOpen(): boolean {
		return this.#values.tracerOpen;
	}
	set tracerOpen(open: boolean) {
		this.#set({ tracerOpen: open });
	}

	get predict(): boolean {
		return this.#values.predict;
	}
	set predict(on: boolean) {
		this.#set({ predict: on });
	}

	get predictTolerance(): Preferences['predictTolerance'] {
		return this.#values.predictTolerance;
	}
	set predictTolerance(tolerance: Preferences['predictTolerance']) {
		this.#set({ predictTolerance: tolerance });
	}

	#set(change: Partial<Preferences>): void {
		Object.assign(this.#values, change);
		savePreferences(this.#storage, $state.snapshot(this.#values));
	}
}
