/**
 * What the page asks of the .xlsx worker, and what it answers: plain data,
 * cloned across to the worker (a snapshot and labels hold only numbers,
 * strings and arrays).
 */
import type { Labels } from '../../engine/maths/cells/words.ts';
import type { Snapshot } from '../../engine/maths/snapshot.ts';
import type { UnrolledOptions } from './unrolled.ts';

export interface XlsxRequest {
	/** The iteration to export, wherever it is in it. */
	readonly snapshot: Snapshot;
	readonly labels?: Labels;
	/** An unrolled sheet too: that many iterations more, over the notebook's samples. */
	readonly unrolled?: UnrolledOptions;
}

export type FromXlsxWorker =
	| { readonly type: 'done'; readonly bytes: Uint8Array<ArrayBuffer> }
	| { readonly type: 'failed'; readonly message: string };

/** The file of `request`, made by `worker`, which is ended once it answers (or fails to). */
export function xlsxFrom(worker: Worker, request: XlsxRequest): Promise<Uint8Array<ArrayBuffer>> {
	return new Promise((resolve, reject) => {
		worker.onmessage = ({ data }: MessageEvent<FromXlsxWorker>) => {
			worker.terminate();
			if (data.type === 'done') resolve(data.bytes);
			else reject(new Error(data.message));
		};
		worker.onerror = (event) => {
			worker.terminate();
			event.preventDefault();
			reject(new Error(event.message || 'the workbook worker stopped'));
		};
		worker.postMessage(request);
	});
}
