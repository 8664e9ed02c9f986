import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handStart, seededSnapshot } from '../__fixtures__/nets.ts';
import { ACTIVATIONS, ACTIVATION_NAMES } from './activations.ts';
import { parameterAddresses } from './addresses.ts';
import { checkGradient, GRADIENT_CHECK_TOLERANCE, relativeError } from './gradient-check.ts';
import { layerSizes } from './model.ts';
import { step } from './passes.ts';

/** Whether any total sits so near its activation's kink (ReLU's) that a finite difference would straddle it. */
function nearKink(s: ReturnType<typeof seededSnapshot>): boolean {
	const forward = step(s, 'pass');
	return forward.startNet.layers.some((layer, l) => {
		const kink = ACTIVATIONS[layer.activation].kink;
		return kink !== undefined && forward.totals[l].some((z) => Math.abs(z - kink) < 1e-3);
	});
}

describe('gradient check', () => {
	it('agrees with the hand-worked gradient of the 2-2-1 net', () => {
		const check = checkGradient(handStart(), 'layers.0.neurons.1.weights.0');
		expect(check.analytic).toBe(-0.023735442110482945);
		expect(check.relativeError).toBeLessThan(1e-8);
	});

	it('agrees with central finite differences for every weight and bias of random nets', () => {
		const shapes = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 5 });
		const activation = fc.constantFrom(...ACTIVATION_NAMES);
		fc.assert(
			fc.property(
				shapes,
				fc.array(activation, { minLength: 4, maxLength: 4 }),
				fc.integer(),
				(sizes, acts, seed) => {
					const s = seededSnapshot(sizes, acts.slice(0, sizes.length - 1), seed);
					fc.pre(!nearKink(s));
					for (const address of parameterAddresses(layerSizes(s.net))) {
						const { relativeError } = checkGradient(s, address);
						expect(relativeError, address).toBeLessThan(GRADIENT_CHECK_TOLERANCE);
					}
				}
			),
			{ numRuns: 60 }
		);
	});

	it('reads the analytic gradient from the snapshot once Backward has run', () => {
		const s = step(
			step({ ...handStart(), overrides: { 'layers.1.neurons.0.bias_gradient': 5 } }, 'pass'),
			'pass'
		);
		const check = checkGradient(s, 'layers.1.neurons.0.bias');
		expect(check.analytic).toBe(5);
		expect(check.relativeError).toBeGreaterThan(0.9);
	});

	it('measures relative error against the larger magnitude, with a floor near zero', () => {
		expect(relativeError(1, 1.0001)).toBeCloseTo(1e-4 / 1.0001, 12);
		expect(relativeError(1e-12, -1e-12)).toBeCloseTo(2e-6, 12);
		expect(relativeError(0, 0)).toBe(0);
	});
});
