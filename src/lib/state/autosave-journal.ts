/**
 * A save made as the page closes, also kept in localStorage. Chromium may
 * drop an IndexedDB transaction still committing when the page goes (a
 * reload straight after a step lost it about one time in ten on a loaded
 * machine), while localStorage is written synchronously. It holds only what
 * that save added: the head and the parts the store lacked. The next read
 * lays it over the store's parts; a later write that completes removes it.
 */
import * as v from 'valibot';

const JOURNAL_KEY = 'gradsheet:autosave-closing';

const JournalSchema = v.object({
	/** When its save began (Date.now): a write begun then or later supersedes it, in any tab. */
	at: v.number(),
	headKey: v.string(),
	head: v.string(),
	parts: v.record(v.string(), v.string())
});
type Journal = v.InferOutput<typeof JournalSchema>;

/**
 * Keeps a closing save begun `at` (Date.now), so that its own completion
 * removes it; where it does not fit, leaves none, so that no older one stands in for it.
 */
export function writeJournal(
	storage: Storage | undefined,
	at: number,
	save: Omit<Journal, 'at'>
): void {
	if (!storage) return;
	try {
		storage.setItem(JOURNAL_KEY, JSON.stringify({ at, ...save }));
	} catch {
		removeJournal(storage);
	}
}

/** `parts` with the journal's laid over them, when there is a readable journal. */
export function withJournal(
	storage: Storage | undefined,
	parts: Map<string, string>
): Map<string, string> {
	const journal = readJournal(storage);
	if (!journal) return parts;
	for (const [key, text] of Object.entries(journal.parts)) parts.set(key, text);
	parts.set(journal.headKey, journal.head);
	return parts;
}

/** Removes the journal once a write begun at `startedAt` or later has completed. */
export function settleJournal(storage: Storage | undefined, startedAt: number): void {
	const journal = readJournal(storage);
	if (journal && journal.at <= startedAt) removeJournal(storage);
}

function readJournal(storage: Storage | undefined): Journal | undefined {
	try {
		const text = storage?.getItem(JOURNAL_KEY);
		if (!text) return undefined;
		const read = v.safeParse(JournalSchema, JSON.parse(text));
		return read.success ? read.output : undefined;
	} catch {
		return undefined;
	}
}

function removeJournal(storage: Storage | undefined): void {
	try {
		storage?.removeItem(JOURNAL_KEY);
	} catch {
		// Storage refused: there is nothing more to do.
	}
}
