/**
 * The training worker: runs one request of run-loop.ts and posts its progress
 * and end (FromWorker). A Cancel message is seen between chunks, within about
 * CHUNK_MS. The page is not cross-origin isolated (a static host sends no
 * COOP/COEP headers), so there is no SharedArrayBuffer flag to poll; letting
 * messages in between chunks costs well under 1 % of the time.
 */
import { pause } from './pause.ts';
import { runLoop, type FromWorker, type ToWorker } from './run-loop.ts';

/** The part of DedicatedWorkerGlobalScope we use (the project's TS lib is the DOM's). */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
	postMessage(message: FromWorker): void;
};

let cancelled = false;
let live = false;
/**
 * Progress is posted at most this often (a chunk is ~10 ms, for Cancel's
 * sake): each message re-renders the Run panel, and at one per chunk the
 * page's thread was busy about half the time, competing with this worker on
 * a two-core machine. A chunk with reports or a live frame always posts.
 */
const PROGRESS_MS = 50;
let posted = -Infinity;

scope.onmessage = async ({ data }) => {
	if (data.type === 'cancel') cancelled = true;
	if (data.type === 'live') live = data.on;
	if (data.type !== 'start') return;
	try {
		const end = await runLoop(data.request, {
			now: () => performance.now(),
			started: (compiled) => scope.postMessage({ type: 'started', compiled }),
			progress: (progress) => {
				const now = performance.now();
				if (!progress.reports.length && !progress.net && now - posted < PROGRESS_MS) return;
				posted = now;
				scope.postMessage({ type: 'progress', ...progress });
			},
			pause,
			cancelled: () => cancelled,
			live: () => live
		});
		scope.postMessage({ type: 'end', ...end });
	} catch (error) {
		scope.postMessage({
			type: 'failed',
			message: error instanceof Error ? error.message : String(error)
		});
	}
};
