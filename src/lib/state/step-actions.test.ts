import { describe, expect, it } from 'vitest';
import type { Pass } from '$lib/engine/maths/snapshot.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { stepLine } from '$lib/engine/maths/lines.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { momentOf } from './moment.ts';
import {
	PASSES,
	describeLine,
	describeNext,
	nextPass,
	waiting,
	whyNot,
	type StepAction
} from './step-actions.ts';

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

describe('where the line cursor is, inside a neuron', () => {
	it('says which of its lines runs next, of how many, and nothing at a neuron’s start', () => {
		const start = momentOf(preset('article')).snapshot;
		expect(describeLine(start)).toBeUndefined();
		const twice = stepLine(stepLine(start)); // b, then w₀·x₀, of layer 0's neuron 0
		expect(describeLine(twice)).toEqual({ line: 3, of: 4 });
		expect(describeNext(twice.cursor, twice.iteration)).toBe('Forward: layer 0, neuron 0');
		expect(describeLine(step(twice, 'neuron'))).toBeUndefined();
	});
});
