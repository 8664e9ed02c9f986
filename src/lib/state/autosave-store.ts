/**
 * Where autosave keeps its parts: an IndexedDB store opened through
 * idb-keyval, read whole and written in one transaction each, so a save is
 * all or nothing and a reader never sees half of one. IndexedDB holds far
 * more than localStorage's 5 MB, and a write does not block the page.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';

/** A store of text parts by key. */
export interface PartStore {
	/** Every part stored. */
	readAll(): Promise<Map<string, string>>;
	/**
	 * Puts `head` under `headKey`, writes each of `parts` the store lacks (its
	 * text made only then) and deletes every part not in `parts`: one
	 * transaction, so a refusal (full storage) leaves the last save whole.
	 */
	write(headKey: string, head: string, parts: ReadonlyMap<string, () => string>): Promise<void>;
}

const DATABASE = 'gradsheet';
const STORE = 'autosave';

/** The browser's autosave store, or undefined when the page may not use IndexedDB at all. */
export function browserPartStore(): PartStore | undefined {
	try {
		// Reading `indexedDB` throws where the page may not store anything.
		if (!globalThis.indexedDB) return undefined;
	} catch {
		return undefined;
	}
	return idbPartStore(createStore(DATABASE, STORE));
}

export function idbPartStore(store: UseStore): PartStore {
	return {
		readAll: () =>
			store('readonly', async (s) => {
				const [keys, values] = await Promise.all([
					promisifyRequest(s.getAllKeys()),
					promisifyRequest(s.getAll())
				]);
				const parts = new Map<string, string>();
				keys.forEach((key, i) => {
					if (typeof key === 'string' && typeof values[i] === 'string') parts.set(key, values[i]);
				});
				return parts;
			}),
		write: (headKey, head, parts) =>
			store(
				'readwrite',
				(s) =>
					new Promise<void>((resolve, reject) => {
						const transaction = s.transaction;
						/** What a put threw at once (a value over the quota, in some browsers). */
						let thrown: unknown;
						transaction.oncomplete = () => resolve();
						transaction.onabort = transaction.onerror = () => reject(thrown ?? transaction.error);
						const request = s.getAllKeys();
						// In the request's callback, not after an await: the transaction must still be active.
						request.onsuccess = () => {
							try {
								const stored = new Set(request.result);
								for (const [key, text] of parts) if (!stored.has(key)) s.put(text(), key);
								s.put(head, headKey);
								for (const key of stored)
									if (key !== headKey && !parts.has(key as string)) s.delete(key);
							} catch (error) {
								thrown = error;
								transaction.abort();
							}
						};
					})
			)
	};
}

export function isQuotaError(error: unknown): boolean {
	if (!(error instanceof DOMException)) return false;
	// Chrome and Safari name it; old Firefox used its own name and code.
	return (
		error.name === 'QuotaExceededError' ||
		error.name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
		error.code === 22 ||
		error.code === 1014
	);
}
