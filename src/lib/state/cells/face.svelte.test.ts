/**
 * cellFace: what an element shows of its entry, for the address's home and its copies, against the
 * notebook as a learner steps it (the page's journeys check the attributes it feeds).
 */
import { describe, expect, it } from 'vitest';
import { NotebookState } from '../notebook.svelte.ts';
import { cellFace } from './face.ts';
import { CellViews } from './views.svelte.ts';

const BIAS = 'layers.0.neurons.0.bias';
const TOTAL = 'layers.0.neurons.0.total';

function setUp() {
	const sheet = new NotebookState();
	const views = new CellViews(sheet);
	const flush = () => {
		views.showSnapshot();
		views.nameCells();
	};
	return { sheet, views, flush };
}

describe('a cell’s face', () => {
	it('is the home in Forward and a pending copy in Train before Train, the other way round after', () => {
		const { sheet, views, flush } = setUp();
		const bias = views.entry(BIAS);
		const home = cellFace(bias, 'set', sheet);
		expect(home.copy).toBeUndefined();
		expect(home.editable).toBe(true);
		expect(home.data).toEqual({
			cell: BIAS,
			ref: undefined,
			value: String(sheet.notebook.layers[0].neurons[0].bias),
			stage: undefined
		});
		expect(home.name).toBe(bias.label);
		const waiting = cellFace(bias, 'new', sheet);
		expect(waiting.pending).toBe(true);
		expect(waiting.editable).toBe(false);
		expect(waiting.data).toEqual({
			cell: undefined,
			ref: undefined,
			value: undefined,
			stage: undefined
		});
		expect(waiting.name).toBe(`New ${bias.label}: after Train`);

		const used = sheet.notebook.layers[0].neurons[0].bias;
		sheet.forward();
		sheet.backward();
		sheet.nextNeuron(); // Train's first neuron
		flush();
		const before = cellFace(bias, 'set', sheet);
		expect(before.data).toEqual({
			cell: undefined,
			ref: BIAS,
			value: String(used),
			stage: 'before'
		});
		expect(before.note).toBe('before Train');
		expect(before.name).toBe(`${bias.label}, before Train`);
		const trained = cellFace(bias, 'new', sheet);
		expect(trained.data.cell).toBe(BIAS);
		expect(trained.data.value).not.toBe(String(used));
		expect(trained.editable).toBe(true);
	});

	it('notes a total mid-sum in its text and its name', () => {
		const { sheet, views, flush } = setUp();
		const total = views.entry(TOTAL);
		sheet.nextLine(); // b₀ added: z₀ so far
		flush();
		const face = cellFace(total, 'set', sheet);
		expect(face.partial).toBe(true);
		expect(face.note).toBe('Σ so far');
		expect(face.name).toBe(`${total.label}, Σ so far`);
		expect(face.marked).toBe(false);
	});

	it('draws a mark for a pinned home, and carries a selection mark only where it is not pending', () => {
		const { sheet, views, flush } = setUp();
		const total = views.entry(TOTAL);
		sheet.edit(TOTAL, '0.5');
		flush();
		expect(cellFace(total, 'set', sheet).marked).toBe(true);
		const bias = views.entry(BIAS);
		bias.mark = 'selected';
		bias.markNew = 'selected';
		expect(cellFace(bias, 'set', sheet).mark).toBe('selected');
		expect(cellFace(bias, 'new', sheet).mark).toBeUndefined(); // Train's copy, still pending
	});
});
