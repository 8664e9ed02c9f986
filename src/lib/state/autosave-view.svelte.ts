/**
 * What autosave has to say that needs an answer — a save that could not be
 * restored (download it), another tab's change (reload it, or keep this tab's
 * as a copy) — and the kept notebooks. autosave-session.svelte.ts sets it; the
 * page's StorageNotice and KeptList show it.
 */
import { KeptNotebooks } from './kept.svelte.ts';

export interface NoticeAction {
	readonly label: string;
	readonly run: () => void;
}

export class AutosaveView {
	text = $state<string | undefined>(undefined);
	actions = $state.raw<readonly NoticeAction[]>([]);
	/** Whether it waits for a choice: then it has no Dismiss, and autosave waits too. */
	choice = $state(false);
	readonly kept = new KeptNotebooks();

	show(text: string, actions: readonly NoticeAction[] = [], choice = false): void {
		this.text = text;
		this.actions = actions;
		this.choice = choice;
	}

	clear(): void {
		this.text = undefined;
		this.actions = [];
		this.choice = false;
	}
}
