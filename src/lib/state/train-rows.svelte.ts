/**
 * Train's rows as its table draws them, each kept the same object until its
 * numbers change. A step recomputes the drawn rows in one plain loop and
 * tells only the rows that differ (as CellViews does for cells): reading
 * `sheet.snapshot` in each of the table's cells would wake all of them, on a
 * Forward click as much as on a Train one. Construct it while a component
 * initialises: it runs an effect.
 */
import { untrack } from 'svelte';
import type { NotebookState } from './notebook.svelte.ts';
import {
	gradientAddress,
	keptRow,
	parameterAddress,
	trainRow,
	type TrainRow
} from './train-row.ts';

/** Row (l, j, p): parameter p of neuron j of layer l. Read `row` from another reaction than the one that made it. */
export class TrainRowEntry {
	row: TrainRow = $state.raw()!;
	/** The row's addresses, as plain fields: its cells read them without waking when its numbers change. */
	readonly parameter: string;
	readonly gradient: string;
	constructor(
		readonly l: number,
		readonly j: number,
		readonly p: number
	) {
		this.parameter = parameterAddress(l, j, p);
		this.gradient = gradientAddress(l, j, p);
	}
}

/** Whether the net with `sizes` has row (l, j, p): an entry of a net's old shape is left alone. */
const fits = ({ l, j, p }: TrainRowEntry, sizes: readonly number[]) =>
	l < sizes.length - 1 && j < sizes[l + 1] && p <= sizes[l];

export class TrainRowViews {
	readonly #sheet: NotebookState;
	// Not reactive on purpose: a row's cells depend on its entry, never on the set of entries.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #rows = new Map<string, TrainRowEntry>();

	constructor(sheet: NotebookState) {
		this.#sheet = sheet;
		$effect.pre(() => {
			void [sheet.snapshot, sheet.precision, sheet.sizes];
			untrack(() => this.update());
		});
	}

	/** Every row asked for, from the snapshot now (run on each change of it). */
	update(): void {
		const { snapshot, precision, sizes } = this.#sheet;
		for (const entry of this.#rows.values()) {
			if (!fits(entry, sizes)) continue;
			const { l, j, p } = entry;
			const row = keptRow(entry.row, trainRow(snapshot, l, j, p, precision));
			if (row !== entry.row) entry.row = row;
		}
	}

	/** The entry of row (l, j, p), made up to date when first asked for; take it in one `$derived`, read it in another. */
	entry(l: number, j: number, p: number): TrainRowEntry {
		const key = `${l} ${j} ${p}`;
		let entry = this.#rows.get(key);
		if (!entry) {
			const made = new TrainRowEntry(l, j, p);
			untrack(() => (made.row = trainRow(this.#sheet.snapshot, l, j, p, this.#sheet.precision)));
			this.#rows.set(key, (entry = made));
		}
		return entry;
	}
}
