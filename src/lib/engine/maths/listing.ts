/**
 * The three passes as the tracer lists them: short pseudocode in Gradsheet's
 * own words with the article's names. Each line that computes carries the
 * LineId whose runs lines.ts executes; the others are the loops and branches
 * around them. A value or δ line is written with the activation of the layer
 * being traced (activations.ts `code`), so a layer of another activation
 * shows its own f and f′.
 */
import { ACTIVATIONS, fill, type ActivationName } from './activations.ts';
import type { LineId, LineRun } from './lines.ts';
import type { StepPass } from './snapshot.ts';

export interface ListingLine {
	/** Indentation, in levels */
	readonly depth: number;
	/** The line's text, for a layer of `activation` */
	readonly code: (activation: ActivationName) => string;
	/** The line that computes, when this one does */
	readonly id?: LineId;
}

const text = (code: string) => () => code;
const f = (arg: string) => (activation: ActivationName) =>
	fill(ACTIVATIONS[activation].code.f, arg);
const fPrime = (arg: string) => (activation: ActivationName) =>
	fill(ACTIVATIONS[activation].code.fPrime, arg);

const NEURONS = text('for neuron_index, neuron in enumerate(layer.neurons):');
const WEIGHTS = text('for weight_index in range(len(neuron.weights)):');
/** What a layer's weights multiply: the sample's inputs, or the layer before's values. */
const INPUTS = text('inputs = sample.inputs if layer_index == 0 else values of layer_index − 1');

export const LISTING: Readonly<Record<StepPass, readonly ListingLine[]>> = {
	forward: [
		{ depth: 0, code: text('for layer_index, layer in enumerate(net.layers):') },
		{ depth: 1, code: INPUTS },
		{ depth: 1, code: NEURONS },
		{ depth: 2, code: text('neuron.total = neuron.bias'), id: 'forward.bias' },
		{ depth: 2, code: WEIGHTS },
		{
			depth: 3,
			code: text('neuron.total += neuron.weights[weight_index] * inputs[weight_index]'),
			id: 'forward.term'
		},
		{
			depth: 2,
			code: (a) => `neuron.value = ${f('neuron.total')(a)}`,
			id: 'forward.value'
		},
		{
			depth: 0,
			code: text('loss = ½ * Σ (output.value − target)²  over the last layer'),
			id: 'forward.loss'
		}
	],
	backward: [
		{ depth: 0, code: text('for layer_index, layer in reversed(enumerate(net.layers)):') },
		{ depth: 1, code: INPUTS },
		{ depth: 1, code: NEURONS },
		{ depth: 2, code: text('if layer is the last:') },
		{
			depth: 3,
			code: (a) =>
				`neuron.activation_gradient = ${fPrime('neuron.value')(a)} * (neuron.value − targets[neuron_index])`,
			id: 'backward.output_delta'
		},
		{ depth: 2, code: text('else:') },
		{
			depth: 3,
			code: (a) =>
				`neuron.activation_gradient = ${fPrime('neuron.value')(a)} * Σ next.activation_gradient * next.weights[neuron_index]  over the next layer`,
			id: 'backward.hidden_delta'
		},
		{
			depth: 2,
			code: text('neuron.bias_gradient = neuron.activation_gradient'),
			id: 'backward.bias_gradient'
		},
		{ depth: 2, code: WEIGHTS },
		{
			depth: 3,
			code: text(
				'neuron.weight_gradients[weight_index] = inputs[weight_index] * neuron.activation_gradient'
			),
			id: 'backward.weight_gradient'
		}
	],
	train: [
		{ depth: 0, code: text('for layer_index, layer in enumerate(net.layers):') },
		{ depth: 1, code: NEURONS },
		{
			depth: 2,
			code: text('neuron.bias −= neuron.bias_gradient * learning_rate'),
			id: 'train.bias'
		},
		{ depth: 2, code: WEIGHTS },
		{
			depth: 3,
			code: text(
				'neuron.weights[weight_index] −= neuron.weight_gradients[weight_index] * learning_rate'
			),
			id: 'train.weight'
		}
	]
};

/** The loop variables of a run, as a debugger's watch names them. */
export function loopVariables(run: LineRun): Readonly<Record<string, number>> {
	const loops: Record<string, number> = { layer_index: run.layer };
	if (run.id === 'forward.loss') return loops;
	loops.neuron_index = run.neuron;
	if (run.weight !== undefined) loops.weight_index = run.weight;
	return loops;
}

/** Where in its pass's listing the line `id` is. */
export function listingIndex(id: LineId): number {
	const pass = id.slice(0, id.indexOf('.')) as StepPass;
	return LISTING[pass].findIndex((line) => line.id === id);
}
