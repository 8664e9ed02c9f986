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
	/** The network it was completed on: opening a preset, a file or a new shape starts another segment. */
	readonly segment: number;
}

/** A completed iteration before the log places it in a segment. */
export type Completion<T> = Omit<IterationEntry<T>, 'segment'>;

/**
 * The completed iterations a learner can return to, in segments, one per
 * network opened (a preset, a file, a new shape): history belongs to a
 * network. Within a segment there is one entry per iteration number, oldest
 * first; like redo, a newly completed iteration starts a new branch: it
 * replaces its number and forgets the ones after it, in its own segment
 * only. At most `limit` are kept in all, the oldest dropped first.
 */
export class IterationLog<T extends object> {
	#entries = $state.raw<IterationEntry<T>[]>([]);
	/** The segment of the moment shown: where a completion is recorded (the page opens on the first). */
	#current = 1;
	/** The highest segment number given out. */
	#last = 1;
	/** The segment of each moment shown since the page opened, so that undo and redo find theirs again. */
	#segments = new WeakMap<T, number>();

	constructor(private readonly limit = 100) {}

	get entries(): readonly IterationEntry<T>[] {
		return this.#entries;
	}

	/** The page shows `moment`; `opens` when it opens another network, which starts a segment. */
	arrive(moment: T, opens = false): void {
		if (opens) this.#current = ++this.#last;
		else this.#current = this.#segments.get(moment) ?? this.#current;
		this.#segments.set(moment, this.#current);
	}

	/** A newly completed iteration of the moment shown: it becomes the last one of its segment. */
	record(completion: Completion<T>): void {
		const segment = this.#current;
		const kept = this.#entries.filter(
			(e) => e.segment !== segment || e.iteration < completion.iteration
		);
		this.#entries = [...kept.slice(-(this.limit - 1)), { ...completion, segment }];
		this.#segments.set(completion.moment, segment);
	}

	/**
	 * A completed iteration returned to by undo or redo: it stands for its
	 * number in its segment again (an edit made after Train may have been
	 * undone), and the list keeps everything else.
	 */
	revisit(completion: Completion<T>): void {
		const segment = this.#current;
		const i = this.#entries.findIndex(
			(e) => e.segment === segment && e.iteration === completion.iteration
		);
		if (i < 0 || this.#entries[i].moment === completion.moment) return;
		this.#entries = this.#entries.with(i, { ...completion, segment });
	}

	/** Puts back saved entries (autosave's restore); the moment shown is in segment `current`. */
	reset(entries: readonly IterationEntry<T>[], current: number): void {
		this.#entries = entries.slice(-this.limit);
		this.#last = Math.max(current, ...entries.map((e) => e.segment));
		this.#current = current;
		for (const e of entries) this.#segments.set(e.moment, e.segment);
	}
}
