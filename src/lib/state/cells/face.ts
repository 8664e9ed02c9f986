/**
 * How one drawn cell presents its entry (views.svelte.ts): the address's home
 * or a read-only copy of it (parameter-stage.ts), its marks, its accessible
 * name, its data-* attributes and the prediction it carries. One plain
 * function that a cell reads in one `$derived`: a reaction per attribute
 * (there are twenty) is what a table of a few hundred cells spent most of its
 * start on, and every one of them ran again on the same changes anyway.
 */
import type { Copies, Stage } from '../parameter-stage.ts';
import type { PredictionMark, Predictions } from '../predictions.svelte.ts';
import type { SlowNeuron, SlowNeurons } from '../slow-neurons.svelte.ts';
import type { CellView } from './view.ts';
import type { CellEntry, CellMark, TraceMark } from './views.svelte.ts';

/** A total mid-sum's note, to eyes and in its name. */
const PARTIAL = 'Σ so far';

export interface CellFace {
	readonly view: CellView;
	/** Set where this element is not the address's home: what the read-only copy shows. */
	readonly copy: Copies['set'];
	/** A copy without a number yet (Train's new value before Train): nothing to mark. */
	readonly pending: boolean;
	readonly mark: CellMark;
	readonly trace: TraceMark;
	readonly editable: boolean;
	/** Predict mode: typing here records a prediction instead of an edit. */
	readonly guessing: boolean;
	readonly predicted: PredictionMark | undefined;
	/** A teacher asked for a prediction here and none is made yet. */
	readonly ask: boolean;
	/** A neuron's value carries its saturated or dead mark. */
	readonly slow: SlowNeuron | undefined;
	readonly partial: boolean;
	readonly note: string;
	/** aria-label */
	readonly name: string;
	/** The home's pin, a slow mark or a prediction: whether the cell draws any mark at all. */
	readonly marked: boolean;
	readonly data: {
		readonly cell: string | undefined;
		readonly ref: string | undefined;
		readonly value: string | undefined;
		readonly stage: 'before' | undefined;
	};
}

/** What the sheet tells a cell beyond its entry: predictions and slow neurons. */
export interface FaceSources {
	readonly predictions: Pick<Predictions, 'accepts' | 'markAt' | 'asked'>;
	readonly slow: Pick<SlowNeurons, 'at'>;
}

/** The face of `entry`'s element at `stage` ('new': Train's new number; 'set': the number as set). */
export function cellFace(entry: CellEntry, stage: Stage, sheet: FaceSources): CellFace {
	const { address } = entry;
	const view = entry.view!;
	const copy = stage === 'new' ? entry.copies.new : entry.copies.set;
	const pending = copy !== undefined && copy.value === undefined;
	const mark = pending ? undefined : stage === 'new' && !copy ? entry.markNew : entry.mark;
	const partial = !copy && view.partial;
	const note = copy?.note ?? (partial ? PARTIAL : '');
	const guessing = sheet.predictions.accepts(address, stage);
	const predicted = sheet.predictions.markAt(address, stage);
	const ask = guessing && !predicted && sheet.predictions.asked(address);
	// Other cells than a neuron's value never look, so a change of the slow marks wakes only those.
	const slow = address.endsWith('.value') ? sheet.slow.at(address) : undefined;
	const told = slow ? `${entry.label}, ${slow.kind}` : entry.label;
	const named = copy?.label ?? (note ? `${told}, ${note}` : told);
	const shown = copy && !pending;
	return {
		view,
		copy,
		pending,
		mark,
		trace: stage === 'new' ? entry.traceNew : entry.trace,
		editable: !copy && address !== 'iteration',
		guessing,
		predicted,
		ask,
		slow,
		partial,
		note,
		name: predicted ? `${named}, ${predicted.words}` : ask ? `${named}, predict this` : named,
		marked: (!copy && view.pinned) || slow !== undefined || predicted !== undefined || ask,
		data: {
			cell: copy ? undefined : address,
			ref: shown ? address : undefined,
			value: copy ? (pending ? undefined : String(copy.value)) : view.full,
			stage: shown ? 'before' : undefined
		}
	};
}
