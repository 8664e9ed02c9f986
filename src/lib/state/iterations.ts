/** The history panel's entries: the moments that complete an iteration, with that iteration's loss. */
import type { IterationEntry } from './history.svelte.ts';
import type { Moment } from './moment.ts';

/** The entry for a moment that completes an iteration, or undefined for any other moment. */
export function iterationEntry(moment: Moment): IterationEntry<Moment> | undefined {
	const { snapshot } = moment;
	if (snapshot.cursor.pass !== 'done') return undefined;
	return { iteration: snapshot.iteration + 1, loss: snapshot.loss, moment };
}

/** The entries of saved moments (autosave's restore), skipping any that complete nothing. */
export function iterationEntries(moments: readonly Moment[]): IterationEntry<Moment>[] {
	return moments.flatMap((moment) => iterationEntry(moment) ?? []);
}
