import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleNotebook } from '../__fixtures__/nets.ts';
import { ACTIVATION_NAMES } from '../maths/activations.ts';
import { LIMITS } from '../maths/model.ts';
import type { Notebook } from './notebook.ts';
import {
	MAX_JSON_DEPTH,
	MAX_JSON_VALUES,
	MAX_NOTEBOOK_BYTES,
	notebookFromJson,
	parseNotebook,
	serialiseNotebook
} from './notebook-file.ts';

/** A notebook whose numbers are `numbers`, in order: inputs, targets, then each bias and its weights. */
function notebookOf(numbers: readonly number[]): Notebook {
	const base = articleNotebook();
	let n = 0;
	const next = () => numbers[n++ % numbers.length];
	return {
		...base,
		learningRate: next(),
		inputs: [next(), next()],
		targets: [next(), next()],
		layers: base.layers.map((layer) => ({
			neurons: layer.neurons.map((neuron) => ({ bias: next(), weights: neuron.weights.map(next) }))
		}))
	};
}

/** Every number in a value, in document order, as the 64 bits of its double. */
function bitsOf(value: unknown): string[] {
	const bits: string[] = [];
	const view = new DataView(new ArrayBuffer(8));
	const visit = (v: unknown) => {
		if (typeof v === 'number') {
			view.setFloat64(0, v);
			bits.push(view.getBigUint64(0).toString(16).padStart(16, '0'));
		} else if (v && typeof v === 'object') Object.values(v).forEach(visit);
	};
	visit(value);
	return bits;
}

// Tests edit a plain JSON copy freely, as a hand-edited file would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function roundTrip(notebook: Notebook): Notebook {
	const result = parseNotebook(serialiseNotebook(notebook));
	if (!result.ok) throw new Error(result.error);
	return result.notebook;
}

/** The article notebook's JSON text after `edit` has changed a plain copy of it. */
function textWith(edit: (raw: Json) => void): string {
	const raw = JSON.parse(serialiseNotebook(articleNotebook()));
	edit(raw);
	return JSON.stringify(raw);
}

/** The message `text` is refused with. */
function refusal(text: string): string {
	const result = parseNotebook(text);
	return result.ok ? 'accepted' : result.error;
}

describe('serialising a notebook', () => {
	it('writes the required fields in the documented order, two-space indented, lists of numbers on one line', () => {
		const notebook: Notebook = {
			layers: [{ neurons: [{ weights: [0.2, -0.3], bias: 0.1 }] }],
			targets: [0.125],
			inputs: [0.5, 0.25],
			learningRate: 0.001,
			activation: 'tanh',
			version: 1,
			format: 'gradsheet-notebook'
		};
		expect(serialiseNotebook(notebook)).toBe(
			[
				'{',
				'  "format": "gradsheet-notebook",',
				'  "version": 1,',
				'  "activation": "tanh",',
				'  "learningRate": 0.001,',
				'  "inputs": [0.5, 0.25],',
				'  "targets": [0.125],',
				'  "layers": [',
				'    {',
				'      "neurons": [',
				'        {',
				'          "bias": 0.1,',
				'          "weights": [0.2, -0.3]',
				'        }',
				'      ]',
				'    }',
				'  ]',
				'}',
				''
			].join('\n')
		);
	});

	it('writes optional fields after the required ones, in a fixed order, and unknown fields last', () => {
		const notebook: Notebook = {
			zebra: true,
			iteration: 3,
			overrides: { loss: 1 },
			seed: 5,
			dataset: 'rectangle',
			samples: [{ targets: [1, 2], inputs: [3, 4] }],
			labels: { outputs: ['area', 'circumference'], inputs: ['width', 'height'] },
			...articleNotebook(),
			apple: { b: 1, a: 2 }
		};
		const written = JSON.parse(serialiseNotebook(notebook));
		expect(Object.keys(written)).toEqual([
			'format',
			'version',
			'activation',
			'learningRate',
			'inputs',
			'targets',
			'layers',
			'labels',
			'samples',
			'dataset',
			'seed',
			'overrides',
			'iteration',
			'zebra',
			'apple'
		]);
		expect(Object.keys(written.labels)).toEqual(['inputs', 'outputs']);
		expect(Object.keys(written.samples[0])).toEqual(['inputs', 'targets']);
		expect(Object.keys(written.apple)).toEqual(['b', 'a']);
	});

	it('writes -0 as -0, where JSON.stringify would write 0', () => {
		const text = serialiseNotebook({ ...articleNotebook(), learningRate: -0 });
		expect(text).toContain('"learningRate": -0,');
		expect(JSON.stringify(-0)).toBe('0');
	});

	it('writes no whitespace at all when compact', () => {
		const text = serialiseNotebook(articleNotebook(), { compact: true });
		expect(text.startsWith('{"format":"gradsheet-notebook","version":1,"activation":"tanh"')).toBe(
			true
		);
		expect(/\s/.test(text)).toBe(false);
	});
});

describe('the round trip through the notebook file', () => {
	it('never writes what its parser refuses: ±∞ and NaN throw instead of becoming null', () => {
		for (const x of [Infinity, -Infinity, NaN]) {
			const notebook = notebookOf([0.5, x]);
			expect(() => serialiseNotebook(notebook)).toThrow(
				`a notebook file holds finite numbers only, not ${x}`
			);
			expect(() => serialiseNotebook({ ...articleNotebook(), view: { zoom: x } })).toThrow(
				RangeError
			);
		}
	});

	it('gives back every number bit for bit, including -0, 5e-324, 0.1 + 0.2 and the largest double', () => {
		const notebook = notebookOf([
			0.1 + 0.2,
			5e-324,
			-0,
			1.7976931348623157e308,
			-1.7976931348623157e308,
			2.2250738585072014e-308,
			0,
			1 / 3,
			-123456789.98765433,
			Number.MAX_SAFE_INTEGER,
			1e21,
			1e-7
		]);
		const back = roundTrip(notebook);
		expect(back).toEqual(notebook);
		expect(bitsOf(back)).toEqual(bitsOf(notebook));
		expect(Object.is(back.inputs[1], -0)).toBe(true);
		expect(back.learningRate).toBe(0.30000000000000004);
	});

	it('gives back random doubles bit for bit', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
					minLength: 1,
					maxLength: 30
				}),
				(numbers) => {
					const notebook = notebookOf(numbers);
					expect(bitsOf(roundTrip(notebook))).toEqual(bitsOf(notebook));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('gives back any label text exactly, lone surrogates and quotes included', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
				const notebook: Notebook = {
					...articleNotebook(),
					labels: { inputs: [a, b], outputs: [b, '"<b>x</b>"'] }
				};
				expect(roundTrip(notebook).labels).toEqual(notebook.labels);
			}),
			{ numRuns: 200 }
		);
	});

	it('keeps every optional field', () => {
		const notebook: Notebook = {
			...articleNotebook(),
			labels: { inputs: ['width', 'height'], outputs: ['area', 'circumference × 0.25'] },
			samples: [
				{ inputs: [0.2, 0.3], targets: [0.06, 0.25] },
				{ inputs: [0.5, 0.5], targets: [0.25, 0.5] }
			],
			dataset: 'rectangle',
			seed: -2147483648,
			overrides: { loss: 0.5, 'layers.2.neurons.1.weight_gradients.2': -0, 'errors_percent.1': 3 },
			iteration: 1e15
		};
		const back = roundTrip(notebook);
		expect(back).toEqual(notebook);
		expect(bitsOf(back)).toEqual(bitsOf(notebook));
	});

	it('keeps unknown fields at the top level and inside layers, neurons, samples and labels', () => {
		const base = articleNotebook();
		// The engine's types leave out unknown fields below the top level; the file keeps them.
		const notebook: Json = {
			...base,
			layers: base.layers.map((layer, l) => ({
				...layer,
				note: `layer ${l}`,
				neurons: layer.neurons.map((n) => ({ ...n, frozen: l === 1 }))
			})),
			samples: [{ inputs: [1, 2], targets: [3, 4], source: 'typed by hand' }],
			labels: { inputs: ['w', 'h'], colour: 'red' },
			view: { zoom: 1.5, open: ['forward', 'backward'], nothing: null, nested: [[[-0]]] },
			'42': 'a numeric key'
		};
		const back: Json = roundTrip(notebook);
		expect(back).toEqual(notebook);
		expect(bitsOf(back)).toEqual(bitsOf(notebook));
		expect(back.view).toEqual({
			zoom: 1.5,
			open: ['forward', 'backward'],
			nothing: null,
			nested: [[[-0]]]
		});
		expect(back.layers[1].note).toBe('layer 1');
		expect(back.layers[1].neurons[2].frozen).toBe(true);
	});

	it('writes the same text again from what it read', () => {
		const text = serialiseNotebook({ ...articleNotebook(), extra: { a: [1, { b: 2 }] } });
		expect(serialiseNotebook(roundTrip(JSON.parse(text)))).toBe(text);
	});
});

describe('refusing a notebook that is not JSON or not a notebook', () => {
	it('refuses text that is not JSON, quoting the parser', () => {
		expect(refusal('{"format": ')).toMatch(/^the notebook is not valid JSON: ./);
		expect(refusal('')).toMatch(/^the notebook is not valid JSON: ./);
	});

	it('refuses JSON that is not an object', () => {
		expect(refusal('[1, 2]')).toBe('the notebook must be a JSON object');
		expect(refusal('null')).toBe('the notebook must be a JSON object');
	});

	it('refuses a file of another format', () => {
		expect(refusal('{"name": "my notes"}')).toBe(
			'this is not a Gradsheet notebook: "format" must be "gradsheet-notebook"'
		);
	});

	it('refuses a newer version by saying so, before looking at its fields', () => {
		expect(refusal('{"format": "gradsheet-notebook", "version": 2, "brains": []}')).toBe(
			'this notebook was written by a newer Gradsheet (version 2); this one reads version 1'
		);
	});

	it('refuses a missing or malformed version', () => {
		expect(refusal(textWith((raw) => delete raw.version))).toBe('version is missing');
		expect(refusal(textWith((raw) => (raw.version = '1')))).toBe('version must be 1');
		expect(refusal(textWith((raw) => (raw.version = 0.5)))).toBe('version must be 1');
	});
});

describe('refusing a malformed field, named by its path', () => {
	it('names a missing required field', () => {
		expect(refusal(textWith((raw) => delete raw.learningRate))).toBe('learningRate is missing');
		expect(refusal(textWith((raw) => delete raw.layers[1].neurons[2].bias))).toBe(
			'layers.1.neurons.2.bias is missing'
		);
	});

	it('names a field of the wrong type', () => {
		expect(refusal(textWith((raw) => (raw.layers[1].neurons[2].bias = '0.1')))).toBe(
			'layers.1.neurons.2.bias must be a number'
		);
		expect(refusal(textWith((raw) => (raw.layers[1].neurons[2].weights[1] = null)))).toBe(
			'layers.1.neurons.2.weights.1 must be a number'
		);
		expect(refusal(textWith((raw) => (raw.layers[0].neurons[0].weights = 1)))).toBe(
			'layers.0.neurons.0.weights must be a list of numbers'
		);
		expect(refusal(textWith((raw) => (raw.layers[2] = [])))).toBe('layers.2 must be an object');
		expect(refusal(textWith((raw) => (raw.layers = {})))).toBe('layers must be a list of layers');
		expect(refusal(textWith((raw) => (raw.inputs = '0.5, 0.25')))).toBe(
			'inputs must be a list of numbers'
		);
		expect(refusal(textWith((raw) => (raw.labels = { inputs: ['w', 2] })))).toBe(
			'labels.inputs.1 must be text'
		);
		expect(refusal(textWith((raw) => (raw.overrides = [1])))).toBe('overrides must be an object');
	});

	it('names a list of weights of the wrong length and says how many it needs', () => {
		expect(refusal(textWith((raw) => raw.layers[1].neurons[2].weights.pop()))).toBe(
			'layers.1.neurons.2.weights has 2 weights; it needs 3, one per neuron of layer 0'
		);
		expect(refusal(textWith((raw) => raw.layers[0].neurons[1].weights.push(0)))).toBe(
			'layers.0.neurons.1.weights has 3 weights; it needs 2, one per input'
		);
		expect(refusal(textWith((raw) => (raw.layers[1].neurons = [])))).toBe('layer 1 has no neurons');
		expect(refusal(textWith((raw) => (raw.layers = [])))).toBe('the network has no layers');
	});

	it('refuses numbers too large to be finite, which JSON.parse reads as Infinity', () => {
		const text = textWith((raw) => (raw.layers[1].neurons[2].weights[0] = 'BIG')).replace(
			'"BIG"',
			'1e999'
		);
		expect(refusal(text)).toBe('layers.1.neurons.2.weights.0 is not a finite number');
		expect(refusal(textWith((raw) => (raw.learningRate = 'X')).replace('"X"', '-1e400'))).toBe(
			'learningRate is not a finite number'
		);
		expect(refusal(textWith((raw) => (raw.extra = { big: 'X' })).replace('"X"', '1e999'))).toBe(
			'extra.big is not a finite number'
		);
	});

	it('refuses an unknown activation and lists the known ones', () => {
		// The activations table's names, in its order: "tanh, sigmoid, relu, … and linear".
		const known = (conjunction: string) =>
			`${ACTIVATION_NAMES.slice(0, -1).join(', ')} ${conjunction} ${ACTIVATION_NAMES.at(-1)}`;
		expect(known('and')).toMatch(/^tanh, sigmoid, relu, .* and linear$/);
		expect(refusal(textWith((raw) => (raw.activation = 'softmax')))).toBe(
			`activation is "softmax", which is not a known activation; the known ones are ${known('and')}`
		);
		expect(refusal(textWith((raw) => (raw.layers[1].activation = 'Tanh')))).toBe(
			`layers.1.activation is "Tanh", which is not a known activation; the known ones are ${known('and')}`
		);
		expect(refusal(textWith((raw) => (raw.activation = 1)))).toBe(
			`activation must be one of ${known('or')}`
		);
	});

	it('refuses inputs, targets and labels whose lengths do not fit the network', () => {
		expect(refusal(textWith((raw) => raw.inputs.push(1)))).toBe(
			'inputs has 3 numbers; the network reads 2 inputs'
		);
		expect(refusal(textWith((raw) => raw.targets.pop()))).toBe(
			'targets has 1 number; the network has 2 outputs'
		);
		expect(refusal(textWith((raw) => (raw.labels = { inputs: ['w'] })))).toBe(
			'labels.inputs has 1 label; the network reads 2 inputs'
		);
		expect(refusal(textWith((raw) => (raw.labels = { outputs: ['a', 'b', 'c'] })))).toBe(
			'labels.outputs has 3 labels; the network has 2 outputs'
		);
	});

	it('refuses a sample row of the wrong length and says which row', () => {
		const rows = [
			{ inputs: [0.2, 0.3], targets: [0.06, 0.25] },
			{ inputs: [0.5, 0.5], targets: [0.25, 0.5] },
			{ inputs: [0.4, 0.1], targets: [0.04] }
		];
		expect(refusal(textWith((raw) => (raw.samples = rows)))).toBe(
			'samples.2.targets has 1 number; the network has 2 outputs'
		);
		rows[1] = { inputs: [0.5], targets: [0.25, 0.5] };
		expect(refusal(textWith((raw) => (raw.samples = rows)))).toBe(
			'samples.1.inputs has 1 number; the network reads 2 inputs'
		);
		expect(refusal(textWith((raw) => (raw.samples = [{ inputs: [1, 2] }])))).toBe(
			'samples.0.targets is missing'
		);
	});

	it('refuses a data set that does not fit the network, or one it does not know', () => {
		expect(refusal(textWith((raw) => (raw.dataset = 'xor')))).toBe(
			'dataset "xor" gives 2 inputs and 1 target; the network reads 2 inputs and has 2 outputs'
		);
		expect(refusal(textWith((raw) => (raw.dataset = 'circle')))).toBe(
			'dataset is "circle", which is not a known data set; the known ones are rectangle and xor'
		);
		expect(refusal(textWith((raw) => (raw.dataset = 'rectangle')))).toBe('accepted');
	});

	it('accepts overrides of computed cells that exist in this network', () => {
		const overrides = {
			loss: 0.5,
			'errors_percent.1': 12,
			'layers.0.neurons.2.total': 1,
			'layers.1.neurons.0.value': -0.5,
			'layers.2.neurons.1.activation_gradient': 0.01,
			'layers.2.neurons.0.bias_gradient': 0.02,
			'layers.2.neurons.1.weight_gradients.2': 0.03,
			'layers.0.neurons.0.weight_gradients.1': 0.04
		};
		const result = parseNotebook(textWith((raw) => (raw.overrides = overrides)));
		expect(result.ok && result.notebook.overrides).toEqual(overrides);
	});

	it('refuses overrides of cells that are not computed or not in this network', () => {
		const cases = {
			'layers.0.neurons.0.bias': 'layers.0.neurons.0.bias',
			'inputs.0': 'inputs.0',
			'layers.3.neurons.0.value': 'layers.3.neurons.0.value',
			'layers.1.neurons.3.value': 'layers.1.neurons.3.value',
			'layers.0.neurons.0.weight_gradients.2': 'layers.0.neurons.0.weight_gradients.2',
			'layers.01.neurons.0.value': 'layers.01.neurons.0.value',
			'errors_percent.2': 'errors_percent.2',
			'loss ': 'loss ',
			iteration: 'iteration'
		};
		for (const [key, shown] of Object.entries(cases)) {
			expect(refusal(textWith((raw) => (raw.overrides = { loss: 1, [key]: 0 })))).toBe(
				`overrides has "${shown}", which is not the address of a computed cell of this network`
			);
		}
		expect(refusal(textWith((raw) => (raw.overrides = { loss: '1' })))).toBe(
			'overrides.loss must be a number'
		);
	});

	it('accepts any finite learning rate, even a negative one', () => {
		for (const rate of [-5, 0, 1e300, 5e-324]) {
			const result = parseNotebook(textWith((raw) => (raw.learningRate = rate)));
			expect(result.ok && result.notebook.learningRate).toBe(rate);
		}
	});

	it('accepts iterations and seeds at the ends of their ranges and refuses beyond them', () => {
		for (const iteration of [0, 1e15])
			expect(refusal(textWith((raw) => (raw.iteration = iteration)))).toBe('accepted');
		for (const iteration of [-1, 1.5, 1e15 + 1, Number.MAX_SAFE_INTEGER, 2 ** 53])
			expect(refusal(textWith((raw) => (raw.iteration = iteration)))).toBe(
				'iteration must be a whole number from 0 to 1000000000000000'
			);
		for (const seed of [-(2 ** 31), 2 ** 32 - 1])
			expect(refusal(textWith((raw) => (raw.seed = seed)))).toBe('accepted');
		for (const seed of [-(2 ** 31) - 1, 2 ** 32, 0.5])
			expect(refusal(textWith((raw) => (raw.seed = seed)))).toBe(
				'seed must be a whole number from -2147483648 to 4294967295'
			);
	});
});

/** JSON text of a notebook with these layer sizes, every weight 0, optionally with `samples` rows. */
function sizedText(sizes: number[], samples = 0): string {
	const layers = sizes.slice(1).map((n, l) => ({
		neurons: Array.from({ length: n }, () => ({ bias: 0, weights: Array(sizes[l]).fill(0) }))
	}));
	const row = { inputs: Array(sizes[0]).fill(0), targets: Array(sizes.at(-1)).fill(0) };
	return JSON.stringify({
		format: 'gradsheet-notebook',
		version: 1,
		activation: 'tanh',
		learningRate: 0.1,
		inputs: row.inputs,
		targets: row.targets,
		layers,
		...(samples ? { samples: Array(samples).fill(row) } : {})
	});
}

describe('refusing a notebook over the size limits, with the limit named', () => {
	it('accepts a network at the limits', () => {
		expect(LIMITS).toEqual({
			maxLayers: 16,
			maxNeuronsPerLayer: 256,
			maxInputs: 256,
			maxWeights: 100_000,
			maxSamples: 100_000,
			maxIteration: 1e15
		});
		expect(refusal(sizedText([256, 256, 134, 1]))).toBe('accepted');
		expect(refusal(sizedText([1, ...Array(16).fill(1)]))).toBe('accepted');
	});

	it('refuses too many layers, neurons, inputs or weights', () => {
		expect(refusal(sizedText([1, ...Array(17).fill(1)]))).toBe(
			'the network has 17 layers; the limit is 16'
		);
		expect(refusal(sizedText([2, 3, 300, 2]))).toBe('layer 1 has 300 neurons; the limit is 256');
		expect(refusal(sizedText([300, 2, 1]))).toBe(
			'layers.0.neurons.0.weights has 300 weights, one per input; the limit is 256 inputs'
		);
		expect(refusal(sizedText([200, 256, 256, 1]))).toBe(
			'the network has 116992 weights; the limit is 100000'
		);
	});

	it('refuses too many samples', () => {
		expect(refusal(sizedText([1, 1], 100_000))).toBe('accepted');
		expect(refusal(sizedText([1, 1], 100_001))).toBe(
			'samples has 100001 rows; the limit is 100000'
		);
	});

	it('refuses an oversized network before it looks at a single number', () => {
		const layers = Array(17).fill({ neurons: 'not checked' });
		expect(refusal(textWith((raw) => (raw.layers = layers)))).toBe(
			'the network has 17 layers; the limit is 16'
		);
	});

	it('refuses text longer than the limit before parsing it', () => {
		expect(MAX_NOTEBOOK_BYTES).toBe(20_000_000);
		expect(refusal('x'.repeat(MAX_NOTEBOOK_BYTES + 1))).toBe(
			'the notebook is 20,000,001 bytes long; the limit is 20,000,000'
		);
	});
});

describe('refusing deeply nested JSON without overflowing the stack', () => {
	it('refuses 100,000 levels of nesting in text', () => {
		const text = '['.repeat(100_000) + ']'.repeat(100_000);
		expect(refusal(text)).toBe('the notebook is nested more than 64 levels deep');
		const inField = textWith((raw) => (raw.extra = 'X')).replace(
			'"X"',
			'{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)
		);
		expect(refusal(inField)).toBe('the notebook is nested more than 64 levels deep');
	});

	it('refuses 100,000 levels of nesting in an already-parsed value', () => {
		let deep: unknown = 1;
		for (let i = 0; i < 100_000; i++) deep = [deep];
		const result = notebookFromJson({ ...JSON.parse(sizedText([1, 1])), extra: deep });
		expect(result).toEqual({ ok: false, error: 'the notebook is nested more than 64 levels deep' });
	});

	it('keeps an unknown field nested up to the limit, and counts no brackets inside strings', () => {
		expect(MAX_JSON_DEPTH).toBe(64);
		const nested = '['.repeat(MAX_JSON_DEPTH - 1) + ']'.repeat(MAX_JSON_DEPTH - 1);
		const text = textWith((raw) => (raw.extra = 'X')).replace('"X"', nested);
		expect(refusal(text)).toBe('accepted');
		expect(refusal(text.replace(nested, `[${nested}]`))).toBe(
			'the notebook is nested more than 64 levels deep'
		);
		const label = '"[{\\"[{'.repeat(100) + '"';
		expect(refusal(textWith((raw) => (raw.labels = { outputs: [label, '}]'] })))).toBe('accepted');
	});
});

describe('keeping prototypes out of reach', () => {
	/** Copies own fields as data: Object.assign would call the `__proto__` setter instead. */
	const adopt = (target: object, source: object) => {
		for (const key of Object.keys(source))
			Object.defineProperty(target, key, {
				value: (source as Record<string, unknown>)[key],
				enumerable: true,
				writable: true,
				configurable: true
			});
	};
	const placements: [string, (raw: Json, hostile: Json) => void][] = [
		['the notebook', (raw, hostile) => adopt(raw, hostile)],
		['layers.0.neurons.1', (raw, hostile) => adopt(raw.layers[0].neurons[1], hostile)],
		['overrides', (raw, hostile) => (raw.overrides = hostile)],
		['extra.deep', (raw, hostile) => (raw.extra = { deep: hostile })]
	];

	for (const key of ['__proto__', 'constructor', 'prototype']) {
		it(`refuses a field named "${key}" wherever it appears, and nothing is polluted`, () => {
			for (const [where, place] of placements) {
				// JSON.parse makes "__proto__" an own field, as a hostile file would.
				const hostile = JSON.parse(
					`{"${key}": {"polluted": true, "prototype": {"polluted": true}}}`
				);
				const text = textWith((raw) => place(raw, hostile));
				expect(text).toContain(`"${key}":`);
				expect(refusal(text)).toBe(`${where} has a field named "${key}", which is not allowed`);
				expect(notebookFromJson(JSON.parse(text))).toEqual({
					ok: false,
					error: `${where} has a field named "${key}", which is not allowed`
				});
			}
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
			expect(Object.prototype).not.toHaveProperty('polluted');
		});
	}

	it('builds every object of a notebook as a plain object with its fields as its own', () => {
		const result = parseNotebook(
			textWith((raw) => (raw.extra = { toString: 'kept as data', valueOf: [1] }))
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { notebook } = result;
		expect(Object.getPrototypeOf(notebook)).toBe(Object.prototype);
		expect(Object.getPrototypeOf(notebook.layers[0].neurons[0])).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(notebook.extra, 'toString')?.value).toBe('kept as data');
	});
});

describe('reading an already-parsed value', () => {
	it('accepts a notebook object and shares no objects with it', () => {
		const input = JSON.parse(serialiseNotebook(articleNotebook()));
		const result = notebookFromJson(input);
		expect(result).toEqual({ ok: true, notebook: articleNotebook() });
		input.layers[0].neurons[0].weights[0] = 99;
		expect(result.ok && result.notebook.layers[0].neurons[0].weights[0]).not.toBe(99);
	});

	it('refuses NaN, Infinity and values JSON cannot hold, by path', () => {
		const base = JSON.parse(serialiseNotebook(articleNotebook()));
		expect(notebookFromJson({ ...base, learningRate: NaN })).toEqual({
			ok: false,
			error: 'learningRate is not a finite number'
		});
		expect(notebookFromJson({ ...base, inputs: [0, -Infinity] })).toEqual({
			ok: false,
			error: 'inputs.1 is not a finite number'
		});
		expect(notebookFromJson({ ...base, when: new Date(0) })).toEqual({
			ok: false,
			error: 'when is not a JSON value'
		});
		expect(notebookFromJson({ ...base, run: () => 1 })).toEqual({
			ok: false,
			error: 'run is not a JSON value'
		});
		expect(notebookFromJson({ ...base, big: 1n })).toEqual({
			ok: false,
			error: 'big is not a JSON value'
		});
	});

	it('drops fields holding undefined, as JSON does', () => {
		const base = JSON.parse(serialiseNotebook(articleNotebook()));
		const result = notebookFromJson({ ...base, seed: undefined });
		expect(result.ok && Object.hasOwn(result.notebook, 'seed')).toBe(false);
	});

	it('refuses a value that repeats one child so often it would never finish', () => {
		let wide: unknown = 0;
		for (let i = 0; i < 8; i++) wide = Array(100).fill(wide);
		const base = JSON.parse(serialiseNotebook(articleNotebook()));
		expect(notebookFromJson({ ...base, wide })).toEqual({
			ok: false,
			error: `the notebook holds more than ${MAX_JSON_VALUES} values`
		});
	});

	it('reports a getter that throws instead of throwing', () => {
		const base = JSON.parse(serialiseNotebook(articleNotebook()));
		const trap = Object.defineProperty({}, 'x', {
			enumerable: true,
			get() {
				throw new Error('boom');
			}
		});
		expect(notebookFromJson({ ...base, trap })).toEqual({
			ok: false,
			error: 'the notebook could not be read: boom'
		});
	});
});

describe('the predictions field', () => {
	const predictions = {
		ask: ['layers.0.neurons.1.total', 'layers.2.neurons.0.weights.1'],
		iteration: 3,
		guesses: {
			'layers.0.neurons.0.total': { guess: 0.41 },
			'layers.0.neurons.0.value': { guess: -0.39, engine: -0.3712 },
			'layers.1.neurons.2.bias': { guess: 0.125 }
		}
	};

	it('round-trips exactly, written after the other known fields in the order ask, iteration, guesses', () => {
		const notebook = { ...articleNotebook(), predictions };
		const text = serialiseNotebook(notebook);
		expect(roundTrip(notebook).predictions).toEqual(predictions);
		const written = JSON.parse(text);
		expect(Object.keys(written).at(-1)).toBe('predictions');
		expect(Object.keys(written.predictions)).toEqual(['ask', 'iteration', 'guesses']);
	});

	it('is optional, and each of its parts too', () => {
		expect(roundTrip(articleNotebook()).predictions).toBeUndefined();
		const ask = { ask: ['loss'] };
		expect(roundTrip({ ...articleNotebook(), predictions: ask }).predictions).toEqual(ask);
	});

	it('is refused, saying where, when it is malformed', () => {
		const cases: [unknown, string][] = [
			[[1], 'predictions must be an object'],
			[{ ask: 'loss' }, 'predictions.ask must be a list of addresses'],
			[{ ask: [3] }, 'predictions.ask.0 must be text'],
			[{ iteration: -1 }, 'predictions.iteration must be a whole number from 0'],
			[{ guesses: [] }, 'predictions.guesses must be an object'],
			[{ guesses: { loss: { guess: '0.4' } } }, 'predictions.guesses.loss.guess must be a number'],
			[{ guesses: { loss: { engine: 1 } } }, 'predictions.guesses.loss.guess is missing'],
			[{ guesses: { loss: 0.5 } }, 'predictions.guesses.loss must be an object']
		];
		for (const [field, message] of cases)
			expect(refusal(textWith((raw) => (raw.predictions = field)))).toBe(message);
	});

	it('is refused when it names a cell no step computes, or one not in this network', () => {
		expect(refusal(textWith((raw) => (raw.predictions = { ask: ['loss', 'inputs.0'] })))).toBe(
			'predictions.ask.1 is "inputs.0", which is not the address of a cell a step computes in this network'
		);
		const missing = { guesses: { 'layers.3.neurons.0.total': { guess: 1 } } };
		expect(refusal(textWith((raw) => (raw.predictions = missing)))).toBe(
			'predictions.guesses has "layers.3.neurons.0.total", which is not the address of a cell a step computes in this network'
		);
	});
});
