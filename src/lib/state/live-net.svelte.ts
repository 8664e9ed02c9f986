/**
 * The net a run of many iterations has reached so far, for what draws it
 * live (the learned map). The training worker sends it a few times a second,
 * and only while something on screen wants it, so a run nobody watches pays
 * nothing for it.
 */
import type { Net } from '$lib/engine/maths/model.ts';

export class LiveNet {
	/** The run's latest frame: its weights after `done` of its iterations; undefined when no run goes. */
	frame = $state.raw<{ readonly net: Net; readonly done: number } | undefined>(undefined);
	/** Whether anything on screen draws `net` now. */
	wanted = $state(false);
}
