/**
 * `npm run bench:slow`: what marking saturated and dead neurons costs at each
 * step, on the 12,544-weight net (2-64-64-64-64-2), beside the forward pass
 * a step runs anyway. Tanh: slowNeurons reads the values only. ReLU: some
 * neuron is at a = 0, so it runs the last report's 100 forward passes too.
 * Rounds alternate, medians printed. Environment: BENCH_ROUNDS (default 21).
 */
import { seededSnapshot } from '../src/lib/engine/__fixtures__/nets.ts';
import { sampleAt } from '../src/lib/engine/fast/data.ts';
import { lastReport, slowNeurons } from '../src/lib/engine/fast/slow.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { median, ratio, row } from './lib/stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);
const SIZES = [2, 64, 64, 64, 64, 2];
const source = { kind: 'generator', name: 'rectangle', seed: 1 } as const;

function time(f: () => unknown): number {
	const t = performance.now();
	f();
	return performance.now() - t;
}

const widths = [10, 16, 18, 10];
console.log(row(['net', 'forward pass ms', 'slowNeurons ms', 'ratio'], widths));
for (const activation of ['tanh', 'relu'] as const) {
	const start = seededSnapshot(SIZES, activation, 7);
	const done = step(start, 'pass');
	const forward: number[] = [];
	const slow: number[] = [];
	let dead = 0;
	for (let r = 0; r < ROUNDS; r++) {
		forward.push(time(() => step(start, 'pass')));
		slow.push(
			time(() => {
				const rows = slowNeurons(
					done,
					lastReport(done.iteration, (k) => sampleAt(source, k))
				);
				dead = rows.flat().filter((n) => n?.kind === 'dead').length;
			})
		);
	}
	const [f, s] = [median(forward), median(slow)];
	console.log(row([activation, f.toFixed(3), s.toFixed(3), ratio(s, f)], widths), `(${dead} dead)`);
}
