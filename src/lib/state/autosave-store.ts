/**
 * Where autosave keeps its parts: an IndexedDB store opened through
 * idb-keyval, read whole and written in one transaction each, so a save is
 * all or nothing and a reader never sees half of one. IndexedDB holds far
 * more than localStorage's 5 MB, and a write does not block the page.
 */
import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import { settleJournal, withJournal, writeJournal } from './autosave-journal.ts';

/** A store of text parts by key. */
export interface PartStore {
	/** Every part stored. */
	readAll(): Promise<Map<string, string>>;
	/**
	 * Puts `head` under `headKey`, writes each of `parts` the store lacks (its
	 * text made only then) and deletes every part not in `parts`: one
	 * transaction, so a refusal (full storage) leaves the last save whole. Its
	 * puts are issued in the task that calls it, so a closing page still sends them.
	 */
	write(
		headKey: string,
		head: string,
		parts: ReadonlyMap<string, () => string>,
		closing?: boolean
	): Promise<void>;
}

const DATABASE = 'gradsheet';
const STORE = 'autosave';

/** The browser's IndexedDB store of autosave parts, opened now; undefined where the page may not use IndexedDB. */
function openDatabase(): UseStore | undefined {
	try {
		// Reading `indexedDB` throws where the page may not store anything.
		return globalThis.indexedDB ? createStore(DATABASE, STORE) : undefined;
	} catch {
		return undefined;
	}
}

type Stored = [keys: IDBValidKey[], values: unknown[]];

/** Every key the store holds, and its value, in one transaction. */
const readStored = (store: UseStore): Promise<Stored> =>
	store('readonly', (s) =>
		Promise.all([promisifyRequest(s.getAllKeys()), promisifyRequest(s.getAll())])
	);

/** The store opened, and read, before the page hydrated; taken by the first `browserPartStore`. */
let prefetched: { database: UseStore; read: Promise<Stored> } | undefined;

/**
 * Opens the store and begins to read it before the page hydrates
 * (hooks.client.ts). The page is ready only once its saved session is back;
 * read after hydration, the read's replies wait behind the hydrated page's
 * first frame, and the page is ready a frame later than it need be. Settles
 * once the read has, or after `waitMs` at most: a slow store (a long history,
 * a busy disk) must not hold the page back, and the restore then waits for the
 * same read.
 */
export function prefetchStore(waitMs: number): Promise<void> {
	const database = openDatabase();
	if (!database) return Promise.resolve();
	const read = readStored(database);
	prefetched = { database, read };
	const settled = read.then(
		() => {},
		() => {} // the restore that takes the read reports its refusal
	);
	return Promise.race([settled, new Promise<void>((done) => setTimeout(done, waitMs))]);
}

/**
 * The browser's autosave store, or undefined when the page may not use
 * IndexedDB at all. `journal`: where a save made as the page closes is also
 * kept (autosave-journal.ts).
 */
export function browserPartStore(journal?: Storage): PartStore | undefined {
	const taken = prefetched;
	prefetched = undefined;
	const database = taken?.database ?? openDatabase();
	return database && idbPartStore(database, journal, taken?.read);
}

/** `early`: a read of the store begun before (`prefetchStore`), which the first `readAll` takes. */
export function idbPartStore(
	store: UseStore,
	journal?: Storage,
	early?: Promise<Stored>
): PartStore {
	/**
	 * The keys the store held after the last read or write. A write puts the
	 * parts missing from it and the head at once, in the task that asked: a page
	 * being closed runs no later task, so a write that first listed the stored
	 * keys (a round trip) would never issue its puts, and the save was lost.
	 */
	let known = new Set<IDBValidKey>();
	return {
		readAll: async () => {
			const read = early ?? readStored(store);
			early = undefined;
			const [keys, values] = await read;
			known = new Set(keys);
			const parts = new Map<string, string>();
			keys.forEach((key, i) => {
				if (typeof key === 'string' && typeof values[i] === 'string') parts.set(key, values[i]);
			});
			return withJournal(journal, parts);
		},
		write: (headKey, head, parts, closing) => {
			const startedAt = Date.now();
			return store(
				'readwrite',
				(s) =>
					new Promise<void>((resolve, reject) => {
						const transaction = s.transaction;
						/** What a put threw at once (a value over the quota, in some browsers). */
						let thrown: unknown;
						/** The parts this write put before listing the store, with their text. */
						const put = new Map<string, string>();
						const attempt = (work: () => void) => {
							try {
								work();
							} catch (error) {
								thrown = error;
								transaction.abort();
							}
						};
						transaction.oncomplete = () => {
							known = new Set([...parts.keys(), headKey]);
							settleJournal(journal, startedAt);
							resolve();
						};
						transaction.onabort = transaction.onerror = () => reject(thrown ?? transaction.error);
						attempt(() => {
							for (const [key, text] of parts)
								if (!known.has(key)) {
									const made = text();
									s.put(made, key);
									put.set(key, made);
								}
							s.put(head, headKey);
						});
						// A closing page commits at once: Chromium drops a transaction still open
						// when the page goes. Its clean-up is left to the next save; a part another
						// tab removed a moment ago is not put back (this tab would hear of that save
						// and ask before writing, unless the page closes first).
						if (thrown !== undefined) return;
						if (closing) {
							writeJournal(journal, startedAt, { headKey, head, parts: Object.fromEntries(put) });
							return void transaction.commit?.();
						}
						// Another tab's save may have removed parts this one thinks stored: the listing
						// (in the request's callback, while the transaction is active) puts them back
						// and deletes what no part of this save names.
						const request = s.getAllKeys();
						request.onsuccess = () =>
							attempt(() => {
								const stored = new Set(request.result);
								for (const [key, text] of parts)
									if (!stored.has(key) && !put.has(key)) s.put(text(), key);
								for (const key of stored)
									if (key !== headKey && !parts.has(key as string)) s.delete(key);
							});
					})
			);
		}
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
