import { expect, test } from 'vitest';
import { cellGraph } from '$lib/engine/maths/cells/graph.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { momentOf } from './moment.ts';
import { homeStage, linksOf, nodeValue, stageOf, trainedNeurons } from './parameter-stage.ts';
import { TrainRows, trainRow } from './train-row.ts';

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
	const rows = new TrainRows();
	const first = rows.row(start, 0, 0, 2, 4);
	expect(rows.row(start, 0, 0, 2, 4)).toBe(first);
	// Forward and Backward change nothing Train shows: the same row, so its cells do not wake.
	const forward = step(start, 'pass');
	expect(rows.row(forward, 0, 0, 2, 4)).toBe(first);
	expect(rows.row(afterBackward, 0, 0, 2, 4)).toBe(first);
	// Train's update and other digits are new rows, equal to computing them afresh.
	const trained = rows.row(firstTrained, 0, 0, 2, 4);
	expect(trained).not.toBe(first);
	expect(trained).toEqual(trainRow(firstTrained, 0, 0, 2, 4));
	expect(rows.row(firstTrained, 0, 0, 2, 6)).toEqual(trainRow(firstTrained, 0, 0, 2, 6));
	expect(rows.row(firstTrained, 0, 1, 0, 4)).toEqual(trainRow(firstTrained, 0, 1, 0, 4));
});
