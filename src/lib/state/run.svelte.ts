/**
 * One run of many iterations at a time: its settings, its progress and
 * reports as the worker posts them, Cancel, and how it ended. NotebookState
 * plans it and applies its result (run-plan.ts); the worker trains
 * (workers/train.worker.ts). While it goes it holds the notebook (hold.svelte.ts):
 * steps, edits, Undo and the rest are refused with RUN_GOING, where the user
 * clicked, and can cancel it there. Create it while a component initialises:
 * as a last guard it watches the notebook with an effect, and stops if the
 * notebook moves on under it anyway, since its result would then overwrite
 * what the learner just did.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import type { Report } from '$lib/engine/fast/trainer.ts';
import type { FromWorker, RunEnd, ToWorker } from '$lib/workers/run-loop.ts';
import { spawnTrainWorker } from '$lib/workers/spawn.ts';
import type { Hold } from './hold.svelte.ts';
import type { LiveNet } from './live-net.svelte.ts';
import type { Moment } from './moment.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { RUN_GOING } from './step-actions.ts';
import { outcomeText, speedOf, type Outcome } from './run-format.ts';
import {
	MAX_REPORTS,
	defaultReportEvery,
	leadReport,
	limitProblem,
	netFinite,
	parseSettings,
	parseWhole,
	reportCount,
	runMoment,
	type RunPlan,
	type RunSettings
} from './run-plan.ts';

/** What RunState needs of the notebook (NotebookState's "Run many iterations" block). */
export interface RunHost {
	readonly snapshot: Pick<Snapshot, 'iteration' | 'cursor'>;
	readonly hold: Hold;
	readonly live: LiveNet;
	runProblem(): string | undefined;
	planRun(settings: RunSettings): RunPlan;
	isAt(plan: RunPlan): boolean;
	applyRun(moment: Moment): void;
}

const CANCELLING = 'The run is stopping; its last iteration will show in a moment.';

export type RunStatus = 'idle' | 'running' | 'cancelling' | Outcome;

export class RunState {
	/** The Iterations field, as typed. The article's demo runs 100,000,000. */
	iterations = $state('100,000,000');
	/** The "Report every" field, as typed; empty for the default. */
	reportEvery = $state('');
	logX = $state(false);
	logY = $state(true);

	status = $state<RunStatus>('idle');
	/** Iterations done in this run so far, and asked for. */
	done = $state(0);
	total = $state(0);
	/** Seconds the worker has been training. */
	seconds = $state(0);
	reports = $state.raw<Report[]>([]);
	/** Whether the worker's trainer runs the compiled kernel (undefined until it says). */
	compiled = $state<boolean | undefined>(undefined);
	/** How the last run ended, in one sentence. */
	outcome = $state<string | undefined>(undefined);

	readonly running = $derived(this.status === 'running' || this.status === 'cancelling');
	readonly speed = $derived(speedOf(this.done, this.total, this.seconds));
	/** The default "Report every" for the Iterations typed, for the field's placeholder. */
	readonly defaultReportEvery = $derived.by(() => {
		const count = parseWhole(this.iterations, '', Infinity);
		return count.ok ? defaultReportEvery(count.value) : undefined;
	});
	/** Why Run is refused now, or undefined. */
	readonly problem = $derived.by(() => this.#problem());

	#worker: Worker | undefined;
	#plan: RunPlan | undefined;
	/** Iterations the run counted before the worker's (the lead). */
	#lead = 0;

	/** `host` is read each time, so a component can pass its (reactive) prop. */
	constructor(
		private readonly host: () => RunHost,
		private readonly spawn: () => Worker = spawnTrainWorker
	) {
		$effect(() => {
			if (this.running && this.#plan && !this.sheet.isAt(this.#plan)) this.#stop();
		});
		// The worker sends the weights as it trains only while the map shows them.
		$effect(() => {
			const on = this.sheet.live.wanted;
			if (this.running) this.#post({ type: 'live', on });
		});
		$effect(() => () => {
			if (this.running) this.sheet.hold.release();
			this.#worker?.terminate();
		});
	}

	private get sheet(): RunHost {
		return this.host();
	}

	#problem(): string | undefined {
		const parsed = parseSettings(this.iterations, this.reportEvery);
		if (!parsed.ok) return `${parsed.error}.`;
		const why = this.sheet.runProblem();
		if (why) return why;
		const { count, reportEvery } = parsed.settings;
		const limit = limitProblem(this.sheet.snapshot, count);
		if (limit) return limit;
		const reports = reportCount(this.sheet.snapshot.iteration, count, reportEvery);
		if (reports > MAX_REPORTS)
			return `That is ${formatCount(reports)} reports; at most ${formatCount(MAX_REPORTS)} — report less often.`;
		return undefined;
	}

	start(): void {
		const parsed = parseSettings(this.iterations, this.reportEvery);
		if (this.running || this.problem || !parsed.ok) return;
		const plan = this.sheet.planRun(parsed.settings);
		this.#plan = plan;
		this.sheet.hold.set(RUN_GOING, () => this.cancel());
		this.#lead = plan.lead ? 1 : 0;
		this.status = 'running';
		this.total = plan.total;
		this.done = this.#lead;
		this.seconds = 0;
		this.compiled = undefined;
		this.outcome = undefined;
		this.reports = plan.lead ? [leadReport(plan.lead)] : [];
		if (plan.lead && !netFinite(plan.lead.net)) {
			// Even the iteration finished here overflowed: nothing to keep.
			this.#lead = 0;
			const overflowAt = plan.lead.iteration;
			return this.#end({ outcome: 'overflow', done: 0, overflowAt, last: undefined });
		}
		if (plan.request.count === 0)
			return this.#end({ outcome: 'finished', done: 0, last: undefined });
		const worker = this.spawn();
		this.#worker = worker;
		worker.onmessage = ({ data }: MessageEvent<FromWorker>) => this.#receive(data);
		worker.onerror = (event) => this.#fail(event.message || 'the worker could not start');
		this.#post({ type: 'start', request: plan.request });
	}

	/** Asks the worker to stop after its current chunk; it answers with how far it got. */
	cancel(): void {
		if (this.status !== 'running') return;
		this.status = 'cancelling';
		this.sheet.hold.set(CANCELLING);
		this.#post({ type: 'cancel' });
	}

	#post(message: ToWorker): void {
		this.#worker?.postMessage(message);
	}

	#receive(message: FromWorker): void {
		if (!this.running) return;
		switch (message.type) {
			case 'started':
				this.compiled = message.compiled;
				break;
			case 'progress':
				this.#progress(message);
				break;
			case 'end':
				this.#end(message);
				break;
			case 'failed':
				this.#fail(message.message);
		}
	}

	#progress(p: Pick<RunEnd, 'done' | 'seconds' | 'reports' | 'net'>): void {
		this.done = this.#lead + p.done;
		if (p.net) this.sheet.live.frame = { net: p.net, done: this.done };
		this.seconds = p.seconds;
		if (p.reports.length > 0) this.reports = [...this.reports, ...p.reports];
	}

	/** The worker's end (or the lead's, when it was the whole run): apply it, say how it went. */
	#end(end: Pick<RunEnd, 'outcome' | 'done' | 'last' | 'overflowAt'> & Partial<RunEnd>): void {
		this.#terminate();
		const plan = this.#plan!;
		this.#progress({
			done: end.done,
			seconds: end.seconds ?? this.seconds,
			reports: end.reports ?? []
		});
		const moment = runMoment(plan, end.last);
		if (moment) this.sheet.applyRun(moment);
		this.status = end.outcome;
		this.#say(end.outcome, { overflowAt: end.overflowAt });
	}

	/** The notebook moved on under the run: stop, and apply nothing. */
	#stop(): void {
		this.#terminate();
		this.status = 'stopped';
		this.#say('stopped');
	}

	#fail(message: string): void {
		this.#terminate();
		this.status = 'failed';
		this.#say('failed', { message });
	}

	#say(outcome: Outcome, extra: { overflowAt?: number; message?: string } = {}): void {
		const { done, total, seconds } = this;
		const iteration = this.sheet.snapshot.iteration + 1;
		this.outcome = outcomeText({ outcome, done, total, seconds, iteration, ...extra });
	}

	/** The run is over, however it ended: the worker goes, and the notebook is free again. */
	#terminate(): void {
		this.sheet.hold.release();
		this.sheet.live.frame = undefined;
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}
