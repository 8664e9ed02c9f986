import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../maths/activations.ts';
import { GENERATORS, generatorKey } from '../fast/data.ts';
import { initialiseNet } from '../fast/init.ts';
import { LIMITS, layerSizes } from '../maths/model.ts';
import { checkNotebook } from './notebook-schema.ts';
import { netOf, type Notebook } from './notebook.ts';
import { preset } from './presets.ts';
import {
	insertLayer,
	reinitialise,
	removeLayer,
	reshape,
	setActivation,
	setInputCount,
	setNeuronCount,
	shapeOf,
	type Reshaped
} from './reshape.ts';

function ok(result: Reshaped): Notebook {
	if (!result.ok) throw new Error(result.error);
	return result.notebook;
}

/** The chain preset (fixed sample) made into a net of `sizes`, seeded with `seed`. */
function fixedNotebook(sizes: number[], seed: number): Notebook {
	const net = initialiseNet(sizes, 'tanh', seed);
	return {
		...preset('chain'),
		labels: undefined,
		seed,
		inputs: new Array(sizes[0]).fill(0.5),
		targets: new Array(sizes.at(-1)).fill(0.25),
		layers: net.layers.map((layer) => ({ neurons: layer.neurons }))
	};
}

/** Asserts every bias and weight of `after` is `before`'s where `origins` give it a place, else the seed's. */
function expectKeptOrSeeded(
	before: Notebook,
	after: Notebook,
	origins: readonly (number | undefined)[]
) {
	const sizes = layerSizes(netOf(after));
	const fresh = initialiseNet(
		sizes,
		netOf(after).layers.map((l) => l.activation),
		after.seed ?? 0
	);
	after.layers.forEach((layer, l) => {
		const old = origins[l] === undefined ? undefined : before.layers[origins[l]!];
		layer.neurons.forEach((neuron, j) => {
			const kept = old?.neurons[j];
			expect(neuron.bias).toBe(kept ? kept.bias : fresh.layers[l].neurons[j].bias);
			neuron.weights.forEach((w, i) =>
				expect(w).toBe(
					kept && i < kept.weights.length ? kept.weights[i] : fresh.layers[l].neurons[j].weights[i]
				)
			);
		});
	});
}

describe('adding and removing neurons', () => {
	it('adding a neuron to layer 0 keeps every number and seeds the new neuron and its outgoing weights', () => {
		const article = preset('article');
		const after = ok(setNeuronCount(article, 0, 4));
		expect(layerSizes(netOf(after))).toEqual([2, 4, 3, 2]);
		const fresh = initialiseNet([2, 4, 3, 2], 'tanh', article.seed!);
		expect(after.layers[0].neurons.slice(0, 3)).toEqual(article.layers[0].neurons);
		expect(after.layers[0].neurons[3]).toEqual(fresh.layers[0].neurons[3]);
		after.layers[1].neurons.forEach((n, j) => {
			expect(n.bias).toBe(article.layers[1].neurons[j].bias);
			expect(n.weights.slice(0, 3)).toEqual(article.layers[1].neurons[j].weights);
			expect(n.weights[3]).toBe(fresh.layers[1].neurons[j].weights[3]);
		});
		expect(after.layers[2]).toEqual(article.layers[2]);
		expect(checkNotebook(after).ok).toBe(true);
	});

	it('removing a neuron then adding it back restores a freshly seeded net exactly', () => {
		const article = preset('article');
		const fewer = ok(setNeuronCount(article, 1, 2));
		expect(layerSizes(netOf(fewer))).toEqual([2, 3, 2, 2]);
		expect(ok(setNeuronCount(fewer, 1, 3)).layers).toEqual(article.layers);
	});

	it('refuses a layer of no neurons, and more than the limit, naming it', () => {
		expect(setNeuronCount(preset('article'), 1, 0)).toEqual({
			ok: false,
			error: 'layer 1 needs at least one neuron'
		});
		expect(setNeuronCount(preset('article'), 1, LIMITS.maxNeuronsPerLayer + 1)).toEqual({
			ok: false,
			error: `a layer can have at most ${LIMITS.maxNeuronsPerLayer} neurons`
		});
	});

	it('refuses a net over the weight limit with its count of weights', () => {
		let nb = fixedNotebook([2, 200, 200, 1], 1);
		nb = ok(setNeuronCount(ok(setNeuronCount(nb, 0, 256)), 1, 256));
		expect(insertLayer(nb, 1)).toEqual({
			ok: false,
			error: 'that network would have 131,840 weights; the limit is 100,000'
		});
	});
});

describe('adding and removing layers', () => {
	it('a hidden layer added before the output reads as many values as the output did, so the output keeps its weights', () => {
		const article = preset('article');
		const after = ok(insertLayer(article));
		expect(layerSizes(netOf(after))).toEqual([2, 3, 3, 3, 2]);
		expect(after.layers[0]).toEqual(article.layers[0]);
		expect(after.layers[1]).toEqual(article.layers[1]);
		expect(after.layers[3]).toEqual(article.layers[2]);
		const fresh = initialiseNet([2, 3, 3, 3, 2], 'tanh', article.seed!);
		expect(after.layers[2].neurons).toEqual(fresh.layers[2].neurons);
		expect(checkNotebook(after).ok).toBe(true);
	});

	it('a new layer takes the default activation unless told otherwise', () => {
		const after = ok(insertLayer(preset('article'), 0, 'relu'));
		expect(netOf(after).layers.map((l) => l.activation)).toEqual(['relu', 'tanh', 'tanh', 'tanh']);
		expect(after.layers[0].neurons[0].weights).toHaveLength(2);
		expect(after.layers[1]).toEqual(preset('article').layers[0]);
	});

	it('removing a hidden layer keeps the layers around it, the one after it reshaped by index', () => {
		const article = preset('article');
		const after = ok(removeLayer(article, 0));
		expect(layerSizes(netOf(after))).toEqual([2, 3, 2]);
		expectKeptOrSeeded(article, after, [1, 2]);
		expect(after.layers[1]).toEqual(article.layers[2]);
	});

	it('refuses to remove the output layer, and to pass the layer limit', () => {
		expect(removeLayer(preset('xor'), 1)).toEqual({
			ok: false,
			error: 'the output layer cannot be removed'
		});
		let nb = preset('chain');
		while (nb.layers.length < LIMITS.maxLayers) nb = ok(insertLayer(nb));
		expect(nb.layers).toHaveLength(LIMITS.maxLayers);
		expect(insertLayer(nb)).toEqual({
			ok: false,
			error: `a network can have at most ${LIMITS.maxLayers} layers (${LIMITS.maxLayers - 1} hidden and the output)`
		});
	});

	it('keeps each layer’s own fields and writes an activation only when it is not the default', () => {
		const nb: Notebook = {
			...preset('article'),
			layers: preset('article').layers.map((layer, l) =>
				l === 1 ? { ...layer, activation: 'sigmoid', note: 'mine' } : layer
			)
		};
		const after = ok(insertLayer(nb, 0));
		expect(after.layers[2]).toMatchObject({ activation: 'sigmoid', note: 'mine' });
		expect('activation' in after.layers[0]).toBe(false);
	});
});

describe('inputs and outputs follow the data', () => {
	it('more inputs pad the inputs, labels and every sample row, and layer 0 gains seeded weights', () => {
		const nb: Notebook = {
			...fixedNotebook([2, 2, 1], 5),
			labels: { inputs: ['a', 'b'], outputs: ['y'] },
			samples: [
				{ inputs: [1, 2], targets: [3] },
				{ inputs: [4, 5], targets: [6] }
			]
		};
		const after = ok(setInputCount(nb, 3));
		expect(after.inputs).toEqual([0.5, 0.5, 0]);
		expect(after.labels).toEqual({ inputs: ['a', 'b', ''], outputs: ['y'] });
		expect(after.samples).toEqual([
			{ inputs: [1, 2, 0], targets: [3] },
			{ inputs: [4, 5, 0], targets: [6] }
		]);
		expectKeptOrSeeded(nb, after, [0, 1]);
		expect(checkNotebook(after).ok).toBe(true);
	});

	it('fewer outputs cut the targets and every sample’s targets', () => {
		const nb = { ...fixedNotebook([1, 2, 3], 2), samples: [{ inputs: [1], targets: [1, 2, 3] }] };
		const after = ok(setNeuronCount(nb, 1, 2));
		expect(after.targets).toEqual([0.25, 0.25]);
		expect(after.samples).toEqual([{ inputs: [1], targets: [1, 2] }]);
		expect(checkNotebook(after).ok).toBe(true);
	});

	it('a generator fixes the counts: changing them is refused with the way out', () => {
		expect(setInputCount(preset('article'), 3)).toEqual({
			ok: false,
			error:
				'the rectangle generator gives 2 inputs and 2 targets; to change them, take the samples from a table or fixed inputs instead (Data)'
		});
		expect(setNeuronCount(preset('xor'), 1, 2).ok).toBe(false);
		expect(setNeuronCount(preset('xor'), 0, 5).ok).toBe(true);
	});

	it('drops pins on cells the new shape no longer has, and keeps the others', () => {
		const nb: Notebook = {
			...preset('article'),
			overrides: { 'layers.0.neurons.2.value': 0.5, 'layers.0.neurons.0.total': 1, loss: 2 }
		};
		expect(ok(setNeuronCount(nb, 0, 2)).overrides).toEqual({
			'layers.0.neurons.0.total': 1,
			loss: 2
		});
		const none = { ...nb, overrides: { 'layers.0.neurons.2.value': 0.5 } };
		expect('overrides' in ok(setNeuronCount(none, 0, 2))).toBe(false);
	});
});

describe('activations', () => {
	it('changing one layer’s activation keeps every number', () => {
		const article = preset('article');
		const after = ok(setActivation(article, 1, 'relu'));
		expect(netOf(after).layers.map((l) => l.activation)).toEqual(['tanh', 'relu', 'tanh']);
		expect(netOf(after).layers.map((l) => l.neurons)).toEqual(
			netOf(article).layers.map((l) => l.neurons)
		);
	});
});

describe('re-initialising with a seed', () => {
	it('gives exactly initialiseNet’s numbers for the shape and activations, at iteration 0', () => {
		const nb = ok(setActivation({ ...preset('article'), iteration: 41 }, 2, 'linear'));
		const after = ok(reinitialise(nb, 1234));
		const fresh = initialiseNet([2, 3, 3, 2], ['tanh', 'tanh', 'linear'], 1234);
		expect(netOf(after)).toEqual(fresh);
		expect(after.seed).toBe(1234);
		expect(after.iteration).toBe(0);
	});

	it('starts from the seed’s sample 0 when a generator supplies the samples', () => {
		const after = ok(reinitialise(preset('article'), 99));
		const sample = GENERATORS.rectangle.sample(generatorKey(99), 0);
		expect(after.inputs).toEqual(sample.inputs);
		expect(after.targets).toEqual(sample.targets);
	});

	it('refuses a seed that is not a 32-bit whole number', () => {
		for (const seed of [0.5, 2 ** 32, -(2 ** 31) - 1, Number.NaN])
			expect(reinitialise(preset('article'), seed)).toEqual({
				ok: false,
				error: 'a seed is a whole number from -2147483648 to 4294967295'
			});
	});
});

describe('any sequence of changes', () => {
	const change = fc.oneof(
		fc.record({ op: fc.constant('neurons'), l: fc.nat(5), n: fc.integer({ min: 1, max: 6 }) }),
		fc.record({ op: fc.constant('inputs'), n: fc.integer({ min: 1, max: 6 }) }),
		fc.record({ op: fc.constant('insert'), l: fc.nat(5) }),
		fc.record({ op: fc.constant('remove'), l: fc.nat(5) }),
		fc.record({
			op: fc.constant('activation'),
			l: fc.nat(5),
			a: fc.constantFrom(...ACTIVATION_NAMES)
		})
	);

	it('keeps every number that has a place, seeds the rest, and leaves a notebook the parser accepts', () => {
		fc.assert(
			fc.property(fc.array(change, { maxLength: 8 }), fc.nat(1000), (changes, seed) => {
				let nb = fixedNotebook([2, 3, 1], seed);
				for (const c of changes) {
					const before = nb;
					const L = nb.layers.length;
					const l = 'l' in c ? c.l % L : 0;
					const result =
						c.op === 'neurons'
							? setNeuronCount(nb, l, c.n)
							: c.op === 'inputs'
								? setInputCount(nb, c.n)
								: c.op === 'insert'
									? insertLayer(nb, l)
									: c.op === 'remove'
										? removeLayer(nb, l)
										: setActivation(nb, l, c.a);
					if (!result.ok) {
						expect(c.op === 'remove' && l === L - 1).toBe(true);
						continue;
					}
					nb = result.notebook;
					const origins = shapeOf(before).origins.slice();
					if (c.op === 'insert') origins.splice(l, 0, undefined);
					if (c.op === 'remove') origins.splice(l, 1);
					expectKeptOrSeeded(before, nb, origins);
					const parsed = checkNotebook(JSON.parse(JSON.stringify(nb)));
					expect(parsed.ok ? '' : parsed.error).toBe('');
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('with its own shape, reshape changes nothing', () => {
		const nb = preset('article');
		expect(ok(reshape(nb, shapeOf(nb)))).toEqual(nb);
	});
});
