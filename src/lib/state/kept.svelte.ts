/**
 * Kept notebooks: copies the page put aside instead of losing them — the open
 * notebook when another tab's replaces it, a save that could not be restored,
 * exactly as it was stored. Each is text, reopened as a notebook file (or
 * refused, saying why) or downloaded; it stays until the user deletes it.
 * They live in an IndexedDB store of their own, apart from autosave's parts.
 */
import { createStore, del, entries, set, type UseStore } from 'idb-keyval';

export interface KeptNotebook {
	readonly id: string;
	/** What it is, in words: "Kept from this tab, 02:14" */
	readonly name: string;
	/** Milliseconds since 1970, for the order of the list. */
	readonly keptAt: number;
	/** A notebook file, or (not `opens`) stored data that could not be restored. */
	readonly text: string;
	/** Whether the text is a notebook file the page can open. */
	readonly opens: boolean;
}

export class KeptNotebooks {
	/** Newest first. */
	list = $state.raw<readonly KeptNotebook[]>([]);
	#opened: UseStore | null | undefined;

	/** @param open the store (tests pass one); opened on first use, not during prerendering. */
	constructor(private readonly open = () => createStore('gradsheet-kept', 'kept')) {}

	get #store(): UseStore | undefined {
		if (this.#opened === undefined) {
			try {
				this.#opened = this.open();
			} catch {
				this.#opened = null;
			}
		}
		return this.#opened ?? undefined;
	}

	/** Reads the list. */
	async load(): Promise<void> {
		if (!this.#store) return;
		try {
			const all = await entries<string, KeptNotebook>(this.#store);
			this.list = all.map(([, kept]) => kept).sort((a, b) => b.keptAt - a.keptAt);
		} catch {
			this.list = [];
		}
	}

	/** Keeps `text`; false when the browser would not store it. */
	async keep(name: string, text: string, opens: boolean): Promise<boolean> {
		if (!this.#store) return false;
		const kept: KeptNotebook = {
			id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
			name,
			keptAt: Date.now(),
			text,
			opens
		};
		try {
			await set(kept.id, kept, this.#store);
		} catch {
			return false;
		}
		this.list = [kept, ...this.list];
		return true;
	}

	async remove(id: string): Promise<void> {
		if (this.#store) await del(id, this.#store).catch(() => undefined);
		this.list = this.list.filter((kept) => kept.id !== id);
	}
}

/** A name for a kept copy: why it was kept and when, in the reader's own clock. */
export function keptName(why: string, at = Date.now()): string {
	const time = new Intl.DateTimeFormat(undefined, {
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(at);
	return `${why}, ${time}`;
}

/** The file a kept copy downloads as: when it was kept, in UTC, sortable. */
export function keptFileName(kept: KeptNotebook): string {
	// A plain Date for formatting once, not state: nothing reacts to it.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const at = new Date(kept.keptAt).toISOString().slice(0, 16).replace(':', '');
	return `gradsheet-kept-${at}.json`;
}
