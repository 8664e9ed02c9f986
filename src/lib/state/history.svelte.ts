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

	/** What undo walks back through, oldest first (for autosave). */
	get past(): readonly T[] {
		return this.#past;
	}

	/** What redo walks forward through, the next redo last (for autosave). */
	get future(): readonly T[] {
		return this.#future;
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

	/** Puts back a saved history (autosave's restore), keeping within the limit. */
	reset(past: readonly T[], future: readonly T[]): void {
		this.#past = past.slice(-this.limit);
		this.#future = future.slice(-this.limit);
	}
}

/** One completed iteration in the history panel. */
export interface IterationEntry<T> {
	/** Iterations completed at this moment, as the `iteration` cell counts them */
	readonly iteration: number;
	/** E of the iteration's forward pass */
	readonly loss: number;
	readonly moment: T;
}

/**
 * The completed iterations a learner can return to, one per iteration
 * number, oldest first. Like redo, a newly completed iteration starts a new
 * branch: it replaces its number and forgets the ones after it. At most
 * `limit` are kept, the oldest dropped first.
 */
export class IterationLog<T> {
	#entries = $state.raw<IterationEntry<T>[]>([]);

	constructor(private readonly limit = 100) {}

	get entries(): readonly IterationEntry<T>[] {
		return this.#entries;
	}

	/** A newly completed iteration: it becomes the last one listed. */
	record(entry: IterationEntry<T>): void {
		const kept = this.#entries.filter((e) => e.iteration < entry.iteration);
		this.#entries = [...kept.slice(-(this.limit - 1)), entry];
	}

	/**
	 * A completed iteration returned to by undo or redo: it stands for its
	 * number again (an edit made after Train may have been undone), and the
	 * list keeps everything else.
	 */
	revisit(entry: IterationEntry<T>): void {
		const i = this.#entries.findIndex((e) => e.iteration === entry.iteration);
		if (i < 0 || this.#entries[i].moment === entry.moment) return;
		this.#entries = this.#entries.with(i, entry);
	}

	reset(entries: readonly IterationEntry<T>[]): void {
		this.#entries = entries.slice(-this.limit);
	}

	clear(): void {
		this.#entries = [];
	}
}
