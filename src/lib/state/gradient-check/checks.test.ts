import { describe, expect, it } from 'vitest';
import { handStart, seededSnapshot } from '$lib/engine/__fixtures__/nets.ts';
import { editStart } from '$lib/engine/maths/edits.ts';
import { checkGradient } from '$lib/engine/maths/gradient-check.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import { replayTo, step } from '$lib/engine/maths/passes.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import {
	byNeuron,
	checkOf,
	checksOf,
	FiniteDifferences,
	overall,
	parametersOf,
	sameFiniteDifferences,
	summarize,
	summaryText
} from './checks.ts';
import { parameterAddresses } from '../../engine/maths/addresses.ts';

const article = seededSnapshot([2, 3, 3, 2], 'tanh', 1);
const forward = step(article, 'pass');
const backward = step(forward, 'pass');
const addresses = parameterAddresses(layerSizes(article.net));
const parameters = parametersOf(layerSizes(article.net));

/** All finite differences of `s`, in one go. */
function computed(s: Snapshot): FiniteDifferences {
	const numeric = new FiniteDifferences(s, addresses);
	numeric.advance(() => false);
	return numeric;
}

/** `s` with `address` pinned to `value`, replayed to where `s` is. */
function pinned(s: Snapshot, address: string, value: number): Snapshot {
	const result = editStart(s, address, value);
	if (!result.ok) throw new Error(result.error);
	return replayTo(result.start, s.cursor);
}

describe('gradient checks', () => {
	it('list every bias and weight, layer by layer, each bias before its weights', () => {
		expect(addresses).toHaveLength(3 * 3 + 3 * 4 + 2 * 4);
		expect(addresses.slice(0, 4)).toEqual([
			'layers.0.neurons.0.bias',
			'layers.0.neurons.0.weights.0',
			'layers.0.neurons.0.weights.1',
			'layers.0.neurons.1.bias'
		]);
		expect(addresses.at(-1)).toBe('layers.2.neurons.1.weights.2');
	});

	it("give exactly the engine's checkGradient numbers once Backward has run", () => {
		const checks = checksOf(backward, parameters, computed(backward));
		for (const check of checks) {
			const engine = checkGradient(backward, check.address);
			expect(check.analytic, check.address).toBe(engine.analytic);
			expect(check.numeric, check.address).toBe(engine.numeric);
			expect(check.relativeError, check.address).toBe(engine.relativeError);
			expect(check.verdict, check.address).toBe('agrees');
		}
	});

	it('compute finite differences a slice at a time, at least one per slice', () => {
		const numeric = new FiniteDifferences(backward, addresses);
		expect(numeric.at(0)).toBeUndefined();
		expect(numeric.advance(() => true)).toBe(1);
		let calls = 0;
		expect(numeric.advance(() => ++calls === 5)).toBe(5);
		expect(numeric.done).toBe(6);
		expect(numeric.at(5)).toBe(checkGradient(backward, addresses[5]).numeric);
		expect(numeric.at(6)).toBeUndefined();
		numeric.advance(() => false);
		expect(numeric.complete).toBe(true);
		expect(numeric.advance(() => false)).toBe(0);
	});

	it('keep their finite differences across Forward and Backward, and redo them after an edit or a pin', () => {
		expect(sameFiniteDifferences(article, backward)).toBe(true);
		const edited = editStart(backward, 'layers.0.neurons.0.weights.0', 0.5);
		if (!edited.ok) throw new Error(edited.error);
		expect(sameFiniteDifferences(backward, edited.start)).toBe(false);
		expect(sameFiniteDifferences(backward, pinned(backward, 'layers.1.neurons.0.value', 0))).toBe(
			false
		);
	});

	it('show stale finite differences as pending, never beside a newer gradient', () => {
		const other = pinned(backward, 'layers.1.neurons.0.activation_gradient', 1);
		const checks = checksOf(other, parameters, computed(backward));
		expect(checks.every((c) => c.numeric === undefined && c.verdict === 'pending')).toBe(true);
	});

	it('are pending, and say why, before Backward has run', () => {
		const checks = checksOf(forward, parameters, computed(forward));
		expect(checks.every((c) => c.analytic === undefined && c.numeric !== undefined)).toBe(true);
		const summary = summarize(checks);
		expect(overall(summary)).toBe('incomplete');
		expect(summaryText(summary)).toMatch(/^Backward has not run yet/);
	});

	it('flag the gradients a pinned δ feeds, and only those', () => {
		const s = pinned(backward, 'layers.1.neurons.0.activation_gradient', 1);
		const checks = checksOf(s, parameters, computed(s));
		const flagged = checks.filter((c) => c.verdict === 'disagrees').map((c) => c.address);
		// δ of layer 1 neuron 0 is its bias's gradient, and reaches layer 0 through its weights.
		expect(flagged).toContain('layers.1.neurons.0.bias');
		expect(flagged).toContain('layers.1.neurons.0.weights.2');
		expect(flagged.some((a) => a.startsWith('layers.0.'))).toBe(true);
		expect(flagged.some((a) => a.startsWith('layers.2.'))).toBe(false);
		const summary = summarize(checks);
		expect(overall(summary)).toBe('disagree');
		expect(summaryText(summary)).toMatch(
			new RegExp(`^${flagged.length} gradients disagree by more than 1e−4; largest relative error`)
		);
	});

	it('summarise a clean check as all agreeing, with the largest relative error', () => {
		const checks = checksOf(backward, parameters, computed(backward));
		const summary = summarize(checks);
		const largest = Math.max(...checks.map((c) => c.relativeError!));
		expect(summary.worst?.relativeError).toBe(largest);
		expect(largest).toBeLessThan(1e-6);
		expect(overall(summary)).toBe('agree');
		expect(summaryText(summary)).toMatch(
			/^All 29 gradients agree to within 1e−4; largest relative error \d(\.\d)?e−\d+\.$/
		);
	});

	it('count an overflow as a disagreement, and as the worst one', () => {
		const checks = [
			checkOf('layers.0.neurons.0.bias', 1, 1),
			checkOf('layers.0.neurons.0.bias', NaN, 1)
		];
		expect(checks.map((c) => c.verdict)).toEqual(['agrees', 'disagrees']);
		expect(summarize([...checks, checkOf('layers.0.neurons.0.bias', 1, 2)]).worst).toBe(checks[1]);
	});

	it('group the checks by layer and neuron', () => {
		const layers = byNeuron(checksOf(handStart(), parametersOf([2, 2, 1]), undefined), [2, 2, 1]);
		expect(
			layers.map((l) => l.map((n) => n.map((c) => c.address.split('.').slice(3).join('.'))))
		).toEqual([
			[
				['0.bias', '0.weights.0', '0.weights.1'],
				['1.bias', '1.weights.0', '1.weights.1']
			],
			[['0.bias', '0.weights.0', '0.weights.1']]
		]);
	});

	it('keep each unchanged check, and each unchanged neuron, the same object from one step to the next', () => {
		const sizes = layerSizes(article.net);
		const half = new FiniteDifferences(backward, addresses);
		half.advance(() => half.done === 10);
		const before = checksOf(backward, parameters, half);
		const layers = byNeuron(before, sizes);
		half.advance(() => half.done === 20);
		const after = checksOf(backward, parameters, half, before);
		const changed = after.flatMap((c, k) => (c === before[k] ? [] : [k]));
		expect(changed).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
		const regrouped = byNeuron(after, sizes, layers);
		// Neurons 0–2 of layer 0 hold checks 0–8; neuron 0 of layer 1 holds 9–12.
		expect(regrouped[0].map((n, j) => n === layers[0][j])).toEqual([true, true, true]);
		expect(regrouped[1].map((n, j) => n === layers[1][j])).toEqual([false, false, false]);
		expect(regrouped[2].map((n, j) => n === layers[2][j])).toEqual([true, true]);
	});

	it('parse each gradient address once, beside its parameter', () => {
		const [bias, weight] = parametersOf([2, 1]);
		expect(bias).toEqual({
			address: 'layers.0.neurons.0.bias',
			gradient: 'layers.0.neurons.0.bias_gradient',
			parsedGradient: { kind: 'bias_gradient', layer: 0, neuron: 0 }
		});
		expect(weight.gradient).toBe('layers.0.neurons.0.weight_gradients.0');
	});
});
