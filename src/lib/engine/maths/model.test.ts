import { describe, expect, it } from 'vitest';
import { handNet } from '../__fixtures__/nets.ts';
import { parameterAddresses } from './addresses.ts';
import { initialiseNet } from '../fast/init.ts';
import { layerSizes, parameterPlaces, parameterValues, withParameterValues } from './model.ts';

describe('the one order of the parameters', () => {
	it('is layer by layer, neuron by neuron, each bias before its weights', () => {
		expect(parameterAddresses([2, 2, 1])).toEqual([
			'layers.0.neurons.0.bias',
			'layers.0.neurons.0.weights.0',
			'layers.0.neurons.0.weights.1',
			'layers.0.neurons.1.bias',
			'layers.0.neurons.1.weights.0',
			'layers.0.neurons.1.weights.1',
			'layers.1.neurons.0.bias',
			'layers.1.neurons.0.weights.0',
			'layers.1.neurons.0.weights.1'
		]);
		expect(parameterValues(handNet)).toEqual(
			handNet.layers.flatMap((l) => l.neurons.flatMap((n) => [n.bias, ...n.weights]))
		);
	});

	it('reads back into a net of the same shape and activations, sharing no arrays', () => {
		const net = initialiseNet([3, 4, 2, 2], ['relu', 'tanh', 'linear'], 9);
		const values = parameterValues(net);
		expect(values).toHaveLength(parameterPlaces(layerSizes(net)).length);
		expect(withParameterValues(net, Float64Array.from(values))).toEqual(net);
		expect(withParameterValues(net, values).layers[0].neurons[0].weights).not.toBe(
			net.layers[0].neurons[0].weights
		);
	});
});
