/**
 * Autosave wired to the page. On opening it restores the saved session; a
 * `#nb=` link's notebook then opens on top of it, undoably, so the user's own
 * work stays one Undo away (and in the saved history once they change the
 * link's notebook; until then the link is not saved). Each change is saved a
 * short while later, when the browser is idle, and at once when the page is
 * hidden or closed.
 *
 * Tabs: after each save a tab tells the others (tab-sync.ts). A tab with
 * nothing unsaved follows, so tabs stay in step; one with changes of its own
 * (or a run going) stops saving and asks: reload the other tab's notebook, or
 * keep its own as a copy first (kept notebooks). Nothing is lost silently.
 *
 * A run holds the notebook still, so nothing is saved while it goes: closing
 * or reloading mid-run brings back the notebook as it was before the run.
 */
import { untrack } from 'svelte';
import { replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import { serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { notebookDataFromHash } from '$lib/engine/document/share-link.ts';
import {
	STORAGE_DISABLED,
	browserStorage,
	forgetLegacy,
	loadSession,
	saveSession,
	type Session
} from './autosave.ts';
import { browserPartStore } from './autosave-store.ts';
import { download } from './files.ts';
import { keptName } from './kept.svelte.ts';
import type { Moment } from './moment.ts';
import type { NotebookState } from './notebook.svelte.ts';
import { tabSync } from './tab-sync.ts';

/** Long enough to gather a burst of steps or typing into one write. */
const DELAY_MS = 400;
/** The longest a save waits for the browser to be idle. */
const IDLE_MS = 2000;

const OTHER_TAB =
	'This notebook was changed in another tab. Changes made here are not saved until you choose.';
const LINK_OVER_WORK =
	"The link's notebook is open. Your own notebook is kept: Undo goes back to it.";

export interface Autosave {
	/** Settles once the saved session (and any link) is open: before that a click could be undone by it. */
	readonly restored: Promise<void>;
	readonly stop: () => void;
}

export function startAutosave(sheet: NotebookState): Autosave {
	const legacy = browserStorage(() => window.localStorage);
	const store = browserPartStore(legacy);
	const view = sheet.autosave;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let idle: number | undefined;
	/** The moment storage already holds (or need not hold): no change to save. */
	let kept: Moment = sheet.moment;
	/** The predictions' change count storage already holds. */
	let keptPredictions = sheet.predictions.changes;
	/** A link is being opened, or a session restored: its arrival is not a change. */
	let opening = false;
	/** The open notebook came from the link in the address bar and is unchanged. */
	let fromLink = false;
	let reportedFull = false;
	/** Nothing is saved before the saved session is read, nor when the store refuses. */
	let ready = false;
	let disabled = !store;
	/** The stored data could not be restored nor kept: it must not be overwritten. */
	let paused = false;
	/** Another tab saved since this one last read or wrote: saving would overwrite its work. */
	let behind = false;
	/** Another tab said it saved before this one was ready: heard once it is. */
	let missed = false;
	let writing = false;
	let again = false;

	/** Adds to what the banner says rather than hiding an earlier message. */
	const tell = (text: string) =>
		(sheet.message = sheet.message ? `${sheet.message} ${text}` : text);

	const unsaved = () => sheet.moment !== kept || sheet.predictions.changes !== keptPredictions;
	const settle = () => {
		kept = sheet.moment;
		keptPredictions = sheet.predictions.changes;
	};

	const session = (): Session => ({
		moment: sheet.moment,
		past: sheet.history.past,
		future: sheet.history.future,
		iterations: sheet.iterations.entries.map((entry) => entry.moment),
		segments: sheet.iterations.entries.map((entry) => entry.segment),
		predictions: sheet.predictions.toFile()
	});

	function cancelPending(): void {
		clearTimeout(timer);
		timer = undefined;
		if (idle !== undefined) cancelIdleCallback(idle);
		idle = undefined;
	}

	/** `closing`: the page is going, so no later task runs; write now even beside a write in flight. */
	function save(closing = false): void {
		cancelPending();
		if (!store || disabled || paused || !ready || !unsaved()) return;
		if (behind) return askAboutOtherTab();
		if (writing && !closing) {
			again = true;
			return;
		}
		writing = true;
		const { moment } = sheet;
		const changes = sheet.predictions.changes;
		// The write starts now (the parts are made synchronously), so a closing page still sends it.
		void saveSession(store, session(), closing).then((outcome) => {
			writing = false;
			if (outcome.ok) {
				kept = moment;
				keptPredictions = changes;
				reportedFull = false;
				sync.saved();
			} else if (!reportedFull) {
				tell(outcome.error);
				reportedFull = true;
			}
			if (again) {
				again = false;
				save();
			}
		});
	}

	/** Saves when the browser is next idle (or after IDLE_MS at most), off the step's path. */
	function schedule(): void {
		cancelPending();
		timer = setTimeout(() => {
			timer = undefined;
			if (typeof requestIdleCallback === 'function')
				idle = requestIdleCallback(() => save(), { timeout: IDLE_MS });
			else save();
		}, DELAY_MS);
	}

	/** Reads the saved session into the page. */
	async function restore(quiet = false): Promise<void> {
		if (!store) {
			tell(STORAGE_DISABLED);
			return;
		}
		const loaded = await loadSession(store, legacy);
		const { outcome } = loaded;
		behind = false;
		if (outcome.kind === 'refused') {
			if (outcome.error === STORAGE_DISABLED) {
				disabled = true;
				tell(STORAGE_DISABLED);
			} else if (!quiet) await keepUnrestored(outcome.error, loaded.raw ?? '', loaded.legacy);
		} else if (outcome.kind === 'restored') {
			opening = true;
			sheet.resume(outcome.session);
			opening = false;
			if (outcome.warning) tell(outcome.warning);
			if (loaded.legacy && (await saveSession(store, outcome.session)).ok) forgetLegacy(legacy);
		}
		settle();
	}

	/** A save that cannot be restored is kept as it was, for the user to download. */
	async function keepUnrestored(error: string, raw: string, fromLegacy?: boolean): Promise<void> {
		const keptIt = await view.kept.keep(keptName('Could not be restored'), raw, false);
		if (keptIt && fromLegacy) forgetLegacy(legacy);
		paused = !keptIt;
		const where = keptIt
			? 'It is kept as it was, under Kept notebooks.'
			: 'It is left as it was, and this tab does not autosave, so that nothing overwrites it.';
		view.show(`${error} ${where} The article's demo is open instead.`, [
			{
				label: 'Download it',
				run: () => download('gradsheet-not-restored.json', raw, 'application/json')
			}
		]);
	}

	/** Another tab saved while this one has work of its own: ask, never overwrite. */
	function askAboutOtherTab(): void {
		if (view.choice) return;
		view.show(
			OTHER_TAB,
			[
				{ label: 'Reload it', run: () => void takeOtherTab(false) },
				{ label: 'Keep this tab’s as a copy, then reload', run: () => void takeOtherTab(true) }
			],
			true
		);
	}

	async function takeOtherTab(keepOwn: boolean): Promise<void> {
		if (sheet.busy) {
			tell(sheet.busy);
			return;
		}
		const own = serialiseNotebook(sheet.toNotebook());
		const keptIt = keepOwn && (await view.kept.keep(keptName('Kept from a tab'), own, true));
		view.clear();
		cancelPending();
		await restore(true);
		if (keepOwn)
			tell(
				keptIt
					? "This tab's notebook is kept, under Kept notebooks."
					: "This tab's notebook could not be kept: the browser's storage refused it."
			);
	}

	async function onOtherSave(): Promise<void> {
		if (!ready) missed = true;
		if (!ready || disabled || paused) return;
		behind = true;
		if (unsaved() || writing || sheet.busy || fromLink) {
			if (unsaved()) askAboutOtherTab();
			return;
		}
		await restore(true);
	}

	/** The demo the page opened with: not the user's own work. */
	const first = sheet.moment;

	async function openLink(): Promise<void> {
		if (timer !== undefined || idle !== undefined) save();
		const before = sheet.moment;
		const own = sheet.history.past.length > 0 || before !== first;
		opening = true;
		try {
			await sheet.openHash(location.hash);
		} finally {
			opening = false;
		}
		const opened = sheet.moment !== before;
		if (opened && own) tell(LINK_OVER_WORK);
		fromLink = opened || fromLink;
		settle();
	}
	function changed(): void {
		if (opening || !unsaved()) return;
		if (fromLink) {
			fromLink = false;
			replaceState(resolve('/'), {});
		}
		schedule();
	}

	/** Anything not yet stored (waiting, or changed during a write in flight) is written at once. */
	const flush = () => save(true);
	const onVisibility = () => {
		if (document.visibilityState === 'hidden') flush();
	};
	const onHash = () => {
		if (notebookDataFromHash(location.hash) !== undefined) void openLink();
	};

	const sync = tabSync(() => void onOtherSave());
	void view.kept.load();
	const restored = (async () => {
		await restore();
		if (notebookDataFromHash(location.hash) !== undefined) await openLink();
		ready = true;
		if (missed) await onOtherSave();
		if (unsaved()) schedule();
	})();

	const stopWatching = $effect.root(() => {
		$effect(() => {
			void [sheet.moment, sheet.predictions.changes];
			untrack(changed);
		});
	});
	addEventListener('pagehide', flush);
	addEventListener('hashchange', onHash);
	document.addEventListener('visibilitychange', onVisibility);
	const stop = () => {
		flush();
		sync.close();
		stopWatching();
		removeEventListener('pagehide', flush);
		removeEventListener('hashchange', onHash);
		document.removeEventListener('visibilitychange', onVisibility);
	};
	return { restored, stop };
}
