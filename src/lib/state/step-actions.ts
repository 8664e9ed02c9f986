/** Which step can run at which point of an iteration, why not, and where focus goes after one. */
import { formatCount } from '$lib/engine/document/number-text.ts';
import type { Granularity } from '$lib/engine/maths/passes.ts';
import { LIMITS } from '$lib/engine/maths/model.ts';
import { neuronRuns } from '$lib/engine/maths/lines.ts';
import type { Cursor, Pass, Snapshot } from '$lib/engine/maths/snapshot.ts';

/** The toolbar's actions: a whole pass by name, or a finer or coarser step. */
export type StepAction = 'forward' | 'backward' | 'train' | Exclude<Granularity, 'pass'>;

/** The three passes in the order an iteration runs them (and focus walks them). */
export const PASSES = ['forward', 'backward', 'train'] as const satisfies readonly StepAction[];

/** Each step's button: its name (the accessible name), a short label for a phone, and what it does. */
export const STEPS: readonly { action: StepAction; name: string; short: string; hint: string }[] = [
	{
		action: 'forward',
		name: 'Forward',
		short: 'Forward',
		hint: 'Run the rest of the Forward pass'
	},
	{
		action: 'backward',
		name: 'Backward',
		short: 'Backward',
		hint: 'Run the rest of the Backward pass'
	},
	{ action: 'train', name: 'Train', short: 'Train', hint: 'Run the rest of the Train pass' },
	{
		action: 'line',
		name: 'Next line',
		short: 'Line',
		hint: 'Run one line of the pseudocode: one term of a sum'
	},
	{
		action: 'neuron',
		name: 'Next neuron',
		short: 'Neuron',
		hint: 'Compute one neuron of the current pass'
	},
	{
		action: 'layer',
		name: 'Next layer',
		short: 'Layer',
		hint: 'Finish the current layer of the current pass'
	},
	{
		action: 'iteration',
		name: 'Iteration',
		// Seven buttons share a phone's row (Toolbar.svelte): the longest label is cut short.
		short: 'Iter.',
		hint: 'Run what is left of Forward, Backward and Train'
	}
];

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

/**
 * Why the pass buttons that cannot run are disabled, in one short line shown
 * beside them (whyNot's sentences, for all of them at once, short enough for a phone).
 */
export function waiting(pass: Pass): string {
	switch (pass) {
		case 'forward':
			return 'Backward and Train wait for Forward.';
		case 'backward':
			return 'Forward is done; Train waits for Backward.';
		case 'train':
			return 'Forward and Backward are done; Train is next.';
		case 'done':
			return 'Backward and Train wait for the next Forward.';
	}
}

/**
 * Why no step may run in `s`: the iteration it is in (or, once that is done,
 * the next) would count past LIMITS.maxIteration, which the notebook file refuses.
 */
export function atLimit(s: Pick<Snapshot, 'iteration' | 'cursor'>): string | undefined {
	const index = s.cursor.pass === 'done' ? s.iteration + 1 : s.iteration;
	return index < LIMITS.maxIteration
		? undefined
		: `The notebook has done ${formatCount(LIMITS.maxIteration)} iterations, the most it counts; open another notebook to go on.`;
}

/** What the notebook says to a step, an edit or an Undo while a run goes (run.svelte.ts holds it). */
export const RUN_GOING = 'A run is going — Cancel it to step by hand';

/** What the next click computes, in words: the neuron (describeLine says which of its lines). */
export function describeNext(cursor: Cursor, iteration: number): string {
	if (cursor.pass === 'done')
		return `Iteration ${formatCount(iteration + 1)} is done: Forward begins the next one`;
	return `${NAMES[cursor.pass]}: layer ${cursor.layer}, neuron ${cursor.neuron}`;
}

/** Inside a neuron ("Next line" stopped in it): which of its lines runs next, of how many. */
export function describeLine(s: Snapshot): { line: number; of: number } | undefined {
	const { cursor } = s;
	return cursor.pass !== 'done' && cursor.line
		? { line: cursor.line + 1, of: neuronRuns(s).length }
		: undefined;
}

/**
 * Where focus goes when the pass button `from` has just disabled itself: the
 * next pass that can run, round the cycle Forward → Backward → Train → Forward.
 */
export function nextPass(
	from: (typeof PASSES)[number],
	enabled: (action: StepAction) => boolean
): StepAction | undefined {
	const i = PASSES.indexOf(from);
	for (let k = 1; k <= PASSES.length; k++) {
		const candidate = PASSES[(i + k) % PASSES.length];
		if (enabled(candidate)) return candidate;
	}
	return undefined;
}
