/** The Network section's rules: presets, the seed field, and every change of shape refused or taken whole. */
import { describe, expect, it } from 'vitest';
import { preset } from '$lib/engine/document/presets.ts';
import { NotebookState } from '$lib/state/notebook.svelte.ts';
import { NetworkEditor, seedOf } from './network-editor.svelte.ts';
import { networkView } from './network-view.ts';

function setUp() {
	const sheet = new NotebookState();
	return { sheet, network: new NetworkEditor(sheet) };
}

describe('the Network section', () => {
	it('reads an emptied seed field as no seed at all, not as seed 0', () => {
		expect(seedOf(null)).toBeNaN();
		expect(seedOf(0)).toBe(0);
		expect(seedOf(42)).toBe(42);
	});

	it('re-initialising with an emptied seed is refused and changes nothing', () => {
		const { sheet, network } = setUp();
		const before = sheet.notebook;
		network.seed = null;
		network.reseed();
		expect(network.refusal).toEqual(expect.any(String));
		expect(sheet.notebook).toBe(before);
	});

	it('re-initialises from the seed typed, and the field follows the notebook again after a preset', () => {
		const { sheet, network } = setUp();
		network.seed = 7;
		network.reseed();
		expect([network.refusal, sheet.notebook.seed, network.view.seed]).toEqual([undefined, 7, 7]);
		network.chosen = 'xor';
		network.openPreset();
		expect(network.seed).toBe(preset('xor').seed ?? 0);
		expect(network.view.shape).toBe(networkView(preset('xor')).shape);
	});

	it('changes the shape layer by layer, and a refused change keeps the notebook as it was', () => {
		const { sheet, network } = setUp();
		expect(sheet.useData({})).toBe(undefined);
		network.setNeurons(0, 4);
		network.setInputs(3);
		expect(sheet.sizes).toEqual([3, 4, 3, 2]);
		network.addLayer();
		expect(sheet.sizes).toEqual([3, 4, 3, 3, 2]);
		network.removeLayer(1);
		expect(sheet.sizes).toEqual([3, 4, 3, 2]);
		network.setActivation(2, 'relu');
		expect(network.view.layers[2].activation).toBe('relu');
		const before = sheet.notebook;
		network.setNeurons(0, 0);
		expect(network.refusal).toEqual(expect.any(String));
		expect(sheet.notebook).toBe(before);
	});
});

describe('what the Network section shows', () => {
	it('a generator fixes the input count and the output layer’s, not the hidden layers’', () => {
		const view = networkView(preset('article'));
		expect(view.fixedBy).toBe('rectangle');
		expect(view.inputsFixed).toBe(true);
		expect(view.layers.map((l) => l.countFixed)).toEqual([false, false, true]);
		const fixed = networkView({ ...preset('article'), dataset: undefined });
		expect(fixed.inputsFixed).toBe(false);
		expect(fixed.layers.map((l) => l.countFixed)).toEqual([false, false, false]);
	});

	it('the hidden layers can be removed, the output layer cannot', () => {
		expect(networkView(preset('article')).layers.map((l) => l.removable)).toEqual([
			true,
			true,
			false
		]);
	});

	it('the summary names the seed, 0 when the notebook has none', () => {
		expect(networkView({ ...preset('article'), seed: 5 }).seed).toBe(5);
		expect(networkView({ ...preset('article'), seed: undefined }).seed).toBe(0);
	});
});
