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

export function tabSync(onOtherSave: () => void): TabSync {
	let channel: BroadcastChannel | undefined;
	try {
		channel = new BroadcastChannel(CHANNEL);
		channel.onmessage = (event: MessageEvent<unknown>) => {
			if (event.data === 'saved') onOtherSave();
		};
	} catch {
		channel = undefined;
	}
	return {
		saved: () => channel?.postMessage('saved'),
		close: () => channel?.close()
	};
}
