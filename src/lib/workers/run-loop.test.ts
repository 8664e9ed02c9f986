import { describe, it, expect } from 'vitest';
import { dataSourceOf, netOf } from '$lib/engine/document/notebook.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { createTrainer, type Report } from '$lib/engine/fast/trainer.ts';
import { initialiseNet } from '$lib/engine/fast/init.ts';
import { parameterValues } from '$lib/engine/maths/model.ts';
import {
	CHUNK_MS,
	FRAME_MS,
	nextChunk,
	runLoop,
	type LoopHooks,
	type RunEnd,
	type RunRequest
} from './run-loop.ts';

const numbers = parameterValues;

const article = preset('article');
const request = (count: number, first = 0): RunRequest => ({
	net: netOf(article),
	learningRate: article.learningRate,
	source: dataSourceOf(article),
	first,
	count,
	reportEvery: 1000
});

/** Hooks on a fake clock that moves `msPerChunk` / 2 at each reading (so a chunk, read before and after, takes `msPerChunk` / 2); cancels after `cancelAfter` chunks. */
function hooks(msPerChunk = 10, cancelAfter = Infinity) {
	let clock = 0;
	let chunks = 0;
	const log = {
		compiled: undefined as boolean | undefined,
		progress: [] as number[],
		reports: [] as Report[],
		sizes: [] as number[]
	};
	const h: LoopHooks = {
		now: () => (clock += msPerChunk / 2),
		started: (compiled) => (log.compiled = compiled),
		progress: (p) => {
			log.sizes.push(p.done - (log.progress.at(-1) ?? 0));
			log.progress.push(p.done);
			log.reports.push(...p.reports);
			chunks++;
		},
		pause: () => Promise.resolve(),
		cancelled: () => chunks >= cancelAfter
	};
	return { h, log };
}

/** What one trainer.run gives for the same request, for comparison. */
function straight(r: RunRequest, count = r.count) {
	const t = createTrainer(r.net, r.learningRate, r.source, {
		iteration: r.first,
		reportEvery: r.reportEvery
	});
	const reports = t.run(count - 1);
	const before = t.net();
	reports.push(...t.run(1));
	const tail = t.finish();
	if (tail) reports.push(tail);
	return { reports, before, after: t.net() };
}

const allReports = (log: { reports: Report[] }, end: RunEnd) => [...log.reports, ...end.reports];

describe('runLoop', () => {
	it('runs every iteration in chunks and reports exactly what one straight run reports', async () => {
		const r = request(50_000, 7);
		const { h, log } = hooks();
		const end = await runLoop(r, h);
		const ref = straight(r);
		expect(end.outcome).toBe('finished');
		expect(end.done).toBe(50_000);
		expect(log.compiled).toBe(true);
		expect(log.progress.length).toBeGreaterThan(3);
		expect(allReports(log, end)).toEqual(ref.reports);
		expect(end.last?.iteration).toBe(7 + 50_000 - 1);
		expect(numbers(end.last!.before)).toEqual(numbers(ref.before));
	});

	it('stops after the chunk in which Cancel arrived, keeping that chunk and reporting its partial interval', async () => {
		const r = request(10_000_000);
		const { h, log } = hooks(10, 3);
		const end = await runLoop(r, h);
		expect(end.outcome).toBe('cancelled');
		expect(end.done).toBe(log.progress[2]);
		expect(end.done).toBeLessThan(10_000_000);
		const ref = straight(r, end.done);
		expect(numbers(end.last!.before)).toEqual(numbers(ref.before));
		expect(end.last!.iteration).toBe(end.done - 1);
		expect(allReports(log, end)).toEqual(ref.reports);
		expect(allReports(log, end).at(-1)?.partial).toBe(true);
	});

	it('sizes chunks by time: they grow while fast and settle where one takes CHUNK_MS', async () => {
		// The fake clock says each chunk takes 4 × CHUNK_MS whatever its size: the size shrinks by 4 each time.
		const slow = hooks(8 * CHUNK_MS);
		await runLoop(request(1500), slow.h);
		expect(slow.log.sizes.slice(0, 7)).toEqual([1000, 250, 63, 16, 4, 1, 1]);
		// A clock that never moves: each chunk is 4× the last.
		const fast = hooks(0);
		await runLoop(request(100_000), fast.h);
		expect(fast.log.sizes).toEqual([1000, 4000, 16000, 64000, 15000]);
		expect(nextChunk(1000, CHUNK_MS)).toBe(1000);
		expect(nextChunk(1000, 0)).toBe(4000);
		expect(nextChunk(1000, 1)).toBe(4000);
		expect(nextChunk(1000, 2 * CHUNK_MS)).toBe(500);
	});

	it('ends at the last iteration whose weights are all finite when training overflows', async () => {
		// Linear layers and a huge learning rate: the weights blow up within a few iterations.
		const net = initialiseNet([2, 3, 2], ['linear', 'linear'], 5);
		const r: RunRequest = { ...request(100_000, 3), net, learningRate: 1e30 };
		const { h } = hooks();
		const end = await runLoop(r, h);
		expect(end.outcome).toBe('overflow');
		const at = end.overflowAt!;
		expect(at).toBeGreaterThan(3);
		expect(end.done).toBe(at - 3);
		// Training up to iteration at − 1 stays finite; iteration at's Train does not.
		const t = createTrainer(net, r.learningRate, r.source, { iteration: 3 });
		t.run(at - 3);
		expect(t.finite()).toBe(true);
		t.run(1);
		expect(t.finite()).toBe(false);
		const ref = straight(r, at - 3);
		expect(end.last!.iteration).toBe(at - 1);
		expect(numbers(end.last!.before)).toEqual(numbers(ref.before));
	});

	it('keeps nothing when the very first iteration overflows', async () => {
		// Weights of 1e300: the first weight gradient a·δ is already beyond the largest double.
		const net = initialiseNet([2, 3, 2], ['linear', 'linear'], 5);
		const huge = {
			layers: net.layers.map((l) => ({
				...l,
				neurons: l.neurons.map((n) => ({ bias: 1e300, weights: n.weights.map(() => 1e300) }))
			}))
		};
		const r: RunRequest = { ...request(100), net: huge, learningRate: 0.001 };
		const end = await runLoop(r, hooks().h);
		expect(end).toMatchObject({ outcome: 'overflow', done: 0, overflowAt: 0, last: undefined });
	});
});

describe('live frames of the weights', () => {
	it('sends the weights after `done` iterations, at most every FRAME_MS, only while asked', async () => {
		const { h, log } = hooks(20);
		const frames: { done: number; at: number; net: number[] }[] = [];
		let live = false;
		let clock = 0;
		const withLive: LoopHooks = {
			...h,
			now: () => (clock = h.now()),
			live: () => live,
			progress: (p) => {
				h.progress(p);
				if (p.net) frames.push({ done: p.done, at: clock, net: numbers(p.net) });
				// Turned on after the second chunk, as a map scrolled into view would.
				if (log.progress.length === 2) live = true;
			}
		};
		const r = request(200_000);
		await runLoop(r, withLive);
		expect(frames.length).toBeGreaterThan(2);
		expect(frames.length).toBeLessThan(log.progress.length / 2);
		expect(frames[0].done).toBeGreaterThan(log.progress[1]);
		for (const { done, net } of frames) {
			const t = createTrainer(r.net, r.learningRate, r.source, { reportEvery: r.reportEvery });
			t.run(done);
			expect(net).toEqual(numbers(t.net()));
		}
		for (let i = 1; i < frames.length; i++)
			expect(frames[i].at - frames[i - 1].at).toBeGreaterThanOrEqual(FRAME_MS);
	});
});
