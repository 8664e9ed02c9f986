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
import { seedProblem } from '$lib/engine/document/reshape.ts';
import { defaultSeeds, parseSeeds, planSeeds, type SeedPlan } from './seeds-plan.ts';

/** What SeedsState needs of the notebook. */
export interface SeedsHost {
	readonly hold: Hold;
	readonly busy: string | undefined;
	/** Why Run could not start from the open notebook: the seeds' runs are refused for the same reasons. */
	runProblem(): string | undefined;
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
	/**
	 * Why the seeds cannot go, as the panel shows it before Start. A step changes only what the
	 * seeds replace (the weights, the iteration), so this asks what planning would refuse without
	 * re-seeding the net once per seed and step: the fields, then each seed, then Run's own reasons
	 * (pins, numbers that are not finite, data that does not fit), which re-seeding keeps. Start
	 * plans for real and returns why, should that still refuse.
	 */
	readonly problem = $derived.by(() => {
		const typed = this.#typed();
		if (!typed.ok) return typed.error;
		const sheet = this.host();
		if (sheet.busy && !this.running) return sheet.busy;
		const seeded = typed.seeds.map(seedProblem).find((why) => why !== undefined);
		return seeded ?? (this.running ? undefined : sheet.runProblem());
	});

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

	#typed() {
		const seeds = parseSeeds(this.seedsText);
		if (!seeds.ok) return { ok: false, error: `${seeds.error}.` } as const;
		const settings = parseSettings(this.iterations, '');
		if (!settings.ok) return { ok: false, error: `${settings.error}.` } as const;
		return { ok: true, seeds: seeds.seeds, settings: settings.settings } as const;
	}

	#planned(): { plans?: SeedPlan[]; error?: string } {
		const typed = this.#typed();
		if (!typed.ok) return { error: typed.error };
		const sheet = this.host();
		if (sheet.busy && !this.running) return { error: sheet.busy };
		const planned = planSeeds(sheet.toNotebook(), typed.seeds, typed.settings);
		return planned.ok ? { plans: planned.plans } : { error: planned.error };
	}

	/** Starts the seeds; returns why planning refused, if it did (the panel already says why it would). */
	start(): string | undefined {
		if (this.running) return undefined;
		const { plans, error } = this.#planned();
		if (!plans) return error;
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
		return undefined;
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
