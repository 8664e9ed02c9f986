import { describe, expect, it } from 'vitest';
import type { Pass } from '$lib/engine/maths/snapshot.ts';
import { PASSES, nextPass, waiting, whyNot, type StepAction } from './step-actions.ts';

const enabledAt = (pass: Pass) => (action: StepAction) => whyNot(action, pass) === undefined;

describe('where focus goes when a pass button disables itself', () => {
	it('to the next pass that can run: Forward → Backward → Train → Forward', () => {
		expect(nextPass('forward', enabledAt('backward'))).toBe('backward');
		expect(nextPass('backward', enabledAt('train'))).toBe('train');
		expect(nextPass('train', enabledAt('done'))).toBe('forward');
	});

	it('nowhere when nothing can run (a run holds the notebook)', () => {
		expect(nextPass('forward', () => false)).toBeUndefined();
	});
});

describe('why the pass buttons wait', () => {
	it('names exactly the passes that cannot run', () => {
		for (const pass of ['forward', 'backward', 'train', 'done'] as const) {
			const line = waiting(pass);
			const off = PASSES.filter((a) => whyNot(a, pass) !== undefined);
			expect(off).toHaveLength(2);
			for (const action of off) expect(line.toLowerCase()).toContain(action);
		}
	});
});
