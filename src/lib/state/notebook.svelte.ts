/**
 * The open notebook's state: the current snapshot and where samples come
 * from, with a named method for every action. Components read it and call
 * its methods; they never compute.
 */
import { allAddresses } from '$lib/engine/addresses.ts';
import { cellValue } from '$lib/engine/cell-values.ts';
import { sampleAt, type DataSource } from '$lib/engine/data.ts';
import { layerSizes } from '$lib/engine/model.ts';
import { dataSourceOf, netOf, type Notebook } from '$lib/engine/notebook.ts';
import { nextIteration, step } from '$lib/engine/passes.ts';
import { preset } from '$lib/engine/presets.ts';
import { decodeShareLink, notebookDataFromHash } from '$lib/engine/share-link.ts';
import { createSnapshot, type Pass, type Snapshot } from '$lib/engine/snapshot.ts';

export type StepButton = 'forward' | 'backward' | 'train';

const WAITS_FOR: Record<StepButton, string> = {
	forward: 'Train first: this iteration still has a pass to run.',
	backward: 'Run Forward first: Backward needs every neuron’s value.',
	train: 'Run Backward first: Train uses the gradients Backward computes.'
};

export class NotebookState {
	notebook = $state.raw<Notebook>(preset('article'));
	snapshot = $state.raw<Snapshot>(startOf(preset('article')));
	/** A message for the user about the last thing that went wrong, e.g. a refused link. */
	message = $state<string | undefined>(undefined);

	readonly addresses = $derived(allAddresses(layerSizes(this.snapshot.net)));
	readonly pass: Pass = $derived(this.snapshot.cursor.pass);

	#source: DataSource = dataSourceOf(this.notebook);

	/** Opens `notebook`, replacing the open one. */
	load(notebook: Notebook): void {
		this.notebook = notebook;
		this.#source = dataSourceOf(notebook);
		this.snapshot = startOf(notebook);
	}

	/** Opens the notebook of a `#nb=` link; a link that does not decode leaves the open notebook as it was. */
	async openHash(hash: string): Promise<void> {
		const data = notebookDataFromHash(hash);
		if (data === undefined) return;
		const result = await decodeShareLink(data);
		if (result.ok) {
			this.load(result.notebook);
			this.message = undefined;
		} else {
			this.message = `This link's notebook could not be opened: ${result.error}`;
		}
	}

	value(address: string): number | undefined {
		return cellValue(this.snapshot, address);
	}

	/** Why `button` cannot run now, or undefined when it can. */
	whyNot(button: StepButton): string | undefined {
		const runs =
			button === 'forward' ? this.pass === 'forward' || this.pass === 'done' : this.pass === button;
		return runs ? undefined : WAITS_FOR[button];
	}

	/** Runs the rest of the forward pass, beginning the next iteration if this one is done. */
	forward(): void {
		let s = this.snapshot;
		if (s.cursor.pass === 'done') s = nextIteration(s, sampleAt(this.#source, s.iteration + 1));
		if (s.cursor.pass === 'forward') this.snapshot = step(s, 'pass');
	}

	backward(): void {
		if (this.pass === 'backward') this.snapshot = step(this.snapshot, 'pass');
	}

	train(): void {
		if (this.pass === 'train') this.snapshot = step(this.snapshot, 'pass');
	}
}

function startOf(notebook: Notebook): Snapshot {
	return createSnapshot({
		net: netOf(notebook),
		inputs: notebook.inputs,
		targets: notebook.targets,
		learningRate: notebook.learningRate,
		iteration: notebook.iteration ?? 0,
		overrides: notebook.overrides
	});
}
