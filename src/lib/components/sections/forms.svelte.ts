/** Small pieces the sections' forms share. */

/** A form's submit handler that runs `action` instead of the browser's submission (which reloads the page). */
export const submitted = (action: () => void) => (event: SubmitEvent) => {
	event.preventDefault();
	action();
};

/**
 * A field's value that shows the notebook's (`source`) until the learner
 * types another, and the notebook's again once the notebook changes (`key`:
 * a preset, an undo). What a writable `$derived` does, spelled out so that it
 * behaves the same in the unit tests, which run Svelte's server build.
 */
export class Following<T> {
	#typed = $state.raw<{ value: T; key: unknown } | undefined>(undefined);
	readonly #source: () => T;
	readonly #key: () => unknown;

	constructor(source: () => T, key: () => unknown) {
		this.#source = source;
		this.#key = key;
	}

	get value(): T {
		const typed = this.#typed;
		return typed && typed.key === this.#key() ? typed.value : this.#source();
	}
	set value(value: T) {
		this.#typed = { value, key: this.#key() };
	}
}
