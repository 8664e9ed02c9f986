import type { ClientInit } from '@sveltejs/kit';
import { prefetchStore } from '$lib/state/autosave-store.ts';
import { listenEarly } from '$lib/state/tab-sync.ts';

/**
 * The longest the page waits for its saved session before it hydrates: enough
 * for a first visit's empty store (a few ms), never long enough to be noticed.
 */
const PREFETCH_MS = 50;

/**
 * Before the page hydrates, with its HTML parsed and its code loaded: opens
 * the tabs' channel, then reads the autosave store (autosave-store.ts says
 * why). The channel first, so that a save another tab makes after the read is
 * heard.
 */
export const init: ClientInit = async () => {
	listenEarly();
	await prefetchStore(PREFETCH_MS);
};
