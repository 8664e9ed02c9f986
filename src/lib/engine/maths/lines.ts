/**
 * The tracer's granularity: one line of pseudocode at a time, down to one
 * term of a sum. Each neuron's step is a fixed sequence of line runs:
 *
 *   forward   total = bias, total += weight·input (once per weight),
 *             value = f(total), and after the net's last neuron the loss;
 *   backward  δ = f′(value)·(value − target) or f′(value)·Σ δ_next w_next,
 *             ∂E/∂b = δ, ∂E/∂w = input·δ (once per weight);
 *   train     b −= ∂E/∂b·η, w −= ∂E/∂w·η (once per weight).
 *
 * The cursor counts the runs done inside its neuron (`Cursor.line`), and the
 * partial total is the snapshot's own `totals` entry, so what the page shows
 * mid-sum is engine state. The same floating-point operations in the same
 * order as passes.ts, so running a neuron line by line gives its step's
 * numbers bit for bit (lines.test.ts holds them).
 */
import { ACTIVATIONS } from './activations.ts';
import { address } from './addresses.ts';
import { Draft } from './draft.ts';
import type { ParameterPlace } from './model.ts';
import { scoreOutputs } from './score.ts';
import { linesRun, nextCursor, type Cursor, type Snapshot, type StepPass } from './snapshot.ts';

/** Every line that computes, by pass. */
export const LINE_IDS = {
	forward: ['bias', 'term', 'value', 'loss'],
	backward: ['output_delta', 'hidden_delta', 'bias_gradient', 'weight_gradient'],
	train: ['bias', 'weight']
} as const;

export type LineId = {
	[P in StepPass]: `${P}.${(typeof LINE_IDS)[P][number]}`;
}[StepPass];

/** One run of a line: the line, and the loop variables it runs with. */
export interface LineRun {
	readonly id: LineId;
	readonly pass: StepPass;
	readonly layer: number;
	readonly neuron: number;
	/** weight_index, for the lines that run once per weight */
	readonly weight?: number;
}

/** The shape the runs of one neuron depend on. */
interface Place {
	readonly pass: StepPass;
	readonly layer: number;
	readonly neuron: number;
	/** The neuron's weights: its layer's inputs */
	readonly inputs: number;
	readonly lastLayer: boolean;
	/** Whether it is the net's last neuron, after which forward scores the outputs */
	readonly lastNeuron: boolean;
}

function placeOf(s: Snapshot, c: Cursor & { pass: StepPass }): Place {
	const layers = s.startNet.layers;
	const last = layers.length - 1;
	return {
		pass: c.pass,
		layer: c.layer,
		neuron: c.neuron,
		inputs: layers[c.layer].neurons[c.neuron].weights.length,
		lastLayer: c.layer === last,
		lastNeuron: c.layer === last && c.neuron === layers[last].neurons.length - 1
	};
}

/** How many lines the neuron's step runs. */
function runCount(p: Place): number {
	if (p.pass === 'forward') return p.inputs + (p.lastNeuron ? 3 : 2);
	return p.inputs + (p.pass === 'backward' ? 2 : 1);
}

/** The neuron's run number `n` (0 is its first line). */
function runAt(p: Place, n: number): LineRun {
	const at = { pass: p.pass, layer: p.layer, neuron: p.neuron };
	const w = p.inputs;
	if (p.pass === 'forward') {
		if (n === 0) return { ...at, id: 'forward.bias' };
		if (n <= w) return { ...at, id: 'forward.term', weight: n - 1 };
		return { ...at, id: n === w + 1 ? 'forward.value' : 'forward.loss' };
	}
	if (p.pass === 'backward') {
		if (n === 0)
			return { ...at, id: p.lastLayer ? 'backward.output_delta' : 'backward.hidden_delta' };
		if (n === 1) return { ...at, id: 'backward.bias_gradient' };
		return { ...at, id: 'backward.weight_gradient', weight: n - 2 };
	}
	return n === 0 ? { ...at, id: 'train.bias' } : { ...at, id: 'train.weight', weight: n - 1 };
}

/**
 * How many of a neuron's runs come before the one that writes `field`
 * (for a weight's cells, weight `i`'s): a cell of the neuron the cursor is
 * inside shows once `Cursor.line` exceeds this. `inputs` is the neuron's
 * weight count. The inverse of runAt, checked against it by a test.
 */
export function runsBefore(field: CellField, i: number, inputs: number): number {
	switch (field) {
		case 'total':
		case 'activation_gradient':
		case 'bias':
			return 0;
		case 'bias_gradient':
			return 1;
		case 'weights':
			return 1 + i;
		case 'weight_gradients':
			return 2 + i;
		case 'value':
			return inputs + 1;
		case 'loss':
			return inputs + 2;
	}
}

/** The pass whose lines write each field of a neuron (a parameter's: its new number). */
const WRITER = {
	total: 'forward',
	value: 'forward',
	activation_gradient: 'backward',
	bias_gradient: 'backward',
	weight_gradients: 'backward',
	bias: 'train',
	weights: 'train'
} as const satisfies Record<string, StepPass>;

export type CellField = keyof typeof WRITER | 'loss';

/**
 * Whether this iteration has written `field` of neuron (l, j) (for a
 * weight's cells, weight `i`'s): its neuron's step is done, or "Next line"
 * has run the line that writes it. A total is written, partly, from its
 * first line on (isPartial says until when).
 */
export function hasWritten(
	s: Snapshot,
	field: keyof typeof WRITER,
	l: number,
	j: number,
	i = 0
): boolean {
	const run = linesRun(s.cursor, WRITER[field], l, j);
	return run > 0 && run > runsBefore(field, i, s.startNet.layers[l].neurons[j].weights.length);
}

/** Whether Train has written the parameter at `p` this iteration (its cell then reads the new number). */
export function isTrainedAt(s: Snapshot, p: ParameterPlace): boolean {
	return p.index === undefined
		? hasWritten(s, 'bias', p.layer, p.neuron)
		: hasWritten(s, 'weights', p.layer, p.neuron, p.index);
}

/** Whether neuron (l, j)'s total is a partial sum: "Next line" has added some of its terms, not all. */
export function isPartial(s: Snapshot, l: number, j: number): boolean {
	const run = linesRun(s.cursor, 'forward', l, j);
	return run !== Infinity && run > 0 && run <= s.startNet.layers[l].neurons[j].weights.length;
}

/** The line "Next line" runs from `s`, or undefined once the iteration is complete. */
export function nextLine(s: Snapshot): LineRun | undefined {
	return lineAt(s, s.cursor);
}

/** The line a step from cursor `c` runs first, in `s`'s net; undefined at 'done'. */
export function lineAt(s: Snapshot, c: Cursor): LineRun | undefined {
	if (c.pass === 'done') return undefined;
	return runAt(placeOf(s, { ...c, pass: c.pass }), c.line ?? 0);
}

/** Every run of the neuron the cursor of `s` is at, in order (the tracer lists them). */
export function neuronRuns(s: Snapshot): LineRun[] {
	const c = s.cursor;
	if (c.pass === 'done') return [];
	const p = placeOf(s, { ...c, pass: c.pass });
	return Array.from({ length: runCount(p) }, (_, n) => runAt(p, n));
}

const inputCell = (l: number, i: number) =>
	l === 0 ? address.input(i) : address.neuron(l - 1, i, 'value');

/** The cells a run reads and the cells it writes, by address, in `s`'s net. */
export function lineCells(s: Snapshot, run: LineRun): { reads: string[]; writes: string[] } {
	const { layer: l, neuron: j, weight: i = 0 } = run;
	const cell = (field: Parameters<typeof address.neuron>[2]) => address.neuron(l, j, field);
	const layers = s.startNet.layers;
	switch (run.id) {
		case 'forward.bias':
			return { reads: [cell('bias')], writes: [cell('total')] };
		case 'forward.term':
			return {
				reads: [cell('total'), address.weight(l, j, i), inputCell(l, i)],
				writes: [cell('total')]
			};
		case 'forward.value':
			return { reads: [cell('total')], writes: [cell('value')] };
		case 'forward.loss': {
			const outputs = layers[l].neurons.map((_, k) => k);
			return {
				reads: outputs.flatMap((k) => [address.neuron(l, k, 'value'), address.target(k)]),
				writes: ['loss', ...outputs.map(address.errorPercent)]
			};
		}
		case 'backward.output_delta':
			return { reads: [cell('value'), address.target(j)], writes: [cell('activation_gradient')] };
		case 'backward.hidden_delta':
			return {
				reads: [
					cell('value'),
					...layers[l + 1].neurons.flatMap((_, k) => [
						address.neuron(l + 1, k, 'activation_gradient'),
						address.weight(l + 1, k, j)
					])
				],
				writes: [cell('activation_gradient')]
			};
		case 'backward.bias_gradient':
			return { reads: [cell('activation_gradient')], writes: [cell('bias_gradient')] };
		case 'backward.weight_gradient':
			return {
				reads: [inputCell(l, i), cell('activation_gradient')],
				writes: [address.weightGradient(l, j, i)]
			};
		case 'train.bias':
			return {
				reads: [cell('bias'), cell('bias_gradient'), 'learning_rate'],
				writes: [cell('bias')]
			};
		case 'train.weight':
			return {
				reads: [address.weight(l, j, i), address.weightGradient(l, j, i), 'learning_rate'],
				writes: [address.weight(l, j, i)]
			};
	}
}

/** Runs `run` into the draft: the same operations, in the same order, as passes.ts's neuron step. */
function execute(d: Draft, run: LineRun): void {
	const s = d.s;
	const { layer: l, neuron: j, weight: i = 0 } = run;
	const layer = s.startNet.layers[l];
	const neuron = layer.neurons[j];
	const inputs = l === 0 ? s.inputs : s.values[l - 1];
	const pin = (field: Parameters<typeof address.neuron>[2], x: number) =>
		d.pin(() => address.neuron(l, j, field), x);
	switch (run.id) {
		case 'forward.bias': {
			const totals = d.row('totals', l);
			totals[j] = neuron.bias;
			// A neuron with no weights would have its sum complete here; none has (shapeProblem).
			return;
		}
		case 'forward.term': {
			const totals = d.row('totals', l);
			totals[j] += neuron.weights[i] * inputs[i];
			if (i === neuron.weights.length - 1) totals[j] = pin('total', totals[j]);
			return;
		}
		case 'forward.value':
			d.row('values', l)[j] = pin('value', ACTIVATIONS[layer.activation].f(s.totals[l][j]));
			return;
		case 'forward.loss':
			scoreOutputs(d);
			return;
		case 'backward.output_delta':
		case 'backward.hidden_delta': {
			const value = s.values[l][j];
			let sum: number;
			if (run.id === 'backward.output_delta') sum = value - s.targets[j];
			else {
				const next = s.startNet.layers[l + 1].neurons;
				const nextGradients = s.activationGradients[l + 1];
				sum = 0;
				for (let k = 0; k < next.length; k++) sum += nextGradients[k] * next[k].weights[j];
			}
			const fPrime = ACTIVATIONS[layer.activation].fPrime;
			d.row('activationGradients', l)[j] = pin('activation_gradient', fPrime(value) * sum);
			return;
		}
		case 'backward.bias_gradient':
			d.row('biasGradients', l)[j] = pin('bias_gradient', s.activationGradients[l][j]);
			return;
		case 'backward.weight_gradient':
			d.weightGradientRow(l, j)[i] = d.pin(
				() => address.weightGradient(l, j, i),
				inputs[i] * s.activationGradients[l][j]
			);
			return;
		case 'train.bias':
			d.trainee(l, j).bias = neuron.bias - s.biasGradients[l][j] * s.learningRate;
			return;
		case 'train.weight':
			d.trainee(l, j).weights[i] = neuron.weights[i] - s.weightGradients[l][j][i] * s.learningRate;
	}
}

/** The snapshot after one line. A complete iteration stays as it is. */
export function stepLine(s: Snapshot): Snapshot {
	const c = s.cursor;
	if (c.pass === 'done') return s;
	const p = placeOf(s, { ...c, pass: c.pass });
	const done = (c.line ?? 0) + 1;
	const d = new Draft(s);
	execute(d, runAt(p, done - 1));
	const sizes = s.startNet.layers.map((layer) => layer.neurons.length);
	d.s.cursor = done < runCount(p) ? { ...c, line: done } : nextCursor(c, sizes);
	return d.s;
}

/** The rest of the neuron the cursor is inside, a line at a time; `s` itself at a neuron's start. */
export function finishNeuron(s: Snapshot): Snapshot {
	let next = s;
	while (next.cursor.line) next = stepLine(next);
	return next;
}
