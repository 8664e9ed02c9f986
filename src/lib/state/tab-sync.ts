/**
 * Tabs of the app learn of each other's saves: after each save a tab says so
 * on a BroadcastChannel, and the others decide whether to follow
 * (autosave-session.svelte.ts). Where the browser has no BroadcastChannel, tabs
 * do not hear each other, and each keeps its own work as before.
 */
const CHANNEL = 'gradsheet:autosave';

export interface TabSync {
	/** Tells the other tabs that this one has just saved. */
	saved(): void;
	close(): void;
}

/**
 * The channel opened before the store was first read (`listenEarly`), and
 * whether another tab said it saved since: that save may be missing from the
 * read, so the session must hear of it once it starts.
 */
let early: { channel: BroadcastChannel; heard: boolean } | undefined;

function open(): BroadcastChannel | undefined {
	try {
		return new BroadcastChannel(CHANNEL);
	} catch {
		return undefined;
	}
}

/** Listens from now on, before the page reads the store (hooks.client.ts); `tabSync` takes the channel over. */
export function listenEarly(): void {
	const channel = early ? undefined : open();
	if (!channel) return;
	const listening = { channel, heard: false };
	channel.onmessage = (event: MessageEvent<unknown>) => {
		if (event.data === 'saved') listening.heard = true;
	};
	early = listening;
}

/** `onOtherSave` runs for each save another tab reports, and at once for one heard before this was called. */
export function tabSync(onOtherSave: () => void): TabSync {
	const taken = early;
	early = undefined;
	const channel = taken?.channel ?? open();
	if (channel)
		channel.onmessage = (event: MessageEvent<unknown>) => {
			if (event.data === 'saved') onOtherSave();
		};
	if (taken?.heard) queueMicrotask(onOtherSave);
	return {
		saved: () => channel?.postMessage('saved'),
		close: () => channel?.close()
	};
}
