/**
 * Autosave wired to the page: restores the saved session on opening (unless
 * a `#nb=` link names a notebook), saves a short while after each change and
 * at once when the page is hidden or closed. A link's notebook is not saved
 * until the user changes it, so opening a link never overwrites their work;
 * from that first change on, the link leaves the address bar, so that a
 * reload brings back their work and not the link's starting point.
 */
import { untrack } from 'svelte';
import { replaceState } from '$app/navigation';
import { resolve } from '$app/paths';
import { notebookDataFromHash } from '$lib/engine/document/share-link.ts';
import { STORAGE_DISABLED, browserStorage, loadSession, saveSession } from './autosave.ts';
import type { Moment } from './moment.ts';
import type { NotebookState } from './notebook.svelte.ts';

/** Long enough to gather a burst of steps or typing into one write. */
const DELAY_MS = 400;

export function startAutosave(sheet: NotebookState): () => void {
	const storage = browserStorage(() => window.localStorage);
	let timer: ReturnType<typeof setTimeout> | undefined;
	/** The moment storage already holds (or need not hold): no change to save. */
	let kept: Moment = sheet.moment;
	/** The predictions' change count storage already holds. */
	let keptPredictions = sheet.predictions.changes;
	/** A link is being opened: its notebook arriving is not a change. */
	let opening = false;
	/** The open notebook came from the link in the address bar and is unchanged. */
	let fromLink = false;
	let reportedFull = false;

	/** Adds to what the banner says rather than hiding an earlier message. */
	const tell = (text: string) =>
		(sheet.message = sheet.message ? `${sheet.message} ${text}` : text);

	function save(): void {
		clearTimeout(timer);
		timer = undefined;
		if (!storage) return;
		const outcome = saveSession(storage, {
			moment: sheet.moment,
			past: sheet.history.past,
			future: sheet.history.future,
			iterations: sheet.iterations.entries.map((entry) => entry.moment),
			segments: sheet.iterations.entries.map((entry) => entry.segment),
			predictions: sheet.predictions.toFile()
		});
		if (outcome.ok) {
			kept = sheet.moment;
			keptPredictions = sheet.predictions.changes;
			reportedFull = false;
		} else if (!reportedFull) {
			tell(outcome.error);
			reportedFull = true;
		}
	}

	function restore(): void {
		if (!storage) {
			tell(STORAGE_DISABLED);
			return;
		}
		const outcome = loadSession(storage);
		if (outcome.kind === 'refused') tell(outcome.error);
		else if (outcome.kind === 'restored') {
			sheet.resume(outcome.session);
			if (outcome.warning) tell(outcome.warning);
		}
		kept = sheet.moment;
		keptPredictions = sheet.predictions.changes;
	}

	async function openLink(first: boolean): Promise<void> {
		if (timer !== undefined) save();
		const before = sheet.moment;
		opening = true;
		try {
			await sheet.openHash(location.hash);
		} finally {
			opening = false;
		}
		const opened = sheet.moment !== before;
		// A refused link on opening the app falls back to the notebook the user had: the saved one.
		if (!opened && first) restore();
		fromLink = opened;
		kept = sheet.moment;
		keptPredictions = sheet.predictions.changes;
	}

	function changed(): void {
		if (opening || (sheet.moment === kept && sheet.predictions.changes === keptPredictions)) return;
		if (fromLink) {
			fromLink = false;
			replaceState(resolve('/'), {});
		}
		clearTimeout(timer);
		timer = setTimeout(save, DELAY_MS);
	}

	const flush = () => {
		if (timer !== undefined) save();
	};
	const onVisibility = () => {
		if (document.visibilityState === 'hidden') flush();
	};
	const onHash = () => {
		if (notebookDataFromHash(location.hash) !== undefined) void openLink(false);
	};

	if (notebookDataFromHash(location.hash) !== undefined) void openLink(true);
	else restore();

	const stopWatching = $effect.root(() => {
		$effect(() => {
			void [sheet.moment, sheet.predictions.changes];
			untrack(changed);
		});
	});
	addEventListener('pagehide', flush);
	addEventListener('hashchange', onHash);
	document.addEventListener('visibilitychange', onVisibility);
	return () => {
		flush();
		stopWatching();
		removeEventListener('pagehide', flush);
		removeEventListener('hashchange', onHash);
		document.removeEventListener('visibilitychange', onVisibility);
	};
}
