/**
 * Autosave: the open notebook, its current pass and its undo history, kept in
 * the browser's IndexedDB so that closing and reopening the app loses nothing.
 *
 * A session is stored as parts (autosave-parts.ts) — iteration starts, samples
 * tables and chunks of history, each written once — and read back through the
 * engine's parser (autosave-read.ts), every moment replayed bit for bit. When
 * storage is full the oldest history goes first; what cannot be stored or
 * read back becomes a message, never an exception. What localStorage held
 * before (version 1) is read once and moved.
 */
import { HEAD_KEY, sessionParts, type Session } from './autosave-parts.ts';
import { decodeParts, decodeSession, type LoadOutcome } from './autosave-read.ts';
import { isQuotaError, type PartStore } from './autosave-store.ts';

/** Where version 1 kept the whole session, as one text in localStorage. */
export const LEGACY_KEY = 'gradsheet:autosave';

export type { Session };

export const STORAGE_DISABLED =
	'This browser does not let the page store anything, so the notebook will not be kept when you close it. Use Export notebook to keep a copy.';
export const STORAGE_FULL =
	"The browser's storage is full, so your latest changes are not being kept. Use Export notebook to keep a copy.";

/** What became of a save. */
export type SaveOutcome =
	| { readonly ok: true; /** history left out to fit */ readonly trimmed: boolean }
	| { readonly ok: false; readonly error: typeof STORAGE_FULL | typeof STORAGE_DISABLED };

/** The newest `fraction` of a list: history is dropped oldest first. */
const newest = <T>(items: readonly T[], fraction: number) =>
	items.slice(items.length - Math.floor(items.length * fraction));

/**
 * Writes `session` to `store`. If it does not fit, halves the history (oldest
 * first) until it does; if even the bare moment does not fit, the last save
 * stands (each write is one transaction), so a reload still finds it.
 */
export async function saveSession(
	store: PartStore,
	session: Session,
	closing = false
): Promise<SaveOutcome> {
	for (let fraction = 1; ; fraction /= 2) {
		const smaller: Session = {
			moment: session.moment,
			past: newest(session.past, fraction),
			future: newest(session.future, fraction),
			iterations: newest(session.iterations, fraction),
			segments: session.segments && newest(session.segments, fraction),
			predictions: session.predictions
		};
		const { head, parts } = sessionParts(smaller);
		try {
			await store.write(HEAD_KEY, head, parts, closing);
			return { ok: true, trimmed: fraction < 1 };
		} catch (error) {
			if (!isQuotaError(error)) return { ok: false, error: STORAGE_DISABLED };
		}
		if (smaller.past.length + smaller.future.length + smaller.iterations.length === 0)
			return { ok: false, error: STORAGE_FULL };
	}
}

/** What was read, and what it was read from when it must be kept: the stored data, untouched. */
export interface Loaded {
	readonly outcome: LoadOutcome;
	/** The stored data as one text, for a save that could not be restored (to keep and download). */
	readonly raw?: string;
	/** Read from version 1's localStorage: to be moved into the store, then removed. */
	readonly legacy?: boolean;
}

/** Reads the saved session, if any: the store's, else version 1's in `legacy`. Never throws. */
export async function loadSession(store: PartStore, legacy?: Storage): Promise<Loaded> {
	let parts: Map<string, string>;
	try {
		parts = await store.readAll();
	} catch {
		return { outcome: { kind: 'refused', error: STORAGE_DISABLED } };
	}
	const outcome = decodeParts(parts);
	if (outcome.kind !== 'empty')
		return { outcome, raw: outcome.kind === 'refused' ? rawText(parts) : undefined };
	let text: string | null = null;
	try {
		text = legacy?.getItem(LEGACY_KEY) ?? null;
	} catch {
		// localStorage refused: there is nothing of version 1 to move.
	}
	if (text === null) return { outcome };
	return { outcome: decodeSession(text), raw: text, legacy: true };
}

/** Removes version 1's copy, once its session is in the store (or kept). */
export function forgetLegacy(legacy: Storage | undefined): void {
	try {
		legacy?.removeItem(LEGACY_KEY);
	} catch {
		// Nothing to do: it is read again next time, and moved again.
	}
}

/** Every stored part as one JSON text, exactly as stored. */
const rawText = (parts: ReadonlyMap<string, string>) =>
	JSON.stringify({ format: 'gradsheet-autosave-parts', parts: Object.fromEntries(parts) });

/** The browser's localStorage, or undefined when it is disabled (reading `localStorage` throws). */
export function browserStorage(get: () => Storage): Storage | undefined {
	try {
		const storage = get();
		// Some browsers hand out a store that throws on first use instead.
		storage.getItem(LEGACY_KEY);
		return storage;
	} catch {
		return undefined;
	}
}
