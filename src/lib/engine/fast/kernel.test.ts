import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ACTIVATION_NAMES, type ActivationName } from '../maths/activations.ts';
import type { DataSource } from './data.ts';
import { initialiseNet } from './init.ts';
import { parameterCount, parameterValues } from '../maths/model.ts';
import { KERNEL_MAX_PARAMS, compileKernel, type KernelShape, type SamplerKind } from './kernel.ts';
import { kernelSource } from './kernel-source.ts';
import { createTrainer } from './trainer.ts';

const numbers = parameterValues;

const SHAPES: KernelShape[] = [
	{ sizes: [2, 3, 3, 2], activations: ['tanh', 'tanh', 'tanh'], sampler: 'rectangle' },
	{ sizes: [2, 2, 1], activations: ['sigmoid', 'relu'], sampler: 'xor' },
	{ sizes: [1, 1, 1], activations: ['linear', 'tanh'], sampler: 'fixed' },
	{ sizes: [3, 4, 2], activations: ['relu', 'sigmoid'], sampler: 'table' }
];

/** Every word of the generated source that is not a number. */
const FIXED_WORDS = new Set(
	(
		'use strict const let return function kernel for if Math tanh exp abs imul ' +
		'P E G I T length first end rate key k s h r row rows oi ot hi0 lo0 hi1 lo1'
	).split(' ')
);
const GENERATED_NAME = /^[abdegwxzt]\d+(_\d+)*$/;

describe('the generated source', () => {
	it.each(SHAPES)('is made of numbers, operators and fixed identifiers only (%j)', (shape) => {
		const source = kernelSource(shape);
		expect(source).toMatch(/^[\w\s.;,=+\-*/%()<>!?:&|^{}[\]']*$/);
		// The only string literal is the directive.
		expect(source.match(/'[^']*'/g)).toEqual(["'use strict'"]);
		const words = source.match(/[A-Za-z_$][\w$]*/g) ?? [];
		const strange = words.filter((w) => !FIXED_WORDS.has(w) && !GENERATED_NAME.test(w));
		// Exponents of number literals (1.1102230246251565e-16) read as words; nothing else may.
		expect(strange.filter((w) => w !== 'e')).toEqual([]);
	});

	it('has no loop in the iteration body: one straight line per neuron and weight', () => {
		const source = kernelSource(SHAPES[0]);
		expect(source.match(/\bfor\b/g)).toHaveLength(1);
		expect(source.match(/tanh\(/g)).toHaveLength(8);
		expect(source).toContain('const z1_0 = b1_0 + w1_0_0 * a0_0 + w1_0_1 * a0_1 + w1_0_2 * a0_2;');
		expect(source).toContain(
			'const d0_2 = (1 - a0_2 * a0_2) * (0 + d1_0 * w1_0_2 + d1_1 * w1_1_2 + d1_2 * w1_2_2);'
		);
		expect(source).toContain('w2_1_2 = w2_1_2 - a1_2 * d2_1 * rate;');
	});

	it('refuses an activation or data source it does not know, whatever its text', () => {
		const hostile = "tanh'); globalThis.pwned = 1; ('" as ActivationName;
		const shape = { sizes: [2, 2], activations: [hostile], sampler: 'table' } as const;
		expect(() => kernelSource(shape)).toThrow(/activation/);
		expect(compileKernel(shape)).toBeUndefined();
		const sampler = 'table; globalThis.pwned = 1' as SamplerKind;
		expect(() => kernelSource({ ...SHAPES[3], sampler })).toThrow(/data source/);
		expect(() => kernelSource({ ...SHAPES[0], sizes: [2, 3, 3.5, 2] })).toThrow(/shape/);
		expect(() => kernelSource({ ...SHAPES[0], sampler: 'xor' })).toThrow(/XOR/);
		expect('pwned' in globalThis).toBe(false);
	});
});

describe('compileKernel', () => {
	it('compiles each shape once and shares the kernel', () => {
		const kernel = compileKernel(SHAPES[1]);
		expect(kernel).toBeTypeOf('function');
		expect(compileKernel({ ...SHAPES[1], activations: [...SHAPES[1].activations] })).toBe(kernel);
	});

	it(`compiles nets of up to ${KERNEL_MAX_PARAMS} parameters, and no bigger`, () => {
		const shape = (hidden: number): KernelShape => ({
			sizes: [2, hidden, 2],
			activations: ['tanh', 'tanh'],
			sampler: 'rectangle'
		});
		expect(parameterCount([2, 50, 2])).toBe(252);
		expect(compileKernel(shape(50))).toBeTypeOf('function');
		expect(parameterCount([2, 51, 2])).toBe(257);
		expect(compileKernel(shape(51))).toBeUndefined();
		// The biggest still trains bit for bit as the generic loop does.
		const net = initialiseNet([2, 50, 2], 'tanh', 9);
		const rectangles: DataSource = { kind: 'generator', name: 'rectangle', seed: 2 };
		const [compiled, generic] = [true, false].map((compile) => {
			const trainer = createTrainer(net, 0.01, rectangles, { compile });
			expect(trainer.compiled).toBe(compile);
			trainer.run(500);
			return numbers(trainer.net());
		});
		expect(compiled.every((x, i) => Object.is(x, generic[i]))).toBe(true);
		expect(compiled).not.toEqual(numbers(net));
	});

	it('continues exactly across calls: [0, n) in one call is [0, m) then [m, n)', () => {
		const kernel = compileKernel(SHAPES[0])!;
		const params = Float64Array.from(numbers(initialiseNet([2, 3, 3, 2], 'tanh', 4)));
		const run = (cuts: number[]) => {
			const [p, e, g] = [params.slice(), new Float64Array(2), new Float64Array(3)];
			const [none, rate, key] = [new Float64Array(), 0.01, 12345];
			for (let c = 1; c < cuts.length; c++)
				kernel(p, e, g, cuts[c - 1], cuts[c], rate, key, none, none);
			return [...p, ...e, ...g];
		};
		expect(run([0, 1, 1500, 2047, 5000])).toEqual(run([0, 5000]));
		expect(run([0, 5000])).not.toEqual([...params, 0, 0, 0, 0, 0]);
	});
});

describe('the compiled path equals the generic one on any small net', () => {
	const activation = fc.constantFrom(...ACTIVATION_NAMES);
	const value = fc.double({ min: -2, max: 2, noNaN: true });
	const netAndData = fc
		.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 })
		.chain((sizes) =>
			fc.record({
				sizes: fc.constant(sizes),
				activations: fc.array(activation, {
					minLength: sizes.length - 1,
					maxLength: sizes.length - 1
				}),
				seed: fc.integer(),
				rate: fc.constantFrom(0.001, 0.05, 0.5),
				rows: fc.array(
					fc.record({
						inputs: fc.array(value, { minLength: sizes[0], maxLength: sizes[0] }),
						targets: fc.array(value, { minLength: sizes.at(-1)!, maxLength: sizes.at(-1)! })
					}),
					{ minLength: 1, maxLength: 4 }
				),
				first: fc.integer({ min: 0, max: 1000 })
			})
		);

	it('gives the same weights and reports, bit for bit, after 300 iterations', () => {
		fc.assert(
			fc.property(netAndData, ({ sizes, activations, seed, rate, rows, first }) => {
				const net = initialiseNet(sizes, activations, seed);
				const source: DataSource = { kind: 'table', samples: rows };
				const run = (compile: boolean) => {
					const options = { iteration: first, reportEvery: 70, compile };
					const trainer = createTrainer(net, rate, source, options);
					expect(trainer.compiled).toBe(compile);
					const reports = [...trainer.run(299), ...trainer.run(1), trainer.finish()];
					return [...numbers(trainer.net()), ...reports.flatMap((r) => r?.errorsPercent ?? [])];
				};
				const [compiled, generic] = [run(true), run(false)];
				expect(compiled.every((x, i) => Object.is(x, generic[i]))).toBe(true);
				expect(compiled).toHaveLength(generic.length);
			}),
			{ numRuns: 60 }
		);
	});
});
