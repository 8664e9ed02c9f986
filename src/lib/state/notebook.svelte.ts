/**
 * The open notebook's state: the snapshot the page shows, the start of its
 * iteration (what edits change and replay from), the selection and the
 * history, with a named method for every action. Components read it and call
 * its methods; they never compute. The actions themselves are pure functions
 * of a moment (moment-edits.ts, data-source.ts); this class records each one
 * for undo, the history panel and autosave.
 */
import { createContext, untrack } from 'svelte';
import { parseAddress, type Address } from '$lib/engine/maths/addresses.ts';
import { cellGraph } from '$lib/engine/maths/cells/graph.ts';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import { describeAddress, isolatedLabels } from '$lib/engine/maths/cells/words.ts';
import type { DataSource } from '$lib/engine/fast/data.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import { dataSourceOf, netOf, type Notebook } from '$lib/engine/document/notebook.ts';
import { checkNotebook } from '$lib/engine/document/notebook-schema.ts';
import { notebookFile } from '$lib/engine/document/notebook-file.ts';
import type { NotebookPredictions } from '$lib/engine/document/predictions-schema.ts';
import type { Granularity } from '$lib/engine/maths/passes.ts';
import { nextLine } from '$lib/engine/maths/lines.ts';
import { preset } from '$lib/engine/document/presets.ts';
import type { Reshaped } from '$lib/engine/document/reshape.ts';
import { withData, type DataFields } from '$lib/engine/document/samples.ts';
import { decodeShareLink, notebookDataFromHash } from '$lib/engine/document/share-link.ts';
import type { Pass, Snapshot } from '$lib/engine/maths/snapshot.ts';
import { parseCellText } from './cells/text.ts';
import { notebookNow, withSource, type SourceFields } from './data-source.ts';
import { notebookFromText } from './files.ts';
import { AutosaveView } from './autosave-view.svelte.ts';
import { History, IterationLog } from './history.svelte.ts';
import { Hold } from './hold.svelte.ts';
import { LiveNet } from './live-net.svelte.ts';
import { iterationEntries, iterationEntry, resumedSegment } from './iterations.ts';
import { editCells, stepped, unpinned } from './moment-edits.ts';
import { momentOf, type Moment } from './moment.ts';
import {
	NO_LINKS,
	homeStage,
	linksOf,
	nodeKey,
	stageOf,
	type Node,
	type Stage
} from './parameter-stage.ts';
import { Predictions } from './predictions.svelte.ts';
import { PreferencesState } from './preferences.svelte.ts';
import { planRun, runProblem, runSource, type RunPlan, type RunSettings } from './run-plan.ts';
import { atLimit, STEPS, whyNot, type StepAction } from './step-actions.ts';
import { overflowNote, type OverflowNote } from './overflow.ts';
import { firstComputed, homeSection, type Computed } from './step-computed.ts';
import { NO_TRACE, traceOf } from './tracer.ts';
import { SlowNeurons } from './slow-neurons.svelte.ts';

export class NotebookState {
	#moment = $state.raw<Moment>(momentOf(preset('article')));
	/** The moment before the last action: what "just computed" and "changed by" compare against. */
	#before = $state.raw<Snapshot | undefined>(undefined);
	readonly history = new History<Moment>();
	/** Completed iterations with their loss, for the history panel. */
	readonly iterations = new IterationLog<Moment>();

	selected = $state<string | undefined>(undefined);
	/** Which of a parameter's two numbers the learner picked (parameter-stage.ts). */
	#stage = $state<Stage>('set');
	/** What the browser remembers apart from the notebook: digits, diagram colours, following the steps. */
	readonly preferences = new PreferencesState();
	/** Practice by prediction: notes beside cells, never numbers of the notebook (predictions.svelte.ts). */
	readonly predictions = new Predictions(() => this.snapshot, this.preferences);
	/**
	 * The cell for the page to bring into view (a new object each time): the first cell the last
	 * step action computed, followed when "follow the steps" is on, or a cell the user chose from a
	 * list (`chosen`), always gone to. Edits, undo, opening a notebook and a run's result never set it.
	 */
	lastStep = $state.raw<(Computed & { readonly chosen?: true }) | undefined>(undefined);
	/** What the last step or edit overflowed, or the Train it refused (overflow.ts); any other change clears it. */
	overflow = $state.raw<OverflowNote | undefined>(undefined);
	/** Autosave's questions (another tab's change, a save that could not be restored) and the kept notebooks. */
	readonly autosave = new AutosaveView();
	/** A message about the last thing refused, e.g. a link that did not open. */
	message = $state<string | undefined>(undefined);
	/**
	 * What holds the open moment still while a run goes. Every action that
	 * would change the moment returns `busy` instead, so the control the user
	 * clicked can say why; only the run's own result (applyRun) goes through.
	 */
	readonly hold = new Hold();
	/** The weights of the run going, as it goes (for the learned map). */
	readonly live = new LiveNet();
	/** The neurons saturated or dead now, and why (issue 13). */
	readonly slow = new SlowNeurons(
		() => this.#moment,
		() => this.#source
	);

	readonly notebook = $derived(this.#moment.notebook);
	/** The labels as the page shows them, each isolated for bidi (exports take `notebook.labels`). */
	readonly labels = $derived(isolatedLabels(this.notebook.labels));
	readonly snapshot = $derived(this.#moment.snapshot);
	readonly before = $derived(this.#before);
	readonly pass: Pass = $derived(this.snapshot.cursor.pass);
	/** The same array until the net's shape changes, so tables keyed on it do not re-render on each step. */
	readonly sizes: readonly number[] = $derived.by(() => {
		const sizes = layerSizes(this.snapshot.net);
		return sameNumbers(sizes, this.#lastSizes) ? this.#lastSizes : (this.#lastSizes = sizes);
	});
	#lastSizes: number[] = [];
	/** Built on first need (a selection), not on opening: on the 12,544-weight net it takes ~200 ms. */
	readonly graph = $derived(cellGraph(this.snapshot.net));
	/**
	 * Builds the open shape's graph (cached per shape) when the page is next
	 * idle, so that the first selection, follow's at the first step, does not
	 * wait for it either. Run in an effect: it follows the shape; returns the cancel.
	 */
	prepareGraph(): () => void {
		void this.sizes;
		const net = untrack(() => this.snapshot.net);
		if (typeof requestIdleCallback !== 'function') return () => {};
		const id = requestIdleCallback(() => cellGraph(net));
		return () => cancelIdleCallback(id);
	}
	/** A primitive, so that a step which leaves it as it was wakes nothing that reads the selection. */
	readonly selectedStage: Stage = $derived(
		this.selected === undefined ? 'set' : stageOf(this.snapshot, this.selected, this.#stage)
	);
	readonly selection: Node | undefined = $derived(
		this.selected === undefined ? undefined : { address: this.selected, stage: this.selectedStage }
	);
	readonly links = $derived(this.selection ? linksOf(this.graph, this.selection) : NO_LINKS);
	readonly precedents = $derived(lookup(this.links.precedents.map((n) => n.address)));
	readonly dependents = $derived(lookup(this.links.dependents.map((n) => n.address)));
	/** The selection and its neighbours as node keys: a parameter's two numbers are marked apart. */
	readonly highlight = $derived({
		selected: this.selection && nodeKey(this.selection.address, this.selection.stage),
		precedents: lookup(this.links.precedents.map((n) => nodeKey(n.address, n.stage))),
		dependents: lookup(this.links.dependents.map((n) => nodeKey(n.address, n.stage)))
	});
	readonly overrides = $derived(Object.entries(this.snapshot.overrides));
	/** The cells the line "Next line" runs next reads and writes, marked while the code tracer is open. */
	readonly trace = $derived(
		this.preferences.tracerOpen ? traceOf(this.snapshot, nextLine(this.snapshot)) : NO_TRACE
	);

	readonly #source: DataSource = $derived(dataSourceOf(this.notebook));

	/** Where iterations' samples come from: the notebook's own, its table, or a generator. */
	get source(): DataSource {
		return this.#source;
	}

	/** The moment the page shows: what autosave stores and the history panel marks. */
	get moment(): Moment {
		return this.#moment;
	}

	/** Significant digits in cells and formulas: a preference, remembered. */
	get precision(): number {
		return this.preferences.precision;
	}
	set precision(digits: number) {
		this.preferences.precision = digits;
	}

	/** The number at `address` now; an Address already parsed spares a large net's step thousands of parses. */
	value(address: string | Address): number | undefined {
		return cellValue(this.snapshot, address);
	}

	/** Why `action` cannot run now, or undefined when it can. */
	whyNot(action: StepAction): string | undefined {
		return this.busy ?? this.limit ?? whyNot(action, this.pass);
	}

	/** Why no step can run: the notebook has counted the most iterations it may (LIMITS.maxIteration). */
	get limit(): string | undefined {
		return atLimit(this.snapshot);
	}

	/** The one guard: why the open moment may not change now (a run is going), or undefined. */
	get busy(): string | undefined {
		return this.hold.reason;
	}

	// ── Stepping and editing ──

	/** Forward, Backward, Train: the rest of that pass. Forward after a whole iteration begins the next. */
	forward = () => this.#step('pass', 'forward');
	backward = () => this.#step('pass', 'backward');
	train = () => this.#step('pass', 'train');
	nextLine = () => this.#step('line');
	nextNeuron = () => this.#step('neuron');
	nextLayer = () => this.#step('layer');
	iteration = () => this.#step('iteration');

	#step(granularity: Granularity, pass?: 'forward' | 'backward' | 'train'): string | undefined {
		const action: StepAction = pass ?? (granularity as Exclude<Granularity, 'pass'>);
		const why = this.whyNot(action);
		if (why) return why;
		const next = stepped(this.#moment, granularity, this.#source);
		const name = STEPS.find((s) => s.action === action)!.name;
		const overflow = this.#overflowed(name, next);
		if (overflow?.refused) return overflow.text;
		const computed = firstComputed(this.#moment.snapshot, next.snapshot);
		this.#act(next);
		this.predictions.check(next.snapshot);
		this.overflow = overflow;
		// An overflow is where the learner should look: the page follows it rather than the first cell.
		this.lastStep = overflow ? { address: overflow.address, pass: overflow.pass } : computed;
		return undefined;
	}

	/** What `next` overflowed (set as the note when it was refused, since nothing else changes then). */
	#overflowed(what: string, next: Moment): OverflowNote | undefined {
		const note = overflowNote(what, this.#moment.snapshot, next.snapshot, this.labels ?? {});
		if (note?.refused) this.overflow = note;
		return note;
	}

	/** Applies an edit's moment unless its replay overflowed a parameter; returns the refusal. */
	#edited(next: Moment): string | undefined {
		const overflow = this.#overflowed('The edit', next);
		if (overflow?.refused) return overflow.text;
		this.#act(next);
		this.overflow = overflow;
		return undefined;
	}

	/**
	 * Sets the cell at `address` from what the user typed: recomputes every pass
	 * this iteration has run. Returns why the text was refused, or undefined.
	 */
	edit(address: string, text: string): string | undefined {
		if (this.busy) return this.busy;
		const parsed = parseCellText(text);
		if (!parsed.ok) return parsed.error;
		const result = editCells(this.#moment, [[address, parsed.value]]);
		if (!result.ok) return result.error;
		return this.#edited(result.moment);
	}

	/**
	 * Several cells set at once (a pasted block), as one undoable change.
	 * Refused as a whole, naming the cell, when any one is refused.
	 */
	editMany(entries: readonly (readonly [address: string, value: number])[]): string | undefined {
		if (this.busy) return this.busy;
		const result = editCells(this.#moment, entries);
		if (!result.ok) return `${describeAddress(result.address, this.labels)}: ${result.error}`;
		return this.#edited(result.moment);
	}

	/** Removes the pin on `address`, so its formula rules again. */
	unpin(address: string): string | undefined {
		if (this.busy) return this.busy;
		const next = unpinned(this.#moment, address);
		return next === this.#moment ? undefined : this.#edited(next);
	}

	/** Selects the cell at `address` and has the page scroll to it, as choosing it from the pins list does. */
	goToCell(address: string): void {
		const a = parseAddress(address);
		const pass = a && homeSection(a);
		if (!pass) return this.select(address);
		this.lastStep = { address, pass, chosen: true };
	}

	/** Selects a cell; for a parameter, its number as set or Train's new one (by default the one its home shows). */
	select(address: string | undefined, stage?: Stage): void {
		this.#stage = stage ?? (address === undefined ? 'set' : homeStage(this.snapshot, address));
		this.selected = address;
	}

	// ── Undo, redo and the history panel ──

	undo(): string | undefined {
		if (this.busy) return this.busy;
		const moment = this.history.undo(this.#moment);
		if (moment) this.#restore(moment);
		return undefined;
	}

	redo(): string | undefined {
		if (this.busy) return this.busy;
		const moment = this.history.redo(this.#moment);
		if (moment) this.#restore(moment);
		return undefined;
	}

	/** Returns to a listed iteration, undoably, without starting a new branch of the list. */
	goTo(moment: Moment): string | undefined {
		if (this.busy) return this.busy;
		if (moment === this.#moment) return undefined;
		this.history.push(this.#moment);
		this.#restore(moment);
		this.selected = undefined;
		return undefined;
	}

	/** Puts back a saved session (autosave's restore): not itself undoable. */
	resume(session: {
		moment: Moment;
		past: readonly Moment[];
		future: readonly Moment[];
		iterations: readonly Moment[];
		/** The history panel's segment of each of `iterations` (a save made before segments has none) */
		segments?: readonly number[];
		predictions?: NotebookPredictions;
	}): void {
		this.#before = undefined;
		this.#moment = session.moment;
		this.history.reset(session.past, session.future);
		const entries = iterationEntries(session.iterations, session.segments);
		this.iterations.reset(entries, resumedSegment(session.moment, entries));
		this.iterations.arrive(session.moment);
		this.predictions.open(session.predictions, session.moment.snapshot);
		this.selected = undefined;
	}

	/** Shows `moment`; `opens` when it is another network, which the history panel lists apart. */
	#restore(moment: Moment, opens = false): void {
		this.overflow = undefined;
		this.#before = this.#moment.snapshot;
		this.#moment = moment;
		this.predictions.follow(moment.snapshot);
		this.iterations.arrive(moment, opens);
		const entry = iterationEntry(moment);
		if (entry) this.iterations.revisit(entry);
	}

	#act(next: Moment, opens = false): void {
		this.history.push(this.#moment);
		this.#restore(next, opens);
		const entry = iterationEntry(next);
		if (entry) this.iterations.record(entry);
	}

	// ── Opening notebooks: files, pastes, links, presets ──

	/**
	 * Opens `notebook`, replacing the open one (undoably). Its predictions go to
	 * `predictions`, not into the moment; a teacher's "predict this" turns predict mode on.
	 */
	load(notebook: Notebook): string | undefined {
		if (this.busy) return this.busy;
		const { predictions, ...rest } = notebook;
		const moment = momentOf(rest);
		this.#act(moment, true);
		if (this.predictions.open(predictions, moment.snapshot)) this.predictions.on = true;
		this.selected = undefined;
		return undefined;
	}

	/**
	 * Opens notebook text from a file or a paste, through the engine's parser.
	 * A refusal says what is wrong and leaves the open notebook as it was.
	 */
	openText(text: string, what: string): boolean {
		if (this.busy) {
			this.message = this.busy;
			return false;
		}
		const opened = notebookFromText(text, what);
		this.message = opened.ok ? undefined : opened.message;
		if (opened.ok) this.load(opened.notebook);
		return opened.ok;
	}

	/** Opens the notebook of a `#nb=` link; a link that does not decode leaves the open notebook as it was. */
	async openHash(hash: string): Promise<void> {
		const data = notebookDataFromHash(hash);
		if (data === undefined) return;
		const result = await decodeShareLink(data);
		if (this.busy) this.message = this.busy;
		else if (result.ok) {
			// Undoable, as opening a file is: the notebook open before stays one Undo away.
			this.load(result.notebook);
			this.message = undefined;
		} else {
			this.message = `This link's notebook could not be opened: ${result.error}`;
		}
	}

	/** The open notebook as a file, its predictions with it: at the start of the next iteration once this one is done. */
	toNotebook(): Notebook {
		const notebook = this.#now();
		const predictions = this.predictions.toFile(notebook.iteration ?? 0);
		return predictions ? { ...notebook, predictions } : notebook;
	}

	/** The open notebook without its predictions: what a change of the net or its data starts from. */
	#now(): Notebook {
		return notebookNow(this.#moment, this.#source);
	}

	// ── Your own network and data ──

	/**
	 * Replaces the notebook with `change` of it when the change succeeds and
	 * the result passes the file parser's checks (the iteration starts
	 * again); returns why it was refused, leaving the notebook as it was.
	 */
	tryUpdate(change: (notebook: Notebook) => Reshaped): string | undefined {
		if (this.busy) return this.busy;
		const result = change(this.#now());
		if (!result.ok) return result.error;
		const checked = checkNotebook(result.notebook);
		if (!checked.ok) return checked.error;
		// What could not be exported (or opened again) is never made.
		const file = notebookFile(result.notebook);
		if (!file.ok) return file.error;
		this.load(result.notebook);
		return undefined;
	}

	/**
	 * Takes the samples from a table, a generator, or neither (fixed inputs),
	 * undoably. When the data has the net's input and output counts the
	 * iteration carries on (data-source.ts, withSource); otherwise the net is
	 * reshaped to them and starts again.
	 */
	useData(fields: DataFields): string | undefined {
		if (this.busy) return this.busy;
		const result = withData(this.#now(), fields);
		if (!result.ok) return result.error;
		if (!sameNumbers(layerSizes(netOf(result.notebook)), this.sizes))
			return this.tryUpdate(() => result);
		const file = notebookFile(result.notebook);
		if (!file.ok) return file.error;
		const { samples, dataset, labels }: SourceFields = result.notebook;
		return this.#edited(withSource(this.#moment, { samples, dataset, labels }));
	}

	// ── Run many iterations: plans and results live in run-plan.ts, the run in run.svelte.ts ──

	/** Why a run cannot start now (the notebook held by another, pins, numbers that are not finite, data that does not fit), or undefined. */
	runProblem(): string | undefined {
		return this.#runProblem;
	}
	// Once per step, however many panels ask (Run, Compare seeds).
	readonly #runProblem = $derived(this.busy ?? runProblem(this.snapshot, this.#runSource()));

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
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A set replaced whole on each selection and never mutated, so it needs no reactivity of its own. */
function lookup(addresses: readonly string[]): ReadonlySet<string> {
	return new Set(addresses);
}

/** The page's one notebook, reached by every component that shows or changes it (set by the page). */
export const [notebookState, setNotebookState] = createContext<NotebookState>();
