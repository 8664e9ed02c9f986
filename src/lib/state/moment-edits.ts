/**
 * The actions on a moment as pure functions: a step, an edit of one or many
 * cells, a pin removed. Each returns the next moment (or why it was refused);
 * NotebookState records it for undo. Every edit changes the iteration's start
 * and replays it to the cursor, so every pass already run is recomputed and
 * none is run that was not.
 */
import { isTrained } from '$lib/engine/maths/cells/values.ts';
import type { DataSource } from '$lib/engine/fast/data.ts';
import { editStart, unpinStart } from '$lib/engine/maths/edits.ts';
import { nextIteration, replayTo, step, type Granularity } from '$lib/engine/maths/passes.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { sampleFor } from './data-source.ts';
import { withTrainedEdits, type Moment } from './moment.ts';

export type MomentResult =
	| { readonly ok: true; readonly moment: Moment }
	| {
			readonly ok: false;
			/** the cell refused */ readonly address: string;
			readonly error: string;
	  };

/** `granularity` more of the iteration; once it is done, the next iteration begins from its sample. */
export function stepped(moment: Moment, granularity: Granularity, source: DataSource): Moment {
	let { start, snapshot } = moment;
	if (snapshot.cursor.pass === 'done') {
		start = snapshot = nextIteration(snapshot, sampleFor(moment, source, snapshot.iteration + 1));
	}
	return {
		notebook: moment.notebook,
		start,
		snapshot: step(snapshot, granularity),
		trainedEdits: {}
	};
}

/** The moment from a new iteration start, replayed to where it was, parameters typed after Train put back. */
function replayed(moment: Moment, start: Snapshot, trainedEdits = moment.trainedEdits): Moment {
	const snapshot = withTrainedEdits(replayTo(start, moment.snapshot.cursor), trainedEdits);
	return { notebook: moment.notebook, start, snapshot, trainedEdits };
}

/**
 * Cells set at once (one typed, or a pasted block) as one change: every edit
 * applied to the iteration's start, then one replay. Refused as a whole,
 * naming the cell, when any one is refused.
 */
export function editCells(
	moment: Moment,
	entries: readonly (readonly [address: string, value: number])[]
): MomentResult {
	let start = moment.start;
	let trainedEdits = moment.trainedEdits;
	for (const [address, value] of entries) {
		// Train has already updated it: a number typed there is the new one.
		if (isTrained(moment.snapshot, address) && Number.isFinite(value)) {
			trainedEdits = { ...trainedEdits, [address]: value };
			continue;
		}
		const result = editStart(start, address, value);
		if (!result.ok) return { ok: false, address, error: result.error };
		start = result.start;
	}
	return { ok: true, moment: replayed(moment, start, trainedEdits) };
}

/** The moment without the pin on `address` (itself when there is none): its formula rules again. */
export function unpinned(moment: Moment, address: string): Moment {
	if (!(address in moment.snapshot.overrides)) return moment;
	return replayed(moment, unpinStart(moment.start, address));
}
