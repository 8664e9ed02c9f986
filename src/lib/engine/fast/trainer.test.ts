import { describe, it, expect, vi } from 'vitest';
import { ACTIVATION_NAMES } from '../maths/activations.ts';
import { sampleAt, type DataSource } from './data.ts';
import { initialiseNet } from './init.ts';
import { parameterValues, type Net } from '../maths/model.ts';
import { dataSourceOf, netOf } from '../document/notebook.ts';
import { nextIteration, step } from '../maths/passes.ts';
import { preset, type PresetName } from '../document/presets.ts';
import { createSnapshot } from '../maths/snapshot.ts';
import { createTrainer, type Report } from './trainer.ts';
import { SampleFiller } from './sampler.ts';

/** Every bias and weight in the article's order. */
const numbers = parameterValues;

/** The first place two lists of numbers differ by Object.is, or undefined. */
function firstDifference(a: readonly number[], b: readonly number[]): string | undefined {
	if (a.length !== b.length) return `lengths ${a.length} and ${b.length}`;
	const i = a.findIndex((x, k) => !Object.is(x, b[k]));
	return i < 0 ? undefined : `at ${i}: ${a[i]} and ${b[i]}`;
}

/** The same reports, every number compared by Object.is. */
function reportDifference(a: readonly Report[], b: readonly Report[]): string | undefined {
	if (a.length !== b.length) return `${a.length} reports and ${b.length}`;
	for (const [i, r] of a.entries()) {
		const s = b[i];
		const heads = [r.iteration, r.count, +r.partial];
		const problem = firstDifference(
			[...heads, ...r.errorsPercent, ...r.meanAbsDelta],
			[s.iteration, s.count, +s.partial, ...s.errorsPercent, ...s.meanAbsDelta]
		);
		if (problem) return `report ${i} (iteration ${r.iteration}) ${problem}`;
	}
	return undefined;
}

/**
 * The slow, obviously right way: the notebook's own passes, one whole
 * iteration at a time, with the article's error-% averaging around them, and
 * each layer's mean |δ| taken from the snapshot's δ cells (activation
 * gradients): Σ |δ_j| iteration by iteration, neuron by neuron, over count × neurons.
 */
function reference(net: Net, rate: number, source: DataSource, count: number, reportEvery: number) {
	const first = sampleAt(source, 0);
	let s = createSnapshot({ net, inputs: first.inputs, targets: first.targets, learningRate: rate });
	const reports: Report[] = [];
	let sums: number[] = [];
	let deltaSums: number[] = [];
	let counter = 0;
	const report = (iteration: number, partial: boolean) => {
		const neurons = s.activationGradients.map((row) => row.length);
		reports.push({
			iteration,
			count: counter,
			errorsPercent: sums.map((x) => x / counter),
			meanAbsDelta: deltaSums.map((x, l) => x / (counter * neurons[l])),
			partial
		});
		sums = [];
		deltaSums = [];
		counter = 0;
	};
	for (let k = 0; k < count; k++) {
		s = step(s, 'iteration');
		sums = s.errorsPercent.map((e, j) => (sums[j] ?? 0) + e);
		deltaSums = s.activationGradients.map((row, l) =>
			row.reduce((sum, d) => sum + Math.abs(d), deltaSums[l] ?? 0)
		);
		counter++;
		if (k % reportEvery === 0) report(k, false);
		if (k < count - 1) s = nextIteration(s, sampleAt(source, s.iteration + 1));
	}
	if (counter > 0) report(count - 1, true);
	return { net: s.net, reports };
}

/** Both paths of the trainer: the compiled kernel (kernel.ts) and the generic loop. */
const PATHS = [
	['the compiled kernel', true],
	['the generic loop', false]
] as const;

function fast(
	net: Net,
	rate: number,
	source: DataSource,
	count: number,
	reportEvery: number,
	compile = true
) {
	const trainer = createTrainer(net, rate, source, { reportEvery, compile });
	expect(trainer.compiled).toBe(compile);
	const reports = trainer.run(count);
	const last = trainer.finish();
	if (last) reports.push(last);
	return { net: trainer.net(), reports };
}

function expectSameTraining(
	net: Net,
	rate: number,
	source: DataSource,
	count: number,
	compile: boolean
) {
	const slow = reference(net, rate, source, count, 1000);
	const quick = fast(net, rate, source, count, 1000, compile);
	expect(firstDifference(numbers(quick.net), numbers(slow.net))).toBeUndefined();
	expect(reportDifference(quick.reports, slow.reports)).toBeUndefined();
	expect(quick.reports).toHaveLength(count / 1000 + 1);
	// Every layer's mean |δ| is there, and it changes from report to report.
	expect(quick.reports.every((r) => r.meanAbsDelta.length === net.layers.length)).toBe(true);
	const outputDeltas = new Set(quick.reports.map((r) => r.meanAbsDelta.at(-1)));
	expect(outputDeltas.size).toBeGreaterThan(1);
	// The nets must have moved, or the comparison proves nothing.
	expect(firstDifference(numbers(quick.net), numbers(net))).toBeDefined();
}

const presetRun = (name: PresetName) => {
	const notebook = preset(name);
	return [netOf(notebook), notebook.learningRate, dataSourceOf(notebook)] as const;
};

/**
 * 2-5-4-4-3-2 with every activation: fan-ins 2 and 3 (unrolled) and 5 and 4
 * (looped). Some ReLU values are exactly 0: hidden ones, where f' is then 0,
 * and outputs, against targets that are sometimes 0 (the error %'s 0/0 case).
 */
const mixedNet = initialiseNet(
	[2, 5, 4, 4, 3, 2],
	['tanh', 'relu', 'sigmoid', 'linear', 'relu'],
	12
);
const mixedTable: DataSource = {
	kind: 'table',
	samples: [
		{ inputs: [0.3, -0.7], targets: [0.2, 0] },
		{ inputs: [-0.9, 0.65], targets: [0, 0.35] },
		{ inputs: [0.15, 0.85], targets: [0.45, 0.1] }
	]
};

describe.each(PATHS)('%s gives bit for bit what the stepping engine gives', (_, compile) => {
	it("trains the article's 2-3-3-2 tanh net on rectangles to the same weights and reports", () => {
		expectSameTraining(...presetRun('article'), 10_000, compile);
	});

	it('trains the XOR preset to the same weights and reports, Infinity % included', () => {
		expectSameTraining(...presetRun('xor'), 10_000, compile);
	});

	it('trains a net mixing tanh, sigmoid, ReLU and linear layers on a samples table the same way', () => {
		expectSameTraining(mixedNet, 0.05, mixedTable, 10_000, compile);
	});

	it.each(ACTIVATION_NAMES)('trains a 2-4-3-2 %s net on a samples table the same way', (name) => {
		expectSameTraining(initialiseNet([2, 4, 3, 2], name, 3), 0.05, mixedTable, 5_000, compile);
	});

	it('trains on a fixed sample (the chain-rule preset) the same way', () => {
		const [net, rate, source] = presetRun('chain');
		expect(source.kind).toBe('fixed');
		expectSameTraining(net, rate, source, 10_000, compile);
	});

	it('keeps the signs of zeros: a hidden δ sum starts from +0, not −0', () => {
		// With input 0 and w = −0 above, layer 0's δ sum is 0 + δ·(−0) = +0, so its bias stays −0.
		const net: Net = {
			layers: [
				{ activation: 'tanh', neurons: [{ bias: -0, weights: [1] }] },
				{ activation: 'tanh', neurons: [{ bias: 0.5, weights: [-0] }] }
			]
		};
		const source: DataSource = { kind: 'fixed', sample: { inputs: [0], targets: [-0.5] } };
		const slow = reference(net, 0.1, source, 5, 1000);
		const quick = fast(net, 0.1, source, 5, 1000, compile);
		expect(firstDifference(numbers(quick.net), numbers(slow.net))).toBeUndefined();
		expect(Object.is(numbers(quick.net)[0], -0)).toBe(true);
	});
});

describe.each(PATHS)('with %s, reports follow the article', (_, compile) => {
	const [net, rate, source] = presetRun('article');

	it('reports iteration 0 alone, then each block of reportEvery iterations, then the rest as partial', () => {
		const trainer = createTrainer(net, rate, source, { reportEvery: 4, compile });
		const reports = trainer.run(10);
		const last = trainer.finish();
		const schedule = [...reports, last].map((r) => [r?.iteration, r?.count, r?.partial]);
		expect(schedule).toEqual([
			[0, 1, false],
			[4, 4, false],
			[8, 4, false],
			[9, 1, true]
		]);
		expect(trainer.finish()).toBeUndefined();
	});

	it('starting mid-way, reports at the next multiple of reportEvery and counts from the start', () => {
		const trainer = createTrainer(net, rate, source, { iteration: 6, reportEvery: 4, compile });
		const schedule = trainer.run(7).map((r) => [r.iteration, r.count]);
		expect(schedule).toEqual([
			[8, 3],
			[12, 4]
		]);
		expect(trainer.iteration).toBe(13);
		expect(trainer.finish()).toBeUndefined();
	});

	it('gives no partial report when the run ends on a report', () => {
		const trainer = createTrainer(net, rate, source, { reportEvery: 5, compile });
		expect(trainer.run(6).map((r) => r.iteration)).toEqual([0, 5]);
		expect(trainer.finish()).toBeUndefined();
	});
});

const RUNS = {
	article: presetRun('article'),
	xor: presetRun('xor'),
	chain: presetRun('chain'),
	mixed: [mixedNet, 0.05, mixedTable] as const
};

describe.each(PATHS)('with %s, chunks', (_, compile) => {
	// Each compared with one run of the other path, so the two paths agree with each other too.
	describe.each(Object.entries(RUNS))('of the %s run', (_, [net, rate, source]) => {
		it('a run split into uneven chunks ends with the same weights and reports as one run', () => {
			const whole = fast(net, rate, source, 10_000, 1000, !compile);
			const trainer = createTrainer(net, rate, source, { reportEvery: 1000, compile });
			const reports = [1, 999, 1, 2500, 1023, 1025, 3333, 1118].flatMap((n) => trainer.run(n));
			reports.push(trainer.finish()!);
			expect(trainer.iteration).toBe(10_000);
			expect(firstDifference(numbers(trainer.net()), numbers(whole.net))).toBeUndefined();
			expect(reportDifference(reports, whole.reports)).toBeUndefined();
		});

		it('a new trainer resumed from the weights and iteration of another continues exactly', () => {
			const whole = fast(net, rate, source, 10_000, 1000, !compile);
			const before = createTrainer(net, rate, source, { reportEvery: 1000, compile });
			const reports = before.run(4001);
			const options = { iteration: 4001, reportEvery: 1000, compile };
			const after = createTrainer(before.net(), rate, source, options);
			reports.push(...after.run(5999), after.finish()!);
			expect(firstDifference(numbers(after.net()), numbers(whole.net))).toBeUndefined();
			expect(reportDifference(reports, whole.reports)).toBeUndefined();
		});
	});

	it.each([2 ** 31 - 700, 4_000_000_017, 2 ** 50 - 300])(
		'starting at iteration %i, trains as the other path does (the generators’ counters wrap alike)',
		(iteration) => {
			for (const [net, rate, source] of [RUNS.article, RUNS.xor]) {
				const run = (compile: boolean) => {
					const trainer = createTrainer(net, rate, source, { iteration, reportEvery: 64, compile });
					const reports = trainer.run(1000);
					return { net: numbers(trainer.net()), reports };
				};
				const [a, b] = [run(compile), run(!compile)];
				expect(firstDifference(a.net, b.net)).toBeUndefined();
				expect(reportDifference(a.reports, b.reports)).toBeUndefined();
			}
		}
	);
});

describe('the compiled kernel', () => {
	it('is used for the presets and small nets, and not for nets over its size limit', () => {
		for (const [net, rate, source] of Object.values(RUNS))
			expect(createTrainer(net, rate, source).compiled).toBe(true);
		const big = initialiseNet([2, 16, 16, 2], 'tanh', 1);
		expect(createTrainer(big, 0.01, RUNS.article[2]).compiled).toBe(false);
		expect(createTrainer(RUNS.article[0], 0.01, RUNS.article[2], { compile: false }).compiled).toBe(
			false
		);
	});

	it('falls back to the generic loop, silently, where new Function is forbidden (CSP)', async () => {
		vi.resetModules();
		vi.stubGlobal('Function', function () {
			throw new EvalError('Refused to evaluate a string as JavaScript (unsafe-eval)');
		});
		try {
			const { createTrainer: create } = await import('./trainer.ts');
			const [net, rate, source] = RUNS.article;
			const trainer = create(net, rate, source, { reportEvery: 1000 });
			expect(trainer.compiled).toBe(false);
			const reports = trainer.run(3000);
			const whole = fast(net, rate, source, 3000, 1000);
			expect(firstDifference(numbers(trainer.net()), numbers(whole.net))).toBeUndefined();
			expect(reportDifference([...reports, trainer.finish()!], whole.reports)).toBeUndefined();
		} finally {
			vi.unstubAllGlobals();
			vi.resetModules();
		}
	});
});

describe('sampling fills', () => {
	const ks = [0, 1, 2, 3, 17, 999, 123_456, 2 ** 29 + 3, 2 ** 31 + 5, 4_000_000_017];

	const filled = (source: DataSource, inputs: number, targets: number, k: number) => {
		const filler = new SampleFiller(source, inputs, targets);
		const inputArray = new Float64Array(inputs + 1).fill(NaN);
		const targetArray = new Float64Array(targets);
		filler.fill(k, inputArray, 1, targetArray);
		return { inputs: [...inputArray.subarray(1)], targets: [...targetArray] };
	};

	it.each([
		['rectangle', 1],
		['rectangle', -42],
		['xor', 3],
		['xor', 0]
	] as const)('the %s generator with seed %i fills exactly sampleAt’s numbers', (name, seed) => {
		const source: DataSource = { kind: 'generator', name, seed };
		const [inputs, targets] = name === 'xor' ? [2, 1] : [2, 2];
		for (const k of ks) {
			const want = sampleAt(source, k);
			const got = filled(source, inputs, targets, k);
			expect(firstDifference(got.inputs, want.inputs), `k = ${k}`).toBeUndefined();
			expect(firstDifference(got.targets, want.targets), `k = ${k}`).toBeUndefined();
		}
	});

	it('a table fills its rows in order and round again, and a fixed sample every time', () => {
		for (const k of ks) {
			const want = sampleAt(mixedTable, k);
			expect(filled(mixedTable, 2, 2, k)).toEqual({ inputs: want.inputs, targets: want.targets });
		}
		const fixed: DataSource = { kind: 'fixed', sample: { inputs: [0.5, -0], targets: [0.125] } };
		expect(filled(fixed, 2, 1, 12345)).toEqual({ inputs: [0.5, -0], targets: [0.125] });
	});

	it('refuses data whose shape does not fit the network, saying which', () => {
		expect(() => new SampleFiller(mixedTable, 3, 2)).toThrow(/sample 0 has 2 inputs/);
		expect(() => new SampleFiller({ kind: 'generator', name: 'xor', seed: 1 }, 2, 2)).toThrow(
			/the xor data set has 2 inputs and 1 targets/
		);
		expect(() => new SampleFiller({ kind: 'table', samples: [] }, 2, 1)).toThrow(/empty/);
	});
});

describe('the trainer refuses what it cannot run', () => {
	const [net, rate, source] = presetRun('article');

	it('refuses a malformed net, a non-finite learning rate and bad counts', () => {
		expect(() => createTrainer({ layers: [] }, rate, source)).toThrow(/no layers/);
		expect(() => createTrainer(net, NaN, source)).toThrow(/learning rate/);
		expect(() => createTrainer(net, rate, source, { reportEvery: 0 })).toThrow(/reportEvery/);
		expect(() => createTrainer(net, rate, source).run(1.5)).toThrow(/whole number/);
	});

	it('says when training has overflowed the weights, without stopping', () => {
		const line: Net = { layers: [{ activation: 'linear', neurons: [{ bias: 0, weights: [1] }] }] };
		const far: DataSource = { kind: 'fixed', sample: { inputs: [1e10], targets: [0] } };
		const trainer = createTrainer(line, 1e300, far);
		expect(trainer.finite()).toBe(true);
		trainer.run(3);
		expect(trainer.finite()).toBe(false);
		expect(numbers(trainer.net()).some((x) => !Number.isFinite(x))).toBe(true);
	});

	it('hands back the weights as a Net that does not share the trainer’s arrays', () => {
		const trainer = createTrainer(net, rate, source);
		const before = trainer.net();
		expect(before).toEqual(net);
		trainer.run(10);
		expect(numbers(before)).toEqual(numbers(net));
		expect(trainer.net().layers.map((l) => l.activation)).toEqual(['tanh', 'tanh', 'tanh']);
	});
});
