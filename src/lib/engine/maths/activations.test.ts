import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ACTIVATIONS,
	ACTIVATION_NAMES,
	activationOf,
	fill,
	type ActivationName
} from './activations.ts';
import { createTrainer } from '../fast/trainer.ts';
import { kernelSource } from '../fast/kernel-source.ts';
import type { Net } from './model.ts';

/** An activation's JavaScript source as a function, with the kernel's locals. */
const compiled = (template: string) =>
	new Function(
		'x',
		`const tanh = Math.tanh, exp = Math.exp, abs = Math.abs; return ${fill(template, 'x')};`
	) as (x: number) => number;

const finite = fc.double({ min: -30, max: 30, noNaN: true });

describe.each(ACTIVATION_NAMES)('the activation %s', (name) => {
	const activation = ACTIVATIONS[name];

	it("has JavaScript source giving f and f' bit for bit", () => {
		const f = compiled(activation.source.f);
		const fPrime = compiled(activation.source.fPrime);
		fc.assert(
			fc.property(finite, (z) => {
				expect(Object.is(f(z), activation.f(z))).toBe(true);
				const a = activation.f(z);
				expect(Object.is(fPrime(a), activation.fPrime(a))).toBe(true);
			})
		);
		for (const z of [0, -0, 1e-300, -1e-300, 50, -50])
			expect(Object.is(f(z), activation.f(z)), String(z)).toBe(true);
	});

	it("has f' of the value equal to f's slope (central differences) away from its kink", () => {
		fc.assert(
			fc.property(fc.double({ min: -4, max: 4, noNaN: true }), (z) => {
				fc.pre(activation.kink === undefined || Math.abs(z - activation.kink) > 1e-3);
				const h = 1e-6;
				const slope = (activation.f(z + h) - activation.f(z - h)) / (2 * h);
				expect(activation.fPrime(activation.f(z))).toBeCloseTo(slope, 6);
			})
		);
	});

	it('writes every template with its argument', () => {
		expect(activation.tex).toContain('#');
		expect(activation.sheet.f).toContain('#');
		expect(activation.source.f).toContain('#');
	});
});

describe('an activation the table does not have', () => {
	const unknown = 'swish' as ActivationName;
	const net: Net = { layers: [{ activation: unknown, neurons: [{ bias: 0, weights: [1] }] }] };
	const source = { kind: 'fixed', sample: { inputs: [1], targets: [0] } } as const;

	it('is refused by name', () => {
		expect(() => activationOf(unknown)).toThrow(/unknown activation "swish"/);
	});

	it('is refused by the generic training loop rather than run as linear', () => {
		expect(() => createTrainer(net, 0.1, source, { compile: false })).toThrow(/swish/);
		expect(() => createTrainer(net, 0.1, source)).toThrow(/swish/);
	});

	it('is refused by the kernel', () => {
		expect(() => kernelSource({ sizes: [1, 1], activations: [unknown], sampler: 'table' })).toThrow(
			/activation/
		);
	});
});
