import { describe, expect, it } from 'vitest';
import { handStart } from '$lib/engine/__fixtures__/nets.ts';
import { step } from '$lib/engine/maths/passes.ts';
import {
	NOT_A_NUMBER_COLOUR,
	divergingColour,
	gradientScale,
	inkOn,
	normalise,
	valueScale
} from './colours.ts';
import { describeNet } from './describe.ts';
import { diagramLayout, linkGeometry, linkStrokeWidth, wrapLabel } from './geometry.ts';
import { itemKey, itemMarks, linkIdOf } from './items.ts';
import { weightGradientNumbers, weightNumbers } from './weights.ts';

describe('diagramLayout', () => {
	const layout = diagramLayout([2, 3, 3, 2]);

	it('puts the inputs in the first column and one column per layer, left to right', () => {
		expect(layout.columns.map((c) => c.nodes.length)).toEqual([2, 3, 3, 2]);
		expect(layout.columns.map((c) => c.heading)).toEqual([
			'inputs',
			'layer 0',
			'layer 1',
			'layer 2'
		]);
		const xs = layout.columns.map((c) => c.x);
		expect(xs[1] - xs[0]).toBe(84);
		expect(xs[3] - xs[2]).toBe(84);
	});

	it('spaces neurons evenly and centres every column on the same line', () => {
		const [inputs, first] = layout.columns;
		expect(first.nodes[1].y - first.nodes[0].y).toBe(58);
		expect(first.nodes[1].y).toBe((inputs.nodes[0].y + inputs.nodes[1].y) / 2);
	});

	it('keeps every node and its rings inside the viewBox', () => {
		for (const node of layout.columns.flatMap((c) => c.nodes)) {
			expect(node.x - layout.radius).toBeGreaterThanOrEqual(16);
			expect(node.x + layout.radius).toBeLessThanOrEqual(layout.width - 16);
			expect(node.y + layout.radius).toBeLessThanOrEqual(layout.height - 16);
		}
		expect(layout.showNumbers).toBe(true);
	});

	it('makes room beside the nodes for input and output labels, wrapped', () => {
		const labelled = diagramLayout([2, 3, 3, 2], {
			inputs: ['width', 'height'],
			outputs: ['area', 'circumference × 0.25']
		});
		expect(labelled.outputLabels).toEqual([['area'], ['circumference', '× 0.25']]);
		// the label starts clear of the rings: 3 ring gaps of 0.22 r and 4 units more
		const gap = 3 * 0.22 * layout.radius + 4;
		expect(labelled.labelOffset).toBeCloseTo(layout.radius + gap);
		expect(labelled.columns[0].x - layout.columns[0].x).toBeCloseTo(gap + 6 * 7);
		expect(labelled.width - layout.width).toBeCloseTo(gap + 6 * 7 + gap + 13 * 7);
	});

	it('shrinks circles, strokes and headings for a crowded net and drops labels', () => {
		const big = diagramLayout([64, 64, 64, 10], { inputs: ['x'] });
		expect(big.radius).toBeCloseTo((512 / 63) * 0.33);
		expect(big.showNumbers).toBe(false);
		expect(big.linkWidth.max).toBe(1);
		expect(big.inputLabels).toEqual([]);
		expect(big.width / big.height).toBeCloseTo(0.75);
		const deep = diagramLayout(Array.from({ length: 17 }, () => 2));
		expect(deep.columns[1].heading).toBe('L0');
		expect(deep.columns[1].x - deep.columns[0].x).toBe(36);
		// room for half a heading beyond the first and last columns
		expect(deep.columns[0].x).toBe(30);
		expect(deep.width - deep.columns[16].x).toBe(30);
	});
});

describe('wrapLabel', () => {
	it('breaks at spaces and ends what does not fit with an ellipsis', () => {
		expect(wrapLabel('width', 2)).toEqual(['width']);
		expect(wrapLabel('circumference × 0.25', 1)).toEqual(['circumferenc…']);
		expect(wrapLabel('a very long label for one output', 2)).toEqual([
			'a very long',
			'label for on…'
		]);
		expect(wrapLabel('  ', 2)).toEqual([]);
	});
});

describe('linkGeometry', () => {
	it('draws one link per weight, from source node i to neuron j', () => {
		const layout = diagramLayout([2, 3, 1]);
		const links = linkGeometry(layout);
		expect(links).toHaveLength(2 * 3 + 3 * 1);
		const link = links.find((k) => k.id === '0.2.1')!;
		expect([link.x1, link.y1]).toEqual([layout.columns[0].x, layout.columns[0].nodes[1].y]);
		expect([link.x2, link.y2]).toEqual([layout.columns[1].x, layout.columns[1].nodes[2].y]);
		expect(links.at(-1)).toMatchObject({ layer: 1, neuron: 0, index: 2 });
	});
});

describe('weightNumbers and weightGradientNumbers', () => {
	it('give the weights in link order, and gradients only once backward has reached them', () => {
		const start = handStart();
		expect(weightNumbers(start.net)).toEqual([0.2, -0.3, 0.4, 0.1, 0.6, -0.5]);
		const forward = step(start, 'pass');
		expect(weightGradientNumbers(forward)).toEqual(Array(6).fill(undefined));
		const lastLayer = step(forward, 'layer');
		const gradients = weightGradientNumbers(lastLayer);
		expect(gradients.slice(0, 4)).toEqual(Array(4).fill(undefined));
		// ∂E/∂w = a_i δ_j: layer 0 neuron 0's value times the output's δ (passes.test.ts, HAND)
		expect(gradients[4]).toBeCloseTo(0.46211715726000974 * 0.09589435507461534, 12);
	});
});

describe('scales', () => {
	it('colours values on the tanh range unless a value is larger', () => {
		expect(valueScale([0.3, -0.8, undefined])).toBe(1);
		expect(valueScale([2.5, -0.8, Infinity])).toBe(2.5);
	});

	it('colours gradients relative to the largest gradient shown', () => {
		expect(gradientScale([0.002, -0.004, undefined])).toBe(0.004);
		expect(gradientScale([undefined, NaN])).toBe(1);
		expect(normalise(-0.002, 0.004)).toBe(-0.5);
		expect(normalise(-Infinity, 0.004)).toBe(-1);
	});
});

describe('divergingColour', () => {
	it('runs from dark blue through near-white to dark orange', () => {
		expect(divergingColour(-1)).toBe('#2166ac');
		expect(divergingColour(0)).toBe('#f7f7f7');
		expect(divergingColour(1)).toBe('#b35806');
		expect(divergingColour(1 / 3)).toBe('#fdb863');
		expect(divergingColour(-1 / 6)).toBe('#c5deeb');
	});

	it('lifts small magnitudes off white when given a floor, and greys out NaN', () => {
		expect(divergingColour(0.001, 1 / 3)).toBe('#fdb863');
		expect(divergingColour(NaN)).toBe(NOT_A_NUMBER_COLOUR);
	});

	it('picks white text on the dark ends and ink on the light middle', () => {
		expect(inkOn(divergingColour(-1))).toBe('#ffffff');
		expect(inkOn(divergingColour(0.2))).toBe('#1b1f24');
		expect(inkOn('#f7f7f7')).toBe('#1b1f24');
	});

	it('widens links with |t|', () => {
		const layout = diagramLayout([2, 2]);
		expect(linkStrokeWidth(0, layout)).toBeCloseTo(0.75);
		expect(linkStrokeWidth(-1, layout)).toBe(5);
		expect(linkStrokeWidth(undefined, layout)).toBeCloseTo(0.75);
	});
});

describe('itemKey', () => {
	it('maps every cell of a neuron to the neuron, weights and their gradients to the link', () => {
		expect(itemKey('layers.1.neurons.2.bias_gradient')).toBe('n1.2');
		expect(itemKey('layers.1.neurons.2.value')).toBe('n1.2');
		expect(itemKey('layers.1.neurons.2.weight_gradients.0')).toBe('w1.2.0');
		expect(itemKey('inputs.1')).toBe('i1');
		expect(itemKey('loss')).toBeUndefined();
		expect(linkIdOf('w1.2.0')).toBe('1.2.0');
		expect(linkIdOf('n1.2')).toBeUndefined();
	});

	it('marks the selected item above its precedents, and precedents above dependents', () => {
		const marks = itemMarks(
			'layers.1.neurons.0.value',
			['layers.1.neurons.0.total', 'layers.1.neurons.0.weights.1', 'targets.0'],
			['layers.1.neurons.0.activation_gradient', 'layers.2.neurons.0.total', 'inputs.0']
		);
		expect(Object.fromEntries(marks)).toEqual({
			'n1.0': 'selected',
			'w1.0.1': 'precedent',
			'n2.0': 'dependent',
			i0: 'dependent'
		});
	});
});

describe('describeNet', () => {
	it('names the inputs and each layer size', () => {
		expect(describeNet([2, 3, 3, 2])).toBe(
			'Network diagram: 2 inputs, layers of 3, 3 and 2 neurons'
		);
		expect(describeNet([1, 1])).toBe('Network diagram: 1 input, one layer of 1 neuron');
	});
});
