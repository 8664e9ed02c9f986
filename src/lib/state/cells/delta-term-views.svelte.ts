/**
 * Backward's working columns beside each δ: f′(a), and a − t on the last
 * layer or Σₖ δₖ wₖⱼ on the others (engine/maths/cells/delta-terms.ts), kept
 * per neuron row and changed only where a number changed, as CellViews does
 * for cells. Computing them in the section's markup read `sheet.snapshot` in
 * every row, which woke every row of every layer on every step; here one
 * effect recomputes the drawn rows in a plain loop and tells only those whose
 * numbers (or digits) differ. Construct it while a component initialises: it
 * runs an effect.
 */
import { untrack } from 'svelte';
import {
	deltaFactors,
	deltaTerms,
	type DeltaFactors
} from '$lib/engine/maths/cells/delta-terms.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { formatNumber } from '$lib/tex/numbers.ts';
import type { NotebookState } from '../notebook.svelte.ts';

/** One working number as shown: blank (and pending) until its inputs are computed. */
interface TermView {
	readonly value: number | undefined;
	readonly text: string;
}

function termView(value: number | undefined, precision: number): TermView {
	return { value, text: value === undefined ? '' : formatNumber(value, precision) };
}

const BLANK = termView(undefined, 0);

/** Neuron j of layer l's two working numbers. Read them from another reaction than the one that made the row. */
class DeltaTermRow {
	fPrime = $state.raw<TermView>(BLANK);
	/** a − t or Σₖ δₖ wₖⱼ */
	sum = $state.raw<TermView>(BLANK);
	/** δ's two factors, made once per net shape and activations (see `net`). */
	factors: DeltaFactors | undefined;
	/** The digits the row's texts were made with. */
	precision = NaN;
	constructor(
		readonly layer: number,
		readonly neuron: number
	) {}
}

export class DeltaTermViews {
	readonly #sheet: NotebookState;
	// Not reactive on purpose: rows depend on their own numbers, never on the set of rows.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #rows = new Map<string, DeltaTermRow>();
	/** The shape and activations the rows' factors were made for. */
	#net = '';

	constructor(sheet: NotebookState) {
		this.#sheet = sheet;
		$effect.pre(() => {
			// A step, another net or other digits: what the rows show may have changed.
			void [sheet.snapshot, sheet.precision, sheet.sizes];
			untrack(() => this.refresh());
		});
	}

	/** Recomputes every row drawn, telling only those whose numbers differ (the effect's work, untracked). */
	refresh(): void {
		const { snapshot, precision, sizes } = this.#sheet;
		const net = netKind(snapshot, sizes);
		const remake = net !== this.#net;
		this.#net = net;
		for (const [key, row] of this.#rows) {
			// A neuron of the net's old shape: its row is going.
			if (row.layer + 1 >= sizes.length || row.neuron >= sizes[row.layer + 1])
				this.#rows.delete(key);
			else {
				if (remake) row.factors = undefined;
				update(row, snapshot, precision);
			}
		}
	}

	/** The row of neuron `j` of layer `l`: take it in one reaction (a `{@const}`) and read it in another. */
	row(l: number, j: number): DeltaTermRow {
		const key = `${l}.${j}`;
		let row = this.#rows.get(key);
		if (!row) {
			row = new DeltaTermRow(l, j);
			const made = row;
			untrack(() => update(made, this.#sheet.snapshot, this.#sheet.precision));
			this.#rows.set(key, row);
		}
		return row;
	}
}

/** What δ's factors depend on: the net's shape and each layer's activation, not its numbers. */
const netKind = (s: Snapshot, sizes: readonly number[]) =>
	`${sizes.join('-')} ${s.startNet.layers.map((layer) => layer.activation).join()}`;

function update(row: DeltaTermRow, snapshot: Snapshot, precision: number): void {
	row.factors ??= deltaFactors(snapshot.startNet, row.layer, row.neuron);
	const terms = deltaTerms(snapshot, row.layer, row.neuron, row.factors);
	// The same number at the same digits is the same text: formatted only when one changed.
	const again = precision === row.precision;
	row.precision = precision;
	if (!again || !Object.is(row.fPrime.value, terms.fPrime))
		row.fPrime = termView(terms.fPrime, precision);
	if (!again || !Object.is(row.sum.value, terms.sum)) row.sum = termView(terms.sum, precision);
}
