import { expect, test } from 'vitest';
import { cellGraph } from '$lib/engine/maths/cells/graph.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { momentOf } from './moment.ts';
import {
	copiesOf,
	homeStage,
	keptCopies,
	linksOf,
	nodeValue,
	stageOf,
	trainedNeurons
} from './parameter-stage.ts';
import { keptRow, trainRow } from './train-row.ts';
import { parseAddress } from '$lib/engine/maths/addresses.ts';

const start = momentOf(preset('article')).start;
const afterBackward = step(step(start, 'pass'), 'pass');
const firstTrained = step(afterBackward, 'neuron');
const graph = cellGraph(start.net);
const weight = 'layers.0.neurons.0.weights.1';

test('Train updates the neurons of a layer in order, and every neuron once the iteration is done', () => {
	expect(trainedNeurons(afterBackward.cursor, 0, 3)).toBe(0);
	expect(trainedNeurons(firstTrained.cursor, 0, 3)).toBe(1);
	expect(trainedNeurons(firstTrained.cursor, 1, 3)).toBe(0);
	expect(trainedNeurons(step(afterBackward, 'pass').cursor, 2, 2)).toBe(2);
});

test('a parameter’s home is Train’s new number once its neuron is trained, and only then has one', () => {
	expect(homeStage(afterBackward, weight)).toBe('set');
	expect(homeStage(firstTrained, weight)).toBe('new');
	expect(stageOf(afterBackward, weight, 'new')).toBe('set');
	expect(stageOf(firstTrained, 'layers.0.neurons.0.total', 'new')).toBe('set');
	expect(nodeValue(firstTrained, { address: weight, stage: 'set' })).toBe(
		start.net.layers[0].neurons[0].weights[1]
	);
	expect(nodeValue(firstTrained, { address: weight, stage: 'new' })).toBe(
		firstTrained.net.layers[0].neurons[0].weights[1]
	);
});

test('a parameter as set is read by totals and δ; its new number reads itself, η and its gradient', () => {
	const asSet = linksOf(graph, { address: weight, stage: 'set' });
	expect(asSet.precedents).toEqual([]);
	expect(asSet.dependents.map((n) => n.address)).toEqual(graph.dependents(weight));
	const updated = linksOf(graph, { address: weight, stage: 'new' });
	expect(updated.precedents.map((n) => `${n.address}:${n.stage}`)).toEqual([
		`${weight}:set`,
		'learning_rate:set',
		'layers.0.neurons.0.weight_gradients.1:set'
	]);
	expect(updated.dependents).toEqual([]);
	// The learning rate is read by every new number.
	const eta = linksOf(graph, { address: 'learning_rate', stage: 'set' });
	expect(eta.dependents.every((n) => n.stage === 'new')).toBe(true);
	expect(eta.dependents).toHaveLength(9 + 12 + 8);
});

test('a Train row holds old, change −η·∂E/∂p and new, with new = old + change exactly', () => {
	const before = trainRow(afterBackward, 0, 0, 2, 4);
	expect(before.change).toBeUndefined();
	expect(before.newText).toBeUndefined();
	const row = trainRow(firstTrained, 0, 0, 2, 4);
	const g = firstTrained.weightGradients[0][0][1];
	expect(row.old).toBe(start.net.layers[0].neurons[0].weights[1]);
	expect(row.change).toBe(-(g * firstTrained.learningRate));
	expect(row.old + row.change!).toBe(firstTrained.net.layers[0].neurons[0].weights[1]);
	expect(row.typed).toBe(false);
	expect(row.oldText.same + row.oldText.changed).not.toBe(row.newText!.same + row.newText!.changed);
});

test('Train’s table keeps a row the same object while its numbers stay, and a new one when they change', () => {
	const first = trainRow(start, 0, 0, 2, 4);
	// Forward and Backward change nothing Train shows: the same row, so its cells do not wake.
	expect(keptRow(first, trainRow(step(start, 'pass'), 0, 0, 2, 4))).toBe(first);
	expect(keptRow(first, trainRow(afterBackward, 0, 0, 2, 4))).toBe(first);
	// Train's update and other digits are new rows.
	const trained = trainRow(firstTrained, 0, 0, 2, 4);
	expect(keptRow(first, trained)).toBe(trained);
	const digits = trainRow(start, 0, 0, 2, 6);
	expect(keptRow(first, digits)).toBe(digits);
});

test('a parameter’s copies: Train’s pending new number before Train, Forward’s “before Train” after', () => {
	const a = parseAddress(weight);
	expect(copiesOf(afterBackward, a, 'w')).toEqual({
		set: undefined,
		new: { label: 'New w: after Train' }
	});
	expect(copiesOf(firstTrained, a, 'w')).toEqual({
		set: { value: start.net.layers[0].neurons[0].weights[1], note: 'before Train' },
		new: undefined
	});
	// Neuron 1 of layer 0 is not trained yet; a total is never a copy.
	expect(copiesOf(firstTrained, parseAddress('layers.0.neurons.1.bias'), 'b').set).toBeUndefined();
	expect(copiesOf(firstTrained, parseAddress('layers.0.neurons.0.total'), 'z')).toEqual({
		set: undefined,
		new: undefined
	});
});

test('copies that show the same are kept the same objects, so their cells do not wake', () => {
	const a = parseAddress(weight);
	const now = copiesOf(firstTrained, a, 'w');
	expect(keptCopies(now, copiesOf(step(firstTrained, 'neuron'), a, 'w'))).toBe(now);
	const before = copiesOf(afterBackward, a, 'w');
	const renamed = keptCopies(before, copiesOf(afterBackward, a, 'weight'));
	expect(renamed).not.toBe(before);
	expect(renamed.new?.label).toBe('New weight: after Train');
	const moved = keptCopies(before, now);
	expect(moved).toEqual(now);
});
