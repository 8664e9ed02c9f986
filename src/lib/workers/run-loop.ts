/**
 * The training worker's loop, kept apart from the worker so that Node can
 * test it: the fast trainer (engine/fast/trainer.ts) run in chunks sized by time,
 * so that the worker can post progress and notice a Cancel between chunks.
 *
 * The page shows the last iteration run as if stepped by hand (every value
 * and gradient of it, cursor 'done'), so the loop keeps the weights each
 * chunk's last iteration started from: `trainer.run(n − 1)`, copy, `run(1)`
 * does exactly what `run(n)` does.
 *
 * Overflow: after a chunk whose weights are no longer all finite, the loop
 * replays that chunk one iteration at a time from its start to find the
 * first iteration whose Train overflowed, and ends there, keeping the last
 * iteration whose trained weights are all finite.
 */
import type { DataSource } from '$lib/engine/fast/data.ts';
import type { Net } from '$lib/engine/maths/model.ts';
import { createTrainer, type Report } from '$lib/engine/fast/trainer.ts';

export interface RunRequest {
	readonly net: Net;
	readonly learningRate: number;
	readonly source: DataSource;
	/** The global index of the first iteration to run. */
	readonly first: number;
	readonly count: number;
	readonly reportEvery: number;
	/** False forces the trainer's generic loop (for the benchmark); default true. */
	readonly compile?: boolean;
}

/** The last iteration a run keeps, and the weights it started from. */
export interface LastIteration {
	readonly iteration: number;
	readonly before: Net;
}

interface RunProgress {
	/** Whole iterations run so far. */
	readonly done: number;
	/** Reports that fell due since the previous progress. */
	readonly reports: Report[];
	/** Seconds since the run started, in the worker. */
	readonly seconds: number;
	/** The weights after `done` iterations, at most every FRAME_MS and only while the page wants them. */
	readonly net?: Net;
}

export interface RunEnd extends RunProgress {
	readonly outcome: 'finished' | 'cancelled' | 'overflow';
	/** Undefined when no iteration was kept. */
	readonly last: LastIteration | undefined;
	/** For 'overflow': the global index of the iteration whose Train made a weight non-finite. */
	readonly overflowAt?: number;
}

export interface LoopHooks {
	/** Milliseconds, monotonic. */
	now(): number;
	/** Called once, before the first chunk. */
	started(compiled: boolean): void;
	progress(progress: RunProgress): void;
	/** Lets queued messages (a Cancel) in. */
	pause(): Promise<void>;
	cancelled(): boolean;
	/** Whether the page draws the net as it trains (the learned map is on screen). */
	live?(): boolean;
}

/**
 * A chunk takes about this long: short enough that a Cancel is seen within
 * ~10 ms (Cancel → run stopped and applied: 14–31 ms measured, against
 * 19–38 ms with 25 ms chunks), long enough that the chunk boundaries (a
 * progress message, a pause for messages) cost about 2 % (bench:profile).
 */
export const CHUNK_MS = 10;
const FIRST_CHUNK = 1000;
/**
 * Live frames (the weights, for the learned map) come at most this often: a
 * few a second reads as motion, and each costs the page a map's forward
 * passes (about 15 ms for the article's net) on its own thread.
 */
export const FRAME_MS = 250;

/** The next chunk's size from the last one's size and duration: aims at CHUNK_MS, grows at most 4× at a time. */
export function nextChunk(size: number, ms: number): number {
	const aimed = ms > 0 ? (size * CHUNK_MS) / ms : size * 4;
	return Math.max(1, Math.round(Math.min(aimed, size * 4)));
}

/** Runs `request` to its end, a Cancel, or an overflow. */
export async function runLoop(request: RunRequest, hooks: LoopHooks): Promise<RunEnd> {
	const { net, learningRate, source, first, count, reportEvery, compile = true } = request;
	const trainer = createTrainer(net, learningRate, source, {
		iteration: first,
		reportEvery,
		compile
	});
	hooks.started(trainer.compiled);
	const startedAt = hooks.now();
	const seconds = () => (hooks.now() - startedAt) / 1000;
	let last: LastIteration | undefined;
	/** Where the current chunk started, for finding an overflow. */
	let chunkNet = net;
	let size = FIRST_CHUNK;
	let done = 0;
	let framed = -Infinity;
	while (done < count) {
		const n = Math.min(size, count - done);
		const t = hooks.now();
		const chunkStart = first + done;
		const reports = trainer.run(n - 1);
		const before = trainer.net();
		reports.push(...trainer.run(1));
		if (!trainer.finite()) {
			const found = findOverflow(request, chunkNet, chunkStart, chunkStart + n, last);
			const tail = trainer.finish();
			if (tail) reports.push(tail);
			const { overflowAt } = found;
			return {
				outcome: 'overflow',
				done: overflowAt - first,
				reports,
				seconds: seconds(),
				...found
			};
		}
		done += n;
		last = { iteration: first + done - 1, before };
		chunkNet = trainer.net();
		size = nextChunk(n, hooks.now() - t);
		// The weights at a chunk's end are copied anyway (chunkNet), so a frame costs only its message.
		const frame = hooks.live?.() === true && hooks.now() - framed >= FRAME_MS;
		if (frame) framed = hooks.now();
		hooks.progress({ done, reports, seconds: seconds(), ...(frame && { net: chunkNet }) });
		await hooks.pause();
		if (hooks.cancelled()) break;
	}
	const tail = trainer.finish();
	const outcome = done < count ? 'cancelled' : 'finished';
	return { outcome, done, reports: tail ? [tail] : [], seconds: seconds(), last };
}

/**
 * Replays a chunk from its start (`net` at iteration `start`) one iteration at
 * a time (it overflowed before `end`): the first iteration whose Train leaves
 * a weight non-finite, and the last one before it with the weights it started
 * from (`previous` when that is the previous chunk's last).
 */
function findOverflow(
	request: RunRequest,
	net: Net,
	start: number,
	end: number,
	previous: LastIteration | undefined
): { overflowAt: number; last: LastIteration | undefined } {
	const { learningRate, source, compile = true } = request;
	const options = { iteration: start, compile };
	const probe = createTrainer(net, learningRate, source, options);
	do probe.run(1);
	while (probe.finite() && probe.iteration < end);
	const at = probe.iteration - 1;
	if (at === start) return { overflowAt: at, last: previous };
	const again = createTrainer(net, learningRate, source, options);
	again.run(at - 1 - start);
	return { overflowAt: at, last: { iteration: at - 1, before: again.net() } };
}

/** What the page posts to the training worker. */
export type ToWorker =
	| { readonly type: 'start'; readonly request: RunRequest }
	| { readonly type: 'cancel' }
	| { readonly type: 'live'; readonly on: boolean };

/** What the training worker posts back. */
export type FromWorker =
	| { readonly type: 'started'; readonly compiled: boolean }
	| ({ readonly type: 'progress' } & RunProgress)
	| ({ readonly type: 'end' } & RunEnd)
	| { readonly type: 'failed'; readonly message: string };
