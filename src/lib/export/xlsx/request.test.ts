import { describe, expect, it } from 'vitest';
import { handStart } from '../../engine/__fixtures__/nets.ts';
import { xlsxFrom, type FromXlsxWorker, type XlsxRequest } from './request.ts';

/** A worker stand-in: records what it was sent and whether it was ended; `answer` replies. */
class FakeWorker {
	sent: unknown[] = [];
	terminated = false;
	onmessage: ((event: MessageEvent<FromXlsxWorker>) => void) | null = null;
	onerror: ((event: ErrorEvent) => void) | null = null;
	postMessage(message: unknown) {
		this.sent.push(message);
	}
	terminate() {
		this.terminated = true;
	}
	answer(data: FromXlsxWorker) {
		this.onmessage?.({ data } as MessageEvent<FromXlsxWorker>);
	}
}

const request: XlsxRequest = { snapshot: handStart(), labels: { inputs: ['w'] } };

describe('asking the .xlsx worker for a file', () => {
	it('sends the request and resolves with the bytes it answers, then ends the worker', async () => {
		const worker = new FakeWorker();
		const file = xlsxFrom(worker as unknown as Worker, request);
		expect(worker.sent).toEqual([request]);
		expect(worker.terminated).toBe(false);
		const bytes = new Uint8Array([80, 75, 3, 4]);
		worker.answer({ type: 'done', bytes });
		await expect(file).resolves.toBe(bytes);
		expect(worker.terminated).toBe(true);
	});

	it('rejects with the worker’s message when it fails, or when the worker itself errs', async () => {
		const failing = new FakeWorker();
		const failed = xlsxFrom(failing as unknown as Worker, request);
		failing.answer({ type: 'failed', message: 'too many columns' });
		await expect(failed).rejects.toThrow('too many columns');
		expect(failing.terminated).toBe(true);

		const crashing = new FakeWorker();
		const crashed = xlsxFrom(crashing as unknown as Worker, request);
		crashing.onerror?.({ message: 'out of memory', preventDefault() {} } as ErrorEvent);
		await expect(crashed).rejects.toThrow('out of memory');
		expect(crashing.terminated).toBe(true);
	});
});
