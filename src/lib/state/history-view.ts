/**
 * What the history panel shows, derived from the iteration log: one group
 * per network (segment), newest first, each headed by the net's shape, its
 * iterations newest first with their loss as a number and a bar.
 */
import { formatNumber, fullText } from '$lib/tex/numbers.ts';
import { formatCount as count } from '$lib/engine/document/number-text.ts';
import type { IterationEntry } from './history.svelte.ts';
import { momentShape } from './iterations.ts';
import type { Moment } from './moment.ts';

interface HistoryRow {
	/** Unique in the panel, even for a damaged save: segment, iteration and place in the log */
	readonly key: string;
	/** The iteration with thousands separators: "12,345,679" */
	readonly iteration: string;
	/** E, short */
	readonly loss: string;
	/** E in full, for the title */
	readonly fullLoss: string;
	/** The bar's length, % of the largest loss of its group (at least 2 % so that it shows) */
	readonly share: number;
	readonly moment: Moment;
	readonly current: boolean;
}

export interface HistoryGroup {
	readonly segment: number;
	/** "2 → 3 → 3 → 2 · tanh" */
	readonly shape: string;
	/** Not the shape open now: choosing one of its iterations changes the net's shape back. */
	readonly otherShape: boolean;
	readonly rows: readonly HistoryRow[];
}

export interface HistoryView {
	/** "1 iteration and its loss E", "3 iterations and their loss E" */
	readonly heading: string;
	readonly groups: readonly HistoryGroup[];
}

export function historyView(
	entries: readonly IterationEntry<Moment>[],
	shown: Moment
): HistoryView {
	const bySegment = new Map<number, (readonly [IterationEntry<Moment>, number])[]>();
	for (const [at, entry] of entries.entries()) {
		// Re-inserting moves a segment to the end: groups go by their latest completion.
		const group = bySegment.get(entry.segment) ?? [];
		bySegment.delete(entry.segment);
		bySegment.set(entry.segment, [...group, [entry, at]]);
	}
	const open = momentShape(shown);
	const groups = [...bySegment].reverse().map(([segment, listed]): HistoryGroup => {
		// Each group's bars against its own largest loss: another net's losses are another scale.
		const largest = Math.max(0, ...listed.map(([e]) => e.loss));
		const shape = momentShape(listed[0][0].moment);
		return {
			segment,
			shape,
			otherShape: shape !== open,
			rows: listed
				.toSorted(([a], [b]) => b.iteration - a.iteration)
				.map(([e, at]) => ({
					key: `${segment}:${e.iteration}:${at}`,
					iteration: count(e.iteration),
					loss: formatNumber(e.loss, 4),
					fullLoss: fullText(e.loss),
					share: largest > 0 ? Math.max(2, (e.loss / largest) * 100) : 0,
					moment: e.moment,
					current: e.moment === shown
				}))
		};
	});
	const n = entries.length;
	const heading =
		n === 0
			? 'iterations and their loss E'
			: `${count(n)} ${n === 1 ? 'iteration and its' : 'iterations and their'} loss E`;
	return { heading, groups };
}

/** What choosing `to` from `from` does to the net's shape, in words, when it changes it. */
export function shapeChange(from: Moment, to: Moment): string | undefined {
	const shape = momentShape(to);
	return momentShape(from) === shape
		? undefined
		: `The network's shape changes back to ${shape}, as it was for that iteration.`;
}
