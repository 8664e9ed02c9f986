/**
 * CellViews: each drawn cell's entry (view, name, copies) follows the notebook, and changes only
 * where it changed. Effects do not run under Node (Svelte's server build): the tests call what
 * they run, and the page's journeys (train-truth, follow) check the wiring.
 */
import { describe, expect, it } from 'vitest';
import { preset } from '$lib/engine/document/presets.ts';
import { describeAddress } from '$lib/engine/maths/cells/words.ts';
import { NotebookState } from '../notebook.svelte.ts';
import { CellViews } from './views.svelte.ts';

const BIAS = 'layers.0.neurons.0.bias';
const TOTAL = 'layers.0.neurons.0.total';

function setUp() {
	const sheet = new NotebookState();
	const views = new CellViews(sheet);
	const [bias, total] = [BIAS, TOTAL].map((a) => views.entry(a));
	const flush = () => {
		views.showSnapshot();
		views.nameCells();
	};
	return { sheet, bias, total, flush };
}

describe('the cell views', () => {
	it('moves a parameter’s home to Train’s table once Train reaches its neuron, and back next iteration', () => {
		const { sheet, bias, flush } = setUp();
		const name = describeAddress(BIAS, sheet.notebook.labels);
		expect(bias.label).toBe(name);
		expect(bias.copies).toEqual({ set: undefined, new: { label: `New ${name}: after Train` } });
		const untrained = bias.copies;
		sheet.forward();
		sheet.backward();
		flush();
		expect(bias.copies).toBe(untrained); // the same object: its cells did not wake
		sheet.nextNeuron(); // Train's first neuron
		flush();
		expect(bias.copies).toEqual({
			set: { value: sheet.snapshot.startNet.layers[0].neurons[0].bias, note: 'before Train' },
			new: undefined
		});
		sheet.iteration();
		sheet.nextNeuron();
		flush();
		expect(bias.copies).toEqual(untrained);
	});

	it('renames its cells with the notebook’s labels, and only then', () => {
		const { sheet, total, flush } = setUp();
		const before = total.label;
		sheet.forward();
		flush();
		expect(total.label).toBe(before);
		sheet.load(preset('xor'));
		flush();
		expect(total.label).toBe(describeAddress(TOTAL, preset('xor').labels));
	});
});
