/**
 * Compare seeds: the open notebook trained from several seeds at once, one
 * training worker each (the Run's worker and protocol, run-loop.ts), their
 * reports side by side, and "Continue from seed k" to take one seed's last
 * iteration into the notebook as a Run's result is taken (undoable). While the
 * seeds train the notebook is held, as during a Run: a seed's result starts
 * from the notebook as it was. Create it while a component initialises.
 */
import type { Notebook } from '$lib/engine/document/notebook.ts';
import type { Report } from '$lib/engine/fast/trainer.ts';
import type { FromWorker, RunEnd } from '$lib/workers/run-loop.ts';
import { spawnTrainWorker } from '$lib/workers/spawn.ts';
import type { Hold } from './hold.svelte.ts';
import type { Moment } from './moment.ts';
import { parseSettings, runMoment, type RunPlan } from './run-plan.ts';
import { defaultSeeds, parseSeeds, planSeeds, type SeedPlan } from './seeds-plan.ts';

/** What SeedsState needs of the notebook. */
export interface SeedsHost {
	readonly hold: Hold;
	readonly busy: string | undefined;
	toNotebook(): Notebook;
	applyRun(moment: Moment): void;
}

const SEEDS_GOING =
	'Seeds are being compared: the notebook holds still until they finish (or Cancel them).';

type SeedStatus = 'running' | 'finished' | 'cancelled' | 'overflow' | 'failed';

/** One seed's run as it goes. Its fields are replaced whole, so the table and chart follow. */
export interface SeedRun {
	readonly seed: number;
	readonly status: SeedStatus;
	readonly done: number;
	readonly total: number;
	readonly seconds: number;
	readonly reports: readonly Report[];
	/** Its last iteration, done, as the notebook would show it; undefined until it ends with one. */
	readonly result: Moment | undefined;
	readonly message?: string;
}

export class SeedsState {
	/** The seeds, as typed. */
	seedsText = $state('1, 2, 3');
	/** Iterations per seed, as typed. */
	iterations = $state('1,000,000');
	logX = $state(false);
	logY = $state(true);
	runs = $state.raw<SeedRun[]>([]);

	readonly running = $derived(this.runs.some((r) => r.status === 'running'));
	readonly problem = $derived.by(() => this.#planned().error);

	#workers: Worker[] = [];
	#plans: RunPlan[] = [];

	constructor(
		private readonly host: () => SeedsHost,
		private readonly spawn: () => Worker = spawnTrainWorker
	) {
		$effect(() => () => this.#terminate());
	}

	/** The seeds field's first value: the notebook's seed and two others. */
	resetSeeds(own: number, count = 3): void {
		this.seedsText = defaultSeeds(own, count);
	}

	#planned(): { plans?: SeedPlan[]; error?: string } {
		const seeds = parseSeeds(this.seedsText);
		if (!seeds.ok) return { error: `${seeds.error}.` };
		const settings = parseSettings(this.iterations, '');
		if (!settings.ok) return { error: `${settings.error}.` };
		const sheet = this.host();
		if (sheet.busy && !this.running) return { error: sheet.busy };
		const planned = planSeeds(sheet.toNotebook(), seeds.seeds, settings.settings);
		return planned.ok ? { plans: planned.plans } : { error: planned.error };
	}

	start(): void {
		if (this.running) return;
		const { plans } = this.#planned();
		if (!plans) return;
		this.host().hold.set(SEEDS_GOING, () => this.cancel());
		this.#plans = plans.map((p) => p.plan);
		this.runs = plans.map(({ seed, plan }) => ({
			seed,
			status: 'running',
			done: 0,
			total: plan.total,
			seconds: 0,
			reports: [],
			result: undefined
		}));
		this.#workers = plans.map(({ plan }, i) => {
			const worker = this.spawn();
			worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.#receive(i, data);
			worker.onerror = (e) => this.#fail(i, e.message || 'the worker could not start');
			worker.postMessage({ type: 'start', request: plan.request });
			return worker;
		});
	}

	/** Asks every worker still training to stop after its current chunk. */
	cancel(): void {
		this.#workers.forEach((w, i) => {
			if (this.runs[i]?.status === 'running') w.postMessage({ type: 'cancel' });
		});
	}

	/** Takes seed `i`'s last iteration into the notebook: one undoable action, as a Run's end. */
	continueFrom(i: number): void {
		const result = this.runs[i]?.result;
		if (result && !this.running && !this.host().busy) this.host().applyRun(result);
	}

	#receive(i: number, message: FromWorker): void {
		if (this.runs[i]?.status !== 'running') return;
		if (message.type === 'progress') this.#progress(i, message);
		else if (message.type === 'end') this.#end(i, message);
		else if (message.type === 'failed') this.#fail(i, message.message);
	}

	#update(i: number, change: Partial<SeedRun>): void {
		this.runs = this.runs.map((r, j) => (j === i ? { ...r, ...change } : r));
		if (!this.running) this.#terminate();
	}

	#progress(i: number, p: Pick<RunEnd, 'done' | 'seconds' | 'reports'>): void {
		const run = this.runs[i];
		const reports = p.reports.length > 0 ? [...run.reports, ...p.reports] : run.reports;
		this.#update(i, { done: p.done, seconds: p.seconds, reports });
	}

	#end(i: number, end: RunEnd): void {
		const run = this.runs[i];
		this.#workers[i]?.terminate();
		this.#update(i, {
			done: end.done,
			seconds: end.seconds,
			reports: [...run.reports, ...end.reports],
			status: end.outcome,
			result: runMoment(this.#plans[i], end.last)
		});
	}

	#fail(i: number, message: string): void {
		this.#workers[i]?.terminate();
		this.#update(i, { status: 'failed', message });
	}

	/** Every seed has ended: the workers go and the notebook is free again. */
	#terminate(): void {
		if (this.#workers.length === 0) return;
		this.#workers.forEach((w) => w.terminate());
		this.#workers = [];
		this.host().hold.release();
	}
}
