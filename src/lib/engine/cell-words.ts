/** A cell's address in words, for the formula bar, screen readers and exports. */
import { parseAddress } from './addresses.ts';

export interface Labels {
	readonly inputs?: readonly string[];
	readonly outputs?: readonly string[];
}

const NAMES = {
	bias: 'bias',
	total: 'total',
	value: 'value',
	activation_gradient: 'activation gradient',
	bias_gradient: 'bias gradient',
	weights: 'weight',
	weight_gradients: 'weight gradient'
} as const;

const named = (kind: string, index: number, label: string | undefined) =>
	label ? `${kind} ${index} (${label})` : `${kind} ${index}`;

/** E.g. "Layer 2, neuron 1: weight 0" or "Input 0 (width)". */
export function describeAddress(text: string, labels: Labels = {}): string {
	const a = parseAddress(text);
	if (!a) return text;
	switch (a.kind) {
		case 'inputs':
			return named('Input', a.index, labels.inputs?.[a.index]);
		case 'targets':
			return named('Target', a.index, labels.outputs?.[a.index]);
		case 'errors_percent':
			return named('Error % of output', a.index, labels.outputs?.[a.index]);
		case 'learning_rate':
			return 'Learning rate';
		case 'loss':
			return 'Loss';
		case 'iteration':
			return 'Iteration';
		case 'weights':
		case 'weight_gradients':
			return `Layer ${a.layer}, neuron ${a.neuron}: ${NAMES[a.kind]} ${a.index}`;
		default:
			return `Layer ${a.layer}, neuron ${a.neuron}: ${NAMES[a.kind]}`;
	}
}
