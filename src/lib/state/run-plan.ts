/**
 * What a run of many iterations starts from, whether it may start, and the
 * moment it leaves the notebook at. Pure: NotebookState calls these with its
 * moment and data source.
 *
 * Where a run starts. Iteration k is the one the notebook is on.
 * - k is done (cursor 'done'): the worker runs k + 1, k + 2, … from the
 *   trained weights (any typed after Train included).
 * - k is untouched or half stepped, with the data source's sample k: the
 *   worker runs k, k + 1, … from k's start weights. Finishing what was
 *   stepped gives the same numbers as starting it again, so k counts as the
 *   run's first iteration either way.
 * - k's inputs or targets were typed by hand, or weights typed after its
 *   Train: k is finished here first, as the Iteration button would (the
 *   "lead"), and counts as the first; the worker runs the rest from k + 1.
 *
 * Where a run ends: on the last iteration it ran, done, every value and
 * gradient of it shown as if stepped by hand; the next Forward begins the
 * next iteration.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import { sampleAt, type DataSource } from '$lib/engine/fast/data.ts';
import { LIMITS, type Net, type Sample } from '$lib/engine/maths/model.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { SampleFiller } from '$lib/engine/fast/sampler.ts';
import { createSnapshot, type Snapshot } from '$lib/engine/maths/snapshot.ts';
import type { Report } from '$lib/engine/fast/trainer.ts';
import type { LastIteration, RunRequest } from '$lib/workers/run-loop.ts';
import type { Moment } from './moment.ts';
import { atLimit } from './step-actions.ts';

/** The most iterations one run may ask for (about 3 minutes of the article's net). */
const MAX_ITERATIONS = 1_000_000_000;
/** The most reports one run may produce: the table and chart stay light. */
export const MAX_REPORTS = 1000;

export interface RunSettings {
	readonly count: number;
	readonly reportEvery: number;
}

export interface RunPlan {
	/** The moment the run starts from: its result applies only while the notebook is still there. */
	readonly from: Moment;
	/** What the worker runs (its count is 0 when the lead is the whole run). */
	readonly request: RunRequest;
	/** Iteration k finished here before the worker's first, when k was set up by hand. */
	readonly lead: Snapshot | undefined;
	/** Iterations the run counts: the lead's and the worker's. */
	readonly total: number;
}

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

/** A whole number typed with optional thousands separators (1,000 1 000 1_000) or as 1e8. */
export function parseWhole(text: string, what: string, max: number): Parsed {
	const cleaned = text.trim().replace(/[,_\s']/g, '');
	const value = cleaned === '' ? NaN : Number(cleaned);
	if (!Number.isSafeInteger(value) || value < 1 || value > max)
		return {
			ok: false,
			error: `${what} must be a whole number from 1 to ${formatCount(max)}`
		};
	return { ok: true, value };
}

/** About a tenth of `count`, rounded down to 1, 2 or 5 × a power of ten: 100,000,000 → 10,000,000, as the article reports. */
export function defaultReportEvery(count: number): number {
	const tenth = count / 10;
	if (tenth < 1) return 1;
	const decade = 10 ** Math.floor(Math.log10(tenth));
	return [5, 2, 1].map((m) => m * decade).find((x) => x <= tenth) ?? decade;
}

/** How many reports iterations first … first + count − 1 give: one at each multiple of `every`, and a partial one after the last. */
export function reportCount(first: number, count: number, every: number): number {
	const last = first + count - 1;
	const onSchedule = Math.floor(last / every) - Math.ceil(first / every) + 1;
	return onSchedule + (last % every === 0 ? 0 : 1);
}

/** The settings typed in the Iterations and Report every fields (empty: the default), or what is wrong. */
export function parseSettings(
	iterations: string,
	reportEvery: string
): { ok: true; settings: RunSettings } | { ok: false; error: string } {
	const count = parseWhole(iterations, 'Iterations', MAX_ITERATIONS);
	if (!count.ok) return count;
	if (reportEvery.trim() === '')
		return {
			ok: true,
			settings: { count: count.value, reportEvery: defaultReportEvery(count.value) }
		};
	const every = parseWhole(reportEvery, '“Report every”', MAX_ITERATIONS);
	if (!every.ok) return every;
	return { ok: true, settings: { count: count.value, reportEvery: every.value } };
}

/** The source a run samples from: a fixed sample is the current iteration's inputs and targets as set. */
export function runSource(source: DataSource, start: Snapshot): DataSource {
	return source.kind === 'fixed'
		? { kind: 'fixed', sample: { inputs: start.inputs, targets: start.targets } }
		: source;
}

const allFinite = (xs: readonly number[]) => xs.every(Number.isFinite);
/** Whether every bias and weight of `net` is finite. */
export const netFinite = (net: Net) =>
	net.layers.every((layer) =>
		layer.neurons.every((n) => Number.isFinite(n.bias) && allFinite(n.weights))
	);

/**
 * Why a run of `count` iterations from `s` is too long: it would count past
 * LIMITS.maxIteration (step-actions.ts, atLimit), which the notebook file refuses.
 */
export function limitProblem(
	s: Pick<Snapshot, 'iteration' | 'cursor'>,
	count: number
): string | undefined {
	const next = s.cursor.pass === 'done' ? s.iteration + 1 : s.iteration;
	const room = LIMITS.maxIteration - next;
	if (count <= room) return undefined;
	return room <= 0
		? atLimit(s)
		: `At most ${formatCount(room)} more iterations: the notebook counts up to ${formatCount(LIMITS.maxIteration)}.`;
}

/** Why a run cannot start from `s` with data from `source`, or undefined when it can. */
export function runProblem(s: Snapshot, source: DataSource): string | undefined {
	const pins = Object.keys(s.overrides);
	if (pins.length > 0)
		return (
			`Run is off while ${pins.length === 1 ? 'a cell is' : 'cells are'} pinned — the fast trainer ` +
			`computes every cell by its formula. Pinned: ${pins.join(', ')}. Select a pinned cell and ` +
			'press Delete to restore its formula.'
		);
	if (!Number.isFinite(s.learningRate)) return 'Run needs a finite learning rate.';
	if (!netFinite(s.net) || !netFinite(s.startNet))
		return 'Run needs every bias and weight to be a finite number.';
	if (!allFinite(s.inputs) || !allFinite(s.targets))
		return 'Run needs every input and target to be a finite number.';
	const sizes = [s.inputs.length, ...s.net.layers.map((l) => l.neurons.length)];
	try {
		new SampleFiller(source, sizes[0], sizes.at(-1)!);
	} catch (error) {
		return `The training data does not fit the network: ${(error as Error).message}.`;
	}
	return undefined;
}

const sameNumbers = (a: readonly number[], b: readonly number[]) =>
	a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
const sameSample = (s: Snapshot, sample: Sample) =>
	sameNumbers(s.inputs, sample.inputs) && sameNumbers(s.targets, sample.targets);

/** The plan for a run of `settings` from `from` (see the module's comment). Call runProblem first. */
export function planRun(from: Moment, source: DataSource, settings: RunSettings): RunPlan {
	const s = from.snapshot;
	const k = s.iteration;
	const request = (net: Net, first: number, count: number): RunRequest => ({
		net,
		learningRate: s.learningRate,
		source,
		first,
		count,
		reportEvery: settings.reportEvery
	});
	const base = { from, total: settings.count, lead: undefined };
	if (s.cursor.pass === 'done') return { ...base, request: request(s.net, k + 1, settings.count) };
	const untouched = Object.keys(from.trainedEdits).length === 0;
	if (untouched && sameSample(s, sampleAt(source, k)))
		return { ...base, request: request(s.startNet, k, settings.count) };
	const lead = step(s, 'iteration');
	const rest = netFinite(lead.net) ? settings.count - 1 : 0;
	return { ...base, lead, request: request(lead.net, k + 1, rest) };
}

/** The lead's error % and mean |δ| per layer, as a report of its own: it was not averaged with the worker's. */
export function leadReport(lead: Snapshot): Report {
	return {
		iteration: lead.iteration,
		count: 1,
		errorsPercent: [...lead.errorsPercent],
		meanAbsDelta: lead.activationGradients.map(
			(deltas) => deltas.reduce((sum, d) => sum + Math.abs(d), 0) / deltas.length
		),
		partial: true
	};
}

/** The moment a run leaves the notebook at: its last iteration, done; undefined when it kept none. */
export function runMoment(plan: RunPlan, last: LastIteration | undefined): Moment | undefined {
	const { from, request } = plan;
	if (last) {
		const sample = sampleAt(request.source, last.iteration);
		const start = createSnapshot({
			net: last.before,
			inputs: sample.inputs,
			targets: sample.targets,
			learningRate: request.learningRate,
			iteration: last.iteration
		});
		return { notebook: from.notebook, start, snapshot: step(start, 'iteration'), trainedEdits: {} };
	}
	if (plan.lead && netFinite(plan.lead.net)) return { ...from, snapshot: plan.lead };
	return undefined;
}
