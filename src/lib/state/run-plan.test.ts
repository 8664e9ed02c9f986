import { describe, it, expect } from 'vitest';
import { sampleAt } from '$lib/engine/fast/data.ts';
import { editStart } from '$lib/engine/maths/edits.ts';
import { parameterValues } from '$lib/engine/maths/model.ts';
import { dataSourceOf } from '$lib/engine/document/notebook.ts';
import { nextIteration, step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { createTrainer } from '$lib/engine/fast/trainer.ts';
import { momentOf, type Moment } from './moment.ts';
import {
	defaultReportEvery,
	limitProblem,
	parseSettings,
	parseWhole,
	planRun,
	reportCount,
	runMoment,
	runProblem,
	runSource
} from './run-plan.ts';

const numbers = parameterValues;
const article = preset('article');
const source = dataSourceOf(article);
const settings = { count: 500, reportEvery: 100 };

/** The notebook after `n` whole iterations stepped by hand, at the start of the next. */
function steppedTo(n: number): Moment {
	const m = momentOf(article);
	let s = m.start;
	for (let k = 0; k < n; k++) s = nextIteration(step(s, 'iteration'), sampleAt(source, k + 1));
	return { ...m, start: s, snapshot: s };
}

/** What the worker would do with a plan, then the moment it leaves: the trainer, in Node. */
function runInNode(moment: Moment, count = settings.count) {
	const plan = planRun(moment, runSource(source, moment.start), { ...settings, count });
	const { net, learningRate, first } = plan.request;
	const t = createTrainer(net, learningRate, plan.request.source, { iteration: first });
	t.run(plan.request.count - 1);
	const last = { iteration: first + plan.request.count - 1, before: t.net() };
	t.run(1);
	return { plan, after: runMoment(plan, last)!, trainerNet: t.net() };
}

/** The reference: every iteration stepped by hand from `moment`, `count` iterations counted from the current one. */
function stepInPage(moment: Moment, count: number) {
	let s =
		moment.snapshot.cursor.pass === 'done'
			? nextIteration(moment.snapshot, sampleAt(source, moment.snapshot.iteration + 1))
			: moment.snapshot;
	for (let k = 0; ; k++) {
		s = step(s, 'iteration');
		if (k === count - 1) return s;
		s = nextIteration(s, sampleAt(source, s.iteration + 1));
	}
}

describe('planning a run', () => {
	it('parses counts with separators or exponents and refuses anything else, saying what is wrong', () => {
		expect(parseWhole('100,000,000', 'Iterations', 1e9)).toEqual({ ok: true, value: 1e8 });
		expect(parseWhole(' 1 000_000 ', 'Iterations', 1e9)).toEqual({ ok: true, value: 1e6 });
		expect(parseWhole('1e8', 'Iterations', 1e9)).toEqual({ ok: true, value: 1e8 });
		for (const bad of ['', '0', '-5', '2.5', 'ten', '2e9', 'Infinity'])
			expect(parseWhole(bad, 'Iterations', 1e9)).toEqual({
				ok: false,
				error: 'Iterations must be a whole number from 1 to 1,000,000,000'
			});
	});

	it("reports every tenth of the run by default, rounded to 1, 2 or 5 × 10ⁿ: the article's 10,000,000 for 100,000,000", () => {
		expect(defaultReportEvery(100_000_000)).toBe(10_000_000);
		expect(defaultReportEvery(10_000)).toBe(1000);
		expect(defaultReportEvery(30_000)).toBe(2000);
		expect(defaultReportEvery(70_000)).toBe(5000);
		expect(defaultReportEvery(12_345)).toBe(1000);
		expect(defaultReportEvery(5)).toBe(1);
		expect(parseSettings('100000000', '')).toEqual({
			ok: true,
			settings: { count: 1e8, reportEvery: 1e7 }
		});
		expect(parseSettings('1000', '7')).toEqual({
			ok: true,
			settings: { count: 1000, reportEvery: 7 }
		});
		expect(parseSettings('1000', '0')).toMatchObject({
			ok: false,
			error: expect.stringContaining('Report every')
		});
	});

	it("counts the article's 11 reports for 100,000,000 iterations: 0, every 10,000,000, and the partial rest", () => {
		expect(reportCount(0, 100_000_000, 10_000_000)).toBe(11);
		expect(reportCount(1, 10, 10)).toBe(1); // iteration 10 exactly
		expect(reportCount(1, 9, 10)).toBe(1); // the partial 1 … 9
		expect(reportCount(5, 1, 10)).toBe(1);
	});

	it('refuses while a cell is pinned, naming the pins', () => {
		const m = momentOf(article);
		const pinned = editStart(m.start, 'layers.0.neurons.1.value', 0.5);
		expect(pinned.ok).toBe(true);
		if (!pinned.ok) return;
		const why = runProblem(pinned.start, source);
		expect(why).toContain('pinned');
		expect(why).toContain('layers.0.neurons.1.value');
		expect(runProblem(m.start, source)).toBeUndefined();
	});

	it('refuses when the data does not fit the network, or a number is not finite', () => {
		const m = momentOf(article);
		const table = { kind: 'table' as const, samples: [{ inputs: [1, 2, 3], targets: [1, 2] }] };
		expect(runProblem(m.start, table)).toMatch(/does not fit the network: sample 0 has 3 inputs/);
		expect(runProblem({ ...m.start, learningRate: NaN }, source)).toBe(
			'Run needs a finite learning rate.'
		);
	});

	it('starts an untouched iteration k at k from its weights, and a done one at k + 1 from the trained weights', () => {
		const m = steppedTo(3);
		const untouched = planRun(m, source, settings);
		expect(untouched.request).toMatchObject({ first: 3, count: 500, reportEvery: 100 });
		expect(untouched.request.net).toBe(m.snapshot.net);
		expect(untouched.lead).toBeUndefined();
		const done = { ...m, snapshot: step(m.snapshot, 'iteration') };
		const fromDone = planRun(done, source, settings);
		expect(fromDone.request).toMatchObject({ first: 4, count: 500 });
		expect(fromDone.request.net).toBe(done.snapshot.net);
	});

	it('starts a half-stepped iteration again from its start weights: the same numbers as finishing it', () => {
		const m = steppedTo(2);
		const half = { ...m, snapshot: step(step(m.snapshot, 'pass'), 'neuron') };
		const plan = planRun(half, source, settings);
		expect(plan.request).toMatchObject({ first: 2, count: 500 });
		expect(plan.request.net).toBe(m.start.net);
		const { after } = runInNode(half);
		expect(after.snapshot.iteration).toBe(2 + 500 - 1);
		expect(numbers(after.snapshot.net)).toEqual(numbers(stepInPage(half, 500).net));
	});

	it('finishes an iteration whose inputs were typed by hand here first, and counts it as the first of the run', () => {
		const m = momentOf(article);
		const edited = editStart(m.start, 'inputs.0', 0.75);
		if (!edited.ok) throw new Error(edited.error);
		const moment = { ...m, start: edited.start, snapshot: edited.start };
		const plan = planRun(moment, source, settings);
		expect(plan.lead?.cursor.pass).toBe('done');
		expect(plan.lead?.inputs[0]).toBe(0.75);
		expect(plan.request).toMatchObject({ first: 1, count: 499 });
		expect(plan.total).toBe(500);
		const { after } = runInNode(moment, 500);
		expect(after.snapshot.iteration).toBe(499);
		expect(numbers(after.snapshot.net)).toEqual(numbers(stepInPage(moment, 500).net));
	});

	it('leaves the notebook on the last iteration run, done, exactly as stepping by hand would', () => {
		const m = steppedTo(1);
		const { after, trainerNet } = runInNode(m, 300);
		const reference = stepInPage(m, 300);
		expect(after.snapshot.cursor.pass).toBe('done');
		expect(after.snapshot).toEqual(reference);
		expect(numbers(after.snapshot.net)).toEqual(numbers(trainerNet));
		expect(after.notebook).toBe(m.notebook);
		expect(after.start.iteration).toBe(300);
	});

	it('keeps the notebook where it was when the run kept no iteration', () => {
		const plan = planRun(momentOf(article), source, settings);
		expect(runMoment(plan, undefined)).toBeUndefined();
	});

	it('runs a fixed sample with the inputs as set now', () => {
		const chain = momentOf(preset('chain'));
		const edited = editStart(chain.start, 'inputs.0', 0.25);
		if (!edited.ok) throw new Error(edited.error);
		const src = runSource(dataSourceOf(preset('chain')), edited.start);
		expect(src).toEqual({ kind: 'fixed', sample: { inputs: [0.25], targets: [0.8] } });
	});
});

describe('a run never counts past the most iterations a notebook holds', () => {
	const at = (iteration: number, pass: 'forward' | 'done') => ({
		iteration,
		cursor: { pass, layer: 0, neuron: 0 }
	});

	it('runs up to the maximum exactly, and says how many are left past it', () => {
		expect(limitProblem(at(1e15 - 10, 'forward'), 10)).toBeUndefined();
		expect(limitProblem(at(1e15 - 10, 'forward'), 11)).toBe(
			'At most 10 more iterations: the notebook counts up to 1,000,000,000,000,000.'
		);
		// A done iteration counts: the next run begins with the one after it.
		expect(limitProblem(at(1e15 - 10, 'done'), 10)).toMatch(/^At most 9 more/);
	});

	it('refuses any run at the maximum, as the steps do', () => {
		expect(limitProblem(at(1e15 - 1, 'done'), 1)).toMatch(/the most it counts/);
		expect(limitProblem(at(1e15, 'forward'), 1)).toMatch(/the most it counts/);
	});
});
