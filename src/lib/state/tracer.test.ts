import { describe, expect, it } from 'vitest';
import { preset } from '$lib/engine/document/presets.ts';
import { address, parseAddress } from '$lib/engine/maths/addresses.ts';
import { lineCells, nextLine, stepLine, type LineRun } from '$lib/engine/maths/lines.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { momentOf } from './moment.ts';
import {
	computedBy,
	partialNote,
	readsOf,
	runFor,
	traceOf,
	variableName,
	writesOf
} from './tracer.ts';

const start = momentOf(preset('article')).snapshot;
const term: LineRun = { id: 'forward.term', pass: 'forward', layer: 1, neuron: 2, weight: 1 };
const name = (run: LineRun, a: string) => variableName(run, parseAddress(a)!);

describe('the tracer’s names and numbers', () => {
	it('names a line’s cells as the listing does: its neuron, its inputs, the next layer, the outputs', () => {
		expect(name(term, address.neuron(1, 2, 'total'))).toBe('neuron.total');
		expect(name(term, address.weight(1, 2, 1))).toBe('neuron.weights[1]');
		expect(name(term, address.neuron(0, 1, 'value'))).toBe('inputs[1]');
		const delta: LineRun = { id: 'backward.hidden_delta', pass: 'backward', layer: 0, neuron: 2 };
		expect(name(delta, address.weight(1, 0, 2))).toBe('next[0].weights[2]');
		expect(name(delta, address.neuron(1, 0, 'activation_gradient'))).toBe(
			'next[0].activation_gradient'
		);
		const loss: LineRun = { id: 'forward.loss', pass: 'forward', layer: 2, neuron: 1 };
		expect(name(loss, address.neuron(2, 0, 'value'))).toBe('outputs[0].value');
		expect(name(loss, address.target(0))).toBe('targets[0]');
	});

	it('reads a total mid-sum as partial, and a parameter Train has written at its old number', () => {
		const midSum = stepLine(stepLine(start));
		const [total] = readsOf(midSum, nextLine(midSum)!);
		expect(total).toMatchObject({
			name: 'neuron.total',
			partial: true,
			value: midSum.totals[0][0]
		});
		const trained = stepLine(step(step(start, 'pass'), 'pass')); // Train's first bias
		const run = { id: 'train.bias', pass: 'train', layer: 0, neuron: 0 } as const;
		const bias = address.neuron(0, 0, 'bias');
		expect(readsOf(trained, run)[0]).toMatchObject({
			address: bias,
			value: start.net.layers[0].neurons[0].bias
		});
		expect(writesOf(trained, run)[0].value).toBe(trained.net.layers[0].neurons[0].bias);
		expect(writesOf(trained, run)[0].value).not.toBe(readsOf(trained, run)[0].value);
	});

	it('finds the lines that compute a cell: none for a number the user sets', () => {
		const set = (a: string) => computedBy({ address: a, stage: 'set' }, 3);
		expect(set(address.neuron(0, 0, 'total'))).toEqual(['forward.bias', 'forward.term']);
		expect(set(address.neuron(2, 1, 'activation_gradient'))).toEqual(['backward.output_delta']);
		expect(set(address.neuron(1, 1, 'activation_gradient'))).toEqual(['backward.hidden_delta']);
		expect(set(address.errorPercent(1))).toEqual(['forward.loss']);
		expect(set(address.weight(0, 0, 0))).toEqual([]);
		expect(computedBy({ address: address.weight(0, 0, 0), stage: 'new' }, 3)).toEqual([
			'train.weight'
		]);
		expect(set(address.input(0))).toEqual([]);
	});

	it('picks the run a line’s click stands for at the neuron at hand, on a layer the line runs on', () => {
		const next = nextLine(stepLine(step(start, 'neuron')))!; // layer 0, neuron 1's first term
		expect(runFor(start, 'forward.value', [next])).toMatchObject({ layer: 0, neuron: 1 });
		expect(runFor(start, 'forward.term', [next])).toMatchObject({ weight: 0 });
		expect(runFor(start, 'train.weight', [next])).toMatchObject({ layer: 0, neuron: 1, weight: 0 });
		expect(runFor(start, 'backward.output_delta', [next])).toMatchObject({ layer: 2, neuron: 0 });
		expect(runFor(start, 'forward.loss', [next])).toMatchObject({ layer: 2, neuron: 1 });
		expect(runFor(start, 'backward.hidden_delta', [undefined])).toMatchObject({ layer: 1 });
	});

	it('marks what the next line reads and writes; Train’s write at the parameter’s new number', () => {
		const run = nextLine(start)!;
		const trace = traceOf(start, run);
		expect([...trace.reads]).toEqual(lineCells(start, run).reads);
		expect([...trace.writes]).toEqual([address.neuron(0, 0, 'total')]);
		const train = step(step(start, 'pass'), 'pass');
		expect([...traceOf(train, nextLine(train)).writes]).toEqual([
			`${address.neuron(0, 0, 'bias')}→new`
		]);
		expect(traceOf(step(start, 'iteration'), undefined).cells).toEqual([]);
	});

	it('says how many of a total’s terms are in while it is partial, and nothing once it is whole', () => {
		const total = address.neuron(0, 0, 'total');
		const bias = stepLine(start);
		expect(partialNote(bias, total)).toMatch(/^Σ so far: 0 of 2 terms added/);
		expect(partialNote(stepLine(bias), total)).toMatch(/^Σ so far: 1 of 2 terms added/);
		expect(partialNote(stepLine(stepLine(bias)), total)).toBeUndefined();
		expect(partialNote(bias, address.neuron(0, 0, 'value'))).toBeUndefined();
	});
});
