/**
 * The history panel's entries: the moments that complete an iteration, with
 * that iteration's loss, and the network each belongs to.
 */
import { layerSizes, type Net } from '$lib/engine/maths/model.ts';
import type { Completion, IterationEntry } from './history.svelte.ts';
import type { Moment } from './moment.ts';

/** The entry for a moment that completes an iteration, or undefined for any other moment. */
export function iterationEntry(moment: Moment): Completion<Moment> | undefined {
	const { snapshot } = moment;
	if (snapshot.cursor.pass !== 'done') return undefined;
	return { iteration: snapshot.iteration + 1, loss: snapshot.loss, moment };
}

/** A net's shape in words: "2 → 3 → 3 → 2 · tanh", or each layer's activation when they differ. */
function shapeOf(net: Net): string {
	const activations = net.layers.map((layer) => layer.activation);
	const named = new Set(activations).size === 1 ? activations[0] : activations.join(', ');
	return `${layerSizes(net).join(' → ')} · ${named}`;
}

export const momentShape = (moment: Moment): string => shapeOf(moment.snapshot.net);

/**
 * The entries of saved moments (autosave's restore), skipping any that
 * complete nothing, in the segments saved with them. A save made before
 * segments has none: there a change of shape between neighbours starts one,
 * and so does an iteration number that does not grow (another net opened).
 */
export function iterationEntries(
	moments: readonly Moment[],
	segments?: readonly number[]
): IterationEntry<Moment>[] {
	const saved = segments?.length === moments.length ? segments : undefined;
	let segment = 1;
	let shape: string | undefined;
	let last = -Infinity;
	return moments.flatMap((moment, i) => {
		const completion = iterationEntry(moment);
		if (!completion) return [];
		const now = momentShape(moment);
		if (shape !== undefined && (now !== shape || completion.iteration <= last)) segment++;
		shape = now;
		last = completion.iteration;
		return [{ ...completion, segment: saved ? saved[i] : segment }];
	});
}

/**
 * The segment a restored moment is in: the newest one listed of its shape,
 * else a new one after them all.
 */
export function resumedSegment(moment: Moment, entries: readonly IterationEntry<Moment>[]): number {
	const shape = momentShape(moment);
	const same = entries.findLast((e) => momentShape(e.moment) === shape);
	return same ? same.segment : Math.max(0, ...entries.map((e) => e.segment)) + 1;
}
