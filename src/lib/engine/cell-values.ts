/**
 * Reading a snapshot by address: the number each cell shows, or undefined
 * while the current iteration has not computed it.
 */
import { parseAddress, type Address } from './addresses.ts';
import { backwardDone, forwardDone, lossDone, type Snapshot } from './snapshot.ts';

/** The number at `address` now (a trained weight reads its new value), or undefined if not computed yet. */
export function cellValue(s: Snapshot, address: string | Address): number | undefined {
	const a = typeof address === 'string' ? parseAddress(address) : address;
	if (!a) return undefined;
	const c = s.cursor;
	switch (a.kind) {
		case 'inputs':
			return s.inputs[a.index];
		case 'targets':
			return s.targets[a.index];
		case 'learning_rate':
			return s.learningRate;
		case 'iteration':
			// Iterations completed: the current one counts once Train has finished it.
			return s.iteration + (c.pass === 'done' ? 1 : 0);
		case 'loss':
			return lossDone(c) ? s.loss : undefined;
		case 'errors_percent':
			return lossDone(c) ? s.errorsPercent[a.index] : undefined;
		case 'bias':
			return s.net.layers[a.layer]?.neurons[a.neuron]?.bias;
		case 'weights':
			return s.net.layers[a.layer]?.neurons[a.neuron]?.weights[a.index];
		case 'total':
			return forwardDone(c, a.layer, a.neuron) ? s.totals[a.layer][a.neuron] : undefined;
		case 'value':
			return forwardDone(c, a.layer, a.neuron) ? s.values[a.layer][a.neuron] : undefined;
		case 'activation_gradient':
			return backwardDone(c, a.layer, a.neuron)
				? s.activationGradients[a.layer][a.neuron]
				: undefined;
		case 'bias_gradient':
			return backwardDone(c, a.layer, a.neuron) ? s.biasGradients[a.layer][a.neuron] : undefined;
		case 'weight_gradients':
			return backwardDone(c, a.layer, a.neuron)
				? s.weightGradients[a.layer][a.neuron][a.index]
				: undefined;
	}
}

/**
 * The number at `address` as this iteration's passes read it: parameters at
 * their values before Train ("old"), computed cells as computed (or pinned).
 */
export function cellInput(s: Snapshot, address: string | Address): number | undefined {
	const a = typeof address === 'string' ? parseAddress(address) : address;
	if (a?.kind === 'bias') return s.startNet.layers[a.layer]?.neurons[a.neuron]?.bias;
	if (a?.kind === 'weights') return s.startNet.layers[a.layer]?.neurons[a.neuron]?.weights[a.index];
	return a ? cellValue(s, a) : undefined;
}

/** What a pinned cell's formula gives, or undefined if it is not pinned or not reached. */
export function formulaValue(s: Snapshot, address: string): number | undefined {
	return s.formulaValues[address];
}
