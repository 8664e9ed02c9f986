/**
 * The open notebook's state: the snapshot the page shows, the start of its
 * iteration (what edits change and replay from), the selection and the
 * history, with a named method for every action. Components read it and call
 * its methods; they never compute.
 */
import { allAddresses, parseAddress } from '$lib/engine/addresses.ts';
import { cellGraph } from '$lib/engine/cell-graph.ts';
import { cellValue } from '$lib/engine/cell-values.ts';
import { sampleAt, type DataSource, type Sample } from '$lib/engine/data.ts';
import { editStart, unpinStart } from '$lib/engine/edits.ts';
import { layerSizes } from '$lib/engine/model.ts';
import { dataSourceOf, type Notebook } from '$lib/engine/notebook.ts';
import { nextIteration, replayTo, step, type Granularity } from '$lib/engine/passes.ts';
import { preset } from '$lib/engine/presets.ts';
import { decodeShareLink, notebookDataFromHash } from '$lib/engine/share-link.ts';
import { trainDone, type Pass, type Snapshot } from '$lib/engine/snapshot.ts';
import { DEFAULT_PRECISION } from '$lib/tex/numbers.ts';
import { History } from './history.svelte.ts';
import { momentOf, withTrainedEdits, type Moment } from './moment.ts';
import { parseCellText } from './cell-text.ts';
import { whyNot, type StepAction } from './step-actions.ts';

export class NotebookState {
	#moment = $state.raw<Moment>(momentOf(preset('article')));
	/** The moment before the last action: what "just computed" and "changed by" compare against. */
	#before = $state.raw<Snapshot | undefined>(undefined);
	readonly history = new History<Moment>();

	selected = $state<string | undefined>(undefined);
	precision = $state(DEFAULT_PRECISION);
	/** A message about the last thing refused, e.g. a link that did not open. */
	message = $state<string | undefined>(undefined);

	readonly notebook = $derived(this.#moment.notebook);
	readonly snapshot = $derived(this.#moment.snapshot);
	readonly before = $derived(this.#before);
	readonly pass: Pass = $derived(this.snapshot.cursor.pass);
	/** The same array until the net's shape changes, so tables keyed on it do not re-render on each step. */
	readonly sizes: readonly number[] = $derived.by(() => {
		const sizes = layerSizes(this.snapshot.net);
		return sameNumbers(sizes, this.#lastSizes) ? this.#lastSizes : (this.#lastSizes = sizes);
	});
	#lastSizes: number[] = [];
	readonly addresses = $derived(allAddresses(this.sizes));
	readonly graph = $derived(cellGraph(this.snapshot.net));
	readonly precedents = $derived(lookup(this.selected ? this.graph.precedents(this.selected) : []));
	readonly dependents = $derived(lookup(this.selected ? this.graph.dependents(this.selected) : []));
	readonly overrides = $derived(Object.entries(this.snapshot.overrides));

	readonly #source: DataSource = $derived(dataSourceOf(this.notebook));

	/** Opens `notebook`, replacing the open one (undoably). */
	load(notebook: Notebook): void {
		this.#act(momentOf(notebook));
		this.selected = undefined;
	}

	/** Replaces the notebook with `change` of it (architecture, preset, seed): the iteration starts again. */
	update(change: (notebook: Notebook) => Notebook): void {
		this.load(change(this.toNotebook()));
	}

	/** Changes where iterations take their samples from, keeping the current iteration as it is. */
	setData(fields: Pick<Notebook, 'samples' | 'dataset' | 'seed'>): void {
		this.#act({ ...this.#moment, notebook: { ...this.notebook, ...fields } });
	}

	/** Opens the notebook of a `#nb=` link; a link that does not decode leaves the open notebook as it was. */
	async openHash(hash: string): Promise<void> {
		const data = notebookDataFromHash(hash);
		if (data === undefined) return;
		const result = await decodeShareLink(data);
		if (result.ok) {
			this.load(result.notebook);
			this.history.clear();
			this.message = undefined;
		} else {
			this.message = `This link's notebook could not be opened: ${result.error}`;
		}
	}

	value(address: string): number | undefined {
		return cellValue(this.snapshot, address);
	}

	/** Why `action` cannot run now, or undefined when it can. */
	whyNot(action: StepAction): string | undefined {
		return whyNot(action, this.pass);
	}

	/** Forward, Backward, Train: the rest of that pass. Forward after a whole iteration begins the next. */
	forward = () => this.#step('pass', 'forward');
	backward = () => this.#step('pass', 'backward');
	train = () => this.#step('pass', 'train');
	nextNeuron = () => this.#step('neuron');
	nextLayer = () => this.#step('layer');
	iteration = () => this.#step('iteration');

	#step(granularity: Granularity, pass?: 'forward' | 'backward' | 'train'): void {
		const action: StepAction = pass ?? (granularity as Exclude<Granularity, 'pass'>);
		if (this.whyNot(action)) return;
		const { notebook } = this.#moment;
		let { start, snapshot } = this.#moment;
		if (snapshot.cursor.pass === 'done') {
			start = snapshot = nextIteration(snapshot, this.#sampleFor(snapshot.iteration + 1));
		}
		this.#act({ notebook, start, snapshot: step(snapshot, granularity), trainedEdits: {} });
	}

	/** The sample of iteration k: the data source's, or for a fixed sample the inputs as last edited. */
	#sampleFor(k: number): Sample {
		const { start } = this.#moment;
		return this.#source.kind === 'fixed'
			? { inputs: start.inputs, targets: start.targets }
			: sampleAt(this.#source, k);
	}

	/**
	 * Sets the cell at `address` from what the user typed: recomputes every pass
	 * this iteration has run. Returns why the text was refused, or undefined.
	 */
	edit(address: string, text: string): string | undefined {
		const parsed = parseCellText(text);
		if (!parsed.ok) return parsed.error;
		const { start, snapshot, notebook, trainedEdits } = this.#moment;
		const a = parseAddress(address);
		if (
			(a?.kind === 'bias' || a?.kind === 'weights') &&
			trainDone(snapshot.cursor, a.layer, a.neuron)
		) {
			// Train has already updated this parameter: the typed number is the new one.
			const edits = { ...trainedEdits, [address]: parsed.value };
			this.#act({
				notebook,
				start,
				snapshot: withTrainedEdits(replayTo(start, snapshot.cursor), edits),
				trainedEdits: edits
			});
			return undefined;
		}
		const result = editStart(start, address, parsed.value);
		if (!result.ok) return result.error;
		this.#replay(result.start);
		return undefined;
	}

	/** Removes the pin on `address`, so its formula rules again. */
	unpin(address: string): void {
		if (address in this.snapshot.overrides) this.#replay(unpinStart(this.#moment.start, address));
	}

	#replay(start: Snapshot): void {
		const { notebook, snapshot, trainedEdits } = this.#moment;
		this.#act({
			notebook,
			start,
			snapshot: withTrainedEdits(replayTo(start, snapshot.cursor), trainedEdits),
			trainedEdits
		});
	}

	select(address: string | undefined): void {
		this.selected = address;
	}

	undo(): void {
		const moment = this.history.undo(this.#moment);
		if (moment) this.#restore(moment);
	}

	redo(): void {
		const moment = this.history.redo(this.#moment);
		if (moment) this.#restore(moment);
	}

	#restore(moment: Moment): void {
		this.#before = this.#moment.snapshot;
		this.#moment = moment;
	}

	#act(next: Moment): void {
		this.history.push(this.#moment);
		this.#restore(next);
	}

	/** The open notebook as a file: at the start of the next iteration once this one is done. */
	toNotebook(): Notebook {
		const { notebook, snapshot } = this.#moment;
		const done = snapshot.cursor.pass === 'done';
		const sample = done ? this.#sampleFor(snapshot.iteration + 1) : snapshot;
		const { overrides: _, ...rest } = notebook;
		return {
			...rest,
			learningRate: snapshot.learningRate,
			inputs: sample.inputs,
			targets: sample.targets,
			layers: snapshot.net.layers.map((layer, l) => ({
				...notebook.layers[l],
				neurons: layer.neurons.map((n) => ({ bias: n.bias, weights: n.weights }))
			})),
			...(Object.keys(snapshot.overrides).length > 0 ? { overrides: snapshot.overrides } : {}),
			iteration: snapshot.iteration + (done ? 1 : 0)
		};
	}
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A set replaced whole on each selection and never mutated, so it needs no reactivity of its own. */
function lookup(addresses: readonly string[]): ReadonlySet<string> {
	return new Set(addresses);
}
