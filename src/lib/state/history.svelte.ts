/** Undo and redo over immutable moments: each action pushes the moment it leaves. */
export class History<T> {
	#past = $state.raw<T[]>([]);
	#future = $state.raw<T[]>([]);

	constructor(private readonly limit = 1000) {}

	get canUndo(): boolean {
		return this.#past.length > 0;
	}

	get canRedo(): boolean {
		return this.#future.length > 0;
	}

	/** Records `left`, the moment an action is leaving; a new action forgets what could be redone. */
	push(left: T): void {
		this.#past = [...this.#past.slice(-(this.limit - 1)), left];
		this.#future = [];
	}

	/** The moment before `now`, remembering `now` for redo; undefined when there is none. */
	undo(now: T): T | undefined {
		const previous = this.#past.at(-1);
		if (previous === undefined) return undefined;
		this.#past = this.#past.slice(0, -1);
		this.#future = [...this.#future, now];
		return previous;
	}

	redo(now: T): T | undefined {
		const next = this.#future.at(-1);
		if (next === undefined) return undefined;
		this.#future = this.#future.slice(0, -1);
		this.#past = [...this.#past, now];
		return next;
	}

	clear(): void {
		this.#past = [];
		this.#future = [];
	}
}
