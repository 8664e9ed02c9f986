/**
 * What each drawn cell shows (view.ts) and how it is marked (selected,
 * read by the selection, reading it), kept per address and changed only where
 * it changed. A step recomputes the drawn cells in one plain loop and tells
 * only the cells whose view differs, so a Forward click on a net of ten
 * thousand weights repaints its totals and values, not every weight: reading
 * `sheet.snapshot` in each cell would wake every cell on every step.
 * Each entry also keeps what the cell's attributes need that is not its number: its name (words.ts,
 * changed only with the notebook's labels) and, for a parameter, the read-only copies its two
 * elements show where they are not its home (parameter-stage.ts): a cell reads them from its
 * entry, not from the snapshot, so a step that does not move its home does not wake it.
 * Construct it while a component initialises: it runs four effects.
 */
import { createContext, untrack } from 'svelte';
import { addressExists, parseAddress, type Address } from '$lib/engine/maths/addresses.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { cellView, type CellView } from './view.ts';
import type { NotebookState } from '../notebook.svelte.ts';
import { copiesOf, keptCopies, nodeKey, type Copies } from '../parameter-stage.ts';
import { describeAddress } from '$lib/engine/maths/cells/words.ts';

export type CellMark = 'selected' | 'precedent' | 'dependent' | undefined;
/** Whether the code tracer's next line reads or writes the cell. */
export type TraceMark = 'reads' | 'writes' | undefined;

/** One address's view and mark. Read them from another reaction than the one that made the entry (see `entry`). */
export class CellEntry {
	/** Set as soon as the entry is made (see #entry). */
	view = $state.raw<CellView | undefined>(undefined);
	mark = $state<CellMark>();
	/** The mark of a trained parameter's new number (the other, `mark`, is of the number as set). */
	markNew = $state<CellMark>();
	/** The tracer's mark of the number as set, and of a parameter's new number (tracer.ts, traceOf). */
	trace = $state<TraceMark>();
	traceNew = $state<TraceMark>();
	/** The cell's name in words (aria-label), with the notebook's labels. */
	label = $state.raw('');
	/** What a parameter's elements show where they are not its home; both undefined for any other cell. */
	copies = $state.raw<Copies>({ set: undefined, new: undefined });
	/** How many drawn cells show this address (a cell and its copies elsewhere). */
	holders = 0;
	constructor(
		readonly address: string,
		readonly parsed: Address | undefined
	) {}
}

export class CellViews {
	readonly #sheet: NotebookState;
	// Not reactive on purpose: cells depend on their own entry, never on the set of entries.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #entries = new Map<string, CellEntry>();
	/** The digits the entries' views were last made with. */
	#precision = NaN;

	constructor(sheet: NotebookState) {
		this.#sheet = sheet;
		$effect.pre(() => {
			void [sheet.snapshot, sheet.before, sheet.precision, sheet.sizes];
			untrack(() => this.showSnapshot());
		});
		$effect.pre(() => {
			void sheet.notebook.labels;
			untrack(() => this.nameCells());
		});
		$effect.pre(() => {
			const highlight = sheet.highlight;
			untrack(() => {
				for (const entry of this.#entries.values()) setMarks(entry, highlight);
			});
		});
		// The code tracer's marks move a few cells at a time: only the cells it marked or marks are told.
		let traced: readonly string[] = [];
		$effect.pre(() => {
			const trace = sheet.trace;
			untrack(() => {
				for (const address of [...traced, ...trace.cells]) {
					const entry = this.#entries.get(address);
					if (entry) setTrace(entry, trace);
				}
				traced = trace.cells;
			});
		});
	}

	/** Every drawn cell's view and copies from the snapshot now (run on each change of it). */
	showSnapshot(): void {
		const { snapshot, before, precision, sizes } = this.#sheet;
		const than = comparable(before, sizes);
		// At the digits shown before, a number unchanged keeps its text (formatting is most of a view's cost).
		const again = precision === this.#precision;
		this.#precision = precision;
		for (const entry of this.#entries.values()) {
			// A cell of the net's old shape, about to go: nothing to show.
			if (!entry.parsed || !addressExists(entry.parsed, sizes)) continue;
			const previous = again ? entry.view : undefined;
			setIfChanged(
				entry,
				cellView(snapshot, than, entry.parsed, precision, entry.address, previous)
			);
			setCopies(entry, snapshot);
		}
	}

	/** Every drawn cell's name from the notebook's labels (run when they change). */
	nameCells(): void {
		const { notebook, snapshot, sizes } = this.#sheet;
		for (const entry of this.#entries.values()) {
			const label = describeAddress(entry.address, notebook.labels);
			if (label === entry.label) continue;
			entry.label = label;
			if (entry.parsed && addressExists(entry.parsed, sizes)) setCopies(entry, snapshot);
		}
	}

	/**
	 * The entry of the cell at `address`: its view and mark change only when
	 * the cell's do. Svelte does not track state read by the reaction that
	 * created it, so take the entry in one `$derived` and read it in another.
	 */
	entry(address: string): CellEntry {
		let entry = this.#entries.get(address);
		if (!entry) {
			entry = new CellEntry(address, parseAddress(address));
			this.#refresh(entry);
			this.#entries.set(address, entry);
		}
		return entry;
	}

	/** Keeps `entry` up to date while a drawn cell shows it; returns the release. */
	hold(entry: CellEntry): () => void {
		if (this.#entries.get(entry.address) !== entry) {
			// Let go of by its last holder before this one took hold: kept up to date again.
			this.#entries.set(entry.address, entry);
			this.#refresh(entry);
		}
		entry.holders++;
		return () => {
			if (--entry.holders === 0 && this.#entries.get(entry.address) === entry)
				this.#entries.delete(entry.address);
		};
	}

	/** Read untracked: a cell must depend on its entry, never on the whole snapshot. */
	#refresh(entry: CellEntry): void {
		untrack(() => {
			const { snapshot, before, precision, sizes, highlight, notebook, trace } = this.#sheet;
			const than = comparable(before, sizes);
			entry.view = cellView(snapshot, than, entry.parsed!, precision, entry.address);
			entry.label = describeAddress(entry.address, notebook.labels);
			setCopies(entry, snapshot);
			setMarks(entry, highlight);
			setTrace(entry, trace);
		});
	}
}

/** The snapshot before the last action, when it has the same shape of net: what "changed by" compares with. */
function comparable(before: Snapshot | undefined, sizes: readonly number[]): Snapshot | undefined {
	if (!before) return undefined;
	const then = layerSizes(before.net);
	return then.length === sizes.length && then.every((n, l) => n === sizes[l]) ? before : undefined;
}

type Highlight = NotebookState['highlight'];

function markOf(key: string, { selected, precedents, dependents }: Highlight): CellMark {
	if (key === selected) return 'selected';
	if (precedents.has(key)) return 'precedent';
	return dependents.has(key) ? 'dependent' : undefined;
}

function setMarks(entry: CellEntry, highlight: Highlight): void {
	entry.mark = markOf(entry.address, highlight);
	entry.markNew = markOf(nodeKey(entry.address, 'new'), highlight);
}

function traceMark(key: string, { reads, writes }: NotebookState['trace']): TraceMark {
	if (writes.has(key)) return 'writes';
	return reads.has(key) ? 'reads' : undefined;
}

function setTrace(entry: CellEntry, trace: NotebookState['trace']): void {
	entry.trace = traceMark(entry.address, trace);
	entry.traceNew = traceMark(nodeKey(entry.address, 'new'), trace);
}

function setIfChanged(entry: CellEntry, next: CellView): void {
	const now = entry.view!;
	const same = (Object.keys(next) as (keyof CellView)[]).every((k) => Object.is(now[k], next[k]));
	if (!same) entry.view = next;
}

function setCopies(entry: CellEntry, snapshot: Snapshot): void {
	const next = keptCopies(entry.copies, copiesOf(snapshot, entry.parsed, entry.label));
	if (next !== entry.copies) entry.copies = next;
}

/** The page's cell views, handed to every cell. */
export const [cellViews, setCellViews] = createContext<CellViews>();
