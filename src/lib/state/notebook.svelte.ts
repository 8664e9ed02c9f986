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
import { dataSourceOf, netOf, type Notebook } from '$lib/engine/notebook.ts';
import { nextIteration, replayTo, step, type Granularity } from '$lib/engine/passes.ts';
import { preset } from '$lib/engine/presets.ts';
import { parseNotebook } from '$lib/engine/notebook-file.ts';
import { couldNotOpen } from './files.ts';
import { decodeShareLink, notebookDataFromHash } from '$lib/engine/share-link.ts';
import { trainDone, type Pass, type Snapshot } from '$lib/engine/snapshot.ts';
import { checkNotebook } from '$lib/engine/notebook-schema.ts';
import type { Reshaped } from '$lib/engine/reshape.ts';
import { withData, type DataFields } from '$lib/engine/samples.ts';
import { describeAddress } from '$lib/engine/cell-words.ts';
import { createSnapshot } from '$lib/engine/snapshot.ts';
import { DEFAULT_PRECISION } from '$lib/tex/numbers.ts';
import { History, IterationLog, type IterationEntry } from './history.svelte.ts';
import { momentOf, withTrainedEdits, type Moment } from './moment.ts';
import { parseCellText } from './cell-text.ts';
import { whyNot, type StepAction } from './step-actions.ts';
import { planRun, runProblem, runSource, type RunPlan, type RunSettings } from './run-plan.ts';

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
			this.iterations.clear();
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
		this.#logIteration(moment, 'revisit');
	}

	#act(next: Moment): void {
		this.history.push(this.#moment);
		this.#logIteration(next, 'record');
		this.#restore(next);
	}

	// ── History panel and autosave (issue 4): the iteration log, the session autosave keeps ──

	/** Completed iterations with their loss, for the history panel. */
	readonly iterations = new IterationLog<Moment>();

	/** The moment the page shows: what autosave stores and the history panel marks. */
	get moment(): Moment {
		return this.#moment;
	}

	/** Returns to a listed iteration, undoably, without starting a new branch of the list. */
	goTo(moment: Moment): void {
		if (moment === this.#moment) return;
		this.history.push(this.#moment);
		this.#restore(moment);
		this.selected = undefined;
	}

	/** Puts back a saved session (autosave's restore): not itself undoable. */
	resume(session: {
		moment: Moment;
		past: readonly Moment[];
		future: readonly Moment[];
		iterations: readonly Moment[];
	}): void {
		this.#before = undefined;
		this.#moment = session.moment;
		this.history.reset(session.past, session.future);
		this.iterations.reset(session.iterations.flatMap((m) => iterationEntry(m) ?? []));
		this.selected = undefined;
	}

	/**
	 * Opens notebook text from a file or a paste, through the engine's parser.
	 * A refusal says what is wrong and leaves the open notebook as it was.
	 */
	openText(text: string, what: string): boolean {
		const result = parseNotebook(text);
		if (!result.ok) {
			this.message = couldNotOpen(what, result.error);
			return false;
		}
		this.load(result.notebook);
		this.message = undefined;
		return true;
	}

	#logIteration(moment: Moment, how: 'record' | 'revisit'): void {
		const entry = iterationEntry(moment);
		if (entry) this.iterations[how](entry);
	}

	// ── end of history panel and autosave ──

	// ── Your own network and data (issue 4): reshaping, samples, blocks of cells ──

	/**
	 * Replaces the notebook with `change` of it when the change succeeds and
	 * the result passes the file parser's checks (the iteration starts
	 * again); returns why it was refused, leaving the notebook as it was.
	 */
	tryUpdate(change: (notebook: Notebook) => Reshaped): string | undefined {
		const result = change(this.toNotebook());
		if (!result.ok) return result.error;
		const checked = checkNotebook(result.notebook);
		if (!checked.ok) return checked.error;
		this.load(result.notebook);
		return undefined;
	}

	/**
	 * Takes the samples from a table, a generator, or neither (fixed inputs).
	 * When the data has the net's input and output counts the iteration
	 * carries on; otherwise the net is reshaped to them and starts again.
	 */
	useData(fields: DataFields): string | undefined {
		const result = withData(this.toNotebook(), fields);
		if (!result.ok) return result.error;
		const { samples, dataset, labels } = result.notebook;
		if (!sameNumbers(layerSizes(netOf(result.notebook)), this.sizes))
			return this.tryUpdate(() => result);
		this.#setSource({ samples, dataset, labels });
		return undefined;
	}

	/**
	 * Sets the data fields undoably. An iteration that has computed nothing
	 * yet starts from the new source's sample, so the inputs shown are always
	 * the sample the source gives; a begun one keeps its inputs, and the new
	 * source supplies the next iteration.
	 */
	#setSource(fields: Pick<Notebook, 'samples' | 'dataset' | 'labels'>): void {
		const { samples: _s, dataset: _d, labels: _l, ...rest } = this.notebook;
		const defined = Object.entries(fields).filter(([, value]) => value !== undefined);
		const notebook: Notebook = { ...rest, ...Object.fromEntries(defined) };
		const { start, snapshot, trainedEdits } = this.#moment;
		const source = dataSourceOf(notebook);
		const { cursor } = snapshot;
		const begun = cursor.pass !== 'forward' || cursor.layer !== 0 || cursor.neuron !== 0;
		if (begun || source.kind === 'fixed') {
			this.#act({ ...this.#moment, notebook });
			return;
		}
		const sample = sampleAt(source, start.iteration);
		const fresh = createSnapshot({
			...start,
			net: start.startNet,
			inputs: sample.inputs,
			targets: sample.targets
		});
		this.#act({
			notebook,
			start: fresh,
			snapshot: withTrainedEdits(fresh, trainedEdits),
			trainedEdits
		});
	}

	/**
	 * Several cells set at once (a pasted block), as one undoable change:
	 * every edit applied to the iteration's start, then one replay. Refused
	 * as a whole, naming the cell, when any one is refused.
	 */
	editMany(entries: readonly (readonly [address: string, value: number])[]): string | undefined {
		const { start, snapshot, notebook } = this.#moment;
		let from = start;
		let trainedEdits = this.#moment.trainedEdits;
		for (const [address, value] of entries) {
			const a = parseAddress(address);
			const trained =
				(a?.kind === 'bias' || a?.kind === 'weights') &&
				trainDone(snapshot.cursor, a.layer, a.neuron);
			if (trained && Number.isFinite(value)) {
				// As in edit(): after Train the typed number is the new parameter.
				trainedEdits = { ...trainedEdits, [address]: value };
				continue;
			}
			const result = editStart(from, address, value);
			if (!result.ok) return `${describeAddress(address, notebook.labels)}: ${result.error}`;
			from = result.start;
		}
		this.#act({
			notebook,
			start: from,
			snapshot: withTrainedEdits(replayTo(from, snapshot.cursor), trainedEdits),
			trainedEdits
		});
		return undefined;
	}

	// ── end of your own network and data ──

	// ── Run many iterations (issue 5): plans and results live in run-plan.ts, the run in run.svelte.ts ──

	/** Why a run cannot start now (pins, numbers that are not finite, data that does not fit), or undefined. */
	runProblem(): string | undefined {
		return runProblem(this.snapshot, this.#runSource());
	}

	/** What a run of `settings` starts from now. */
	planRun(settings: RunSettings): RunPlan {
		return planRun(this.#moment, this.#runSource(), settings);
	}

	/** Whether the notebook is still where `plan` started (reactive: read in an effect, it re-runs when that changes). */
	isAt(plan: RunPlan): boolean {
		return this.#moment === plan.from;
	}

	/** Shows a run's last iteration, done; one undoable action, so Undo returns to before the run. */
	applyRun(moment: Moment): void {
		this.#act(moment);
	}

	#runSource(): DataSource {
		return runSource(this.#source, this.#moment.start);
	}

	// ── end of run many iterations ──

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

/** The history panel's entry for a moment that completes an iteration, or undefined. */
function iterationEntry(moment: Moment): IterationEntry<Moment> | undefined {
	const { snapshot } = moment;
	if (snapshot.cursor.pass !== 'done') return undefined;
	return { iteration: snapshot.iteration + 1, loss: snapshot.loss, moment };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A set replaced whole on each selection and never mutated, so it needs no reactivity of its own. */
function lookup(addresses: readonly string[]): ReadonlySet<string> {
	return new Set(addresses);
}
