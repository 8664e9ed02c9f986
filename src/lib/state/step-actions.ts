/** Which step can run at which point of an iteration, and why not. */
import type { Granularity } from '$lib/engine/passes.ts';
import type { Cursor, Pass } from '$lib/engine/snapshot.ts';

/** The toolbar's actions: a whole pass by name, or a finer or coarser step. */
export type StepAction = 'forward' | 'backward' | 'train' | Exclude<Granularity, 'pass'>;

const NAMES: Record<Pass, string> = {
	forward: 'Forward',
	backward: 'Backward',
	train: 'Train',
	done: 'Forward'
};

/** Why `action` cannot run when the cursor is in `pass`, or undefined when it can. */
export function whyNot(action: StepAction, pass: Pass): string | undefined {
	switch (action) {
		case 'forward':
			return pass === 'forward' || pass === 'done'
				? undefined
				: `This iteration's forward pass is done; next is ${NAMES[pass]}.`;
		case 'backward':
			if (pass === 'backward') return undefined;
			return pass === 'forward' || pass === 'done'
				? 'Run Forward first: Backward needs every neuron’s value.'
				: 'Backward is done; next is Train.';
		case 'train':
			if (pass === 'train') return undefined;
			return pass === 'backward'
				? 'Run Backward first: Train uses the gradients Backward computes.'
				: 'Run Forward and Backward first: Train uses their gradients.';
		default:
			return undefined;
	}
}

/** What the next click computes, in words. */
export function describeNext(cursor: Cursor, iteration: number): string {
	if (cursor.pass === 'done')
		return `Iteration ${iteration + 1} is done: Forward begins the next one`;
	return `${NAMES[cursor.pass]}: layer ${cursor.layer}, neuron ${cursor.neuron}`;
}
