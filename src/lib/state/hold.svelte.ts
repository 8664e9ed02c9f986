/**
 * A hold on the open notebook: while something works from the moment it
 * started at (a run of many iterations), nothing else may move it, or that
 * work's result would overwrite what the learner just did — or be thrown
 * away. The holder sets it with the reason to show and how to cancel it.
 */
export class Hold {
	#current = $state.raw<{ reason: string; cancel?: () => void } | undefined>(undefined);

	/** Why the notebook is held, in words for the control the user reached for; undefined when free. */
	get reason(): string | undefined {
		return this.#current?.reason;
	}

	/** Whether the hold can be cancelled from anywhere (the toolbar's Cancel beside the steps). */
	get cancellable(): boolean {
		return this.#current?.cancel !== undefined;
	}

	set(reason: string, cancel?: () => void): void {
		this.#current = { reason, cancel };
	}

	release(): void {
		this.#current = undefined;
	}

	cancel(): void {
		this.#current?.cancel?.();
	}
}
