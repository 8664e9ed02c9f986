/**
 * Your own network: neurons and layers added and removed, activations,
 * seeded re-initialisation and presets. Every expectation is the engine's
 * own notebook for the same change (reshape.ts, init.ts, presets.ts), read
 * off every data-cell of the page.
 */
import { expect, test, type Page } from '@playwright/test';
import { initialiseNet } from '../src/lib/engine/fast/init.ts';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { PRESET_NAMES, PRESET_TITLES, preset } from '../src/lib/engine/document/presets.ts';
import {
	insertLayer,
	reinitialise,
	setActivation,
	setInputCount,
	setNeuronCount,
	type Reshaped
} from '../src/lib/engine/document/reshape.ts';
import { withData } from '../src/lib/engine/document/samples.ts';
import { button, cell, expectCells, open, startOf, watchConsole } from './support/page.ts';

function ok(result: Reshaped): Notebook {
	if (!result.ok) throw new Error(result.error);
	return result.notebook;
}

async function editNetwork(page: Page): Promise<void> {
	await button(page, 'Edit network').click();
	await expect(page.locator('#network-editor')).toBeVisible();
}

const value = (page: Page, address: string) => cell(page, address).getAttribute('data-value');

test('adding a neuron and a layer keeps every weight that has a place and seeds the rest', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await editNetwork(page);
	const article = preset('article');

	await page.getByRole('button', { name: 'Neurons in layer 0: one more' }).click();
	const wider = ok(setNeuronCount(article, 0, 4));
	await expectCells(page, startOf(wider));
	// Spelled out: old weights stay, the new neuron's come from the seed.
	expect(await value(page, 'layers.0.neurons.2.weights.1')).toBe(
		String(article.layers[0].neurons[2].weights[1])
	);
	const fresh = initialiseNet([2, 4, 3, 2], 'tanh', article.seed!);
	expect(await value(page, 'layers.0.neurons.3.bias')).toBe(
		String(fresh.layers[0].neurons[3].bias)
	);
	expect(await value(page, 'layers.1.neurons.1.weights.3')).toBe(
		String(fresh.layers[1].neurons[1].weights[3])
	);

	await button(page, 'Add hidden layer').click();
	const deeper = ok(insertLayer(wider));
	await expectCells(page, startOf(deeper));
	expect(await value(page, 'layers.3.neurons.1.weights.2')).toBe(
		String(article.layers[2].neurons[1].weights[2])
	);
	await expect(page.getByRole('region', { name: 'Network, in general' })).toBeVisible();
	await expect(page.locator('#network')).toContainText('2 → 4 → 3 → 3 → 2');

	// The reshaped net steps like any other.
	await button(page, 'Forward').click();
	await expectCells(page, step(startOf(deeper), 'pass'));

	// One undo puts the layer back out.
	await button(page, 'Undo').click();
	await button(page, 'Undo').click();
	await expectCells(page, startOf(wider));
	expect(messages).toEqual([]);
});

test('removing a hidden layer keeps the layers around it', async ({ page }) => {
	await open(page);
	await editNetwork(page);
	await page.getByRole('button', { name: 'Remove layer 0' }).click();
	const article = preset('article');
	await expectCells(page, startOf(ok({ ok: true, notebook: removeFirst(article) })));
	expect(await value(page, 'layers.1.neurons.0.weights.2')).toBe(
		String(article.layers[2].neurons[0].weights[2])
	);
});

test('removing a neuron keeps the rest of its layer and drops the weights that read it', async ({
	page
}) => {
	await open(page);
	await editNetwork(page);
	await page.getByRole('button', { name: 'Neurons in layer 1: one fewer' }).click();
	const article = preset('article');
	await expectCells(page, startOf(ok(setNeuronCount(article, 1, 2))));
	await expect(page.locator('#network')).toContainText('2 → 3 → 2 → 2');
	// Spelled out from the article's file: neurons 0 and 1 stay whole; the next layer reads two.
	expect(await value(page, 'layers.1.neurons.1.weights.2')).toBe(
		String(article.layers[1].neurons[1].weights[2])
	);
	expect(await value(page, 'layers.2.neurons.1.weights.1')).toBe(
		String(article.layers[2].neurons[1].weights[1])
	);
	await expect(cell(page, 'layers.1.neurons.2.bias')).toHaveCount(0);
	await expect(cell(page, 'layers.2.neurons.0.weights.2')).toHaveCount(0);
});

function removeFirst(nb: Notebook): Notebook {
	// Layer 0 goes; layer 1 now reads the two inputs and keeps weights 0 and 1 of each neuron.
	const fresh = initialiseNet([2, 3, 2], 'tanh', nb.seed ?? 0);
	return {
		...nb,
		layers: [
			{
				neurons: nb.layers[1].neurons.map((n, j) => ({
					bias: n.bias,
					weights: n.weights.slice(0, 2).concat(fresh.layers[0].neurons[j].weights.slice(2))
				}))
			},
			nb.layers[2]
		]
	};
}

test('changing a layer’s activation recomputes the passes with it', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await editNetwork(page);
	await page.getByLabel('Activation of layer 1').selectOption('relu');
	const relu = ok(setActivation(preset('article'), 1, 'relu'));
	await expectCells(page, startOf(relu));
	await expect(page.getByRole('grid', { name: 'Forward, layer 1' })).toContainText('relu');
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await expectCells(page, step(step(startOf(relu), 'pass'), 'pass'));
	expect(messages).toEqual([]);
});

test('re-initialising with a seed gives exactly the engine’s initialiseNet numbers', async ({
	page
}) => {
	await open(page);
	await button(page, 'Iteration').click();
	await editNetwork(page);
	await page.getByLabel('Seed', { exact: true }).fill('1234');
	await button(page, 'Re-initialise').click();
	const seeded = ok(reinitialise(preset('article'), 1234));
	const net = initialiseNet([2, 3, 3, 2], 'tanh', 1234);
	expect(seeded.layers.map((l) => l.neurons)).toEqual(net.layers.map((l) => l.neurons));
	await expectCells(page, startOf(seeded));
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '0');
	await expect(page.locator('#network')).toContainText('seed 1234');

	// A seed that is not a whole number is refused, and nothing changes.
	await page.getByLabel('Seed', { exact: true }).fill('1.5');
	await button(page, 'Re-initialise').click();
	await expect(page.locator('#network [role="alert"]')).toHaveText(
		'a seed is a whole number from -2147483648 to 4294967295'
	);
	await expectCells(page, startOf(seeded));
});

test('each preset opens with the engine’s notebook', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await editNetwork(page);
	for (const name of [...PRESET_NAMES].reverse()) {
		await page.getByLabel('Preset').selectOption({ label: PRESET_TITLES[name] });
		await button(page, 'Open preset').click();
		await expectCells(page, startOf(preset(name)));
	}
	await expect(page.locator('#network')).toContainText('2 → 3 → 3 → 2');
	expect(messages).toEqual([]);
});

test('a change past a limit is refused with the limit named, and nothing changes', async ({
	page
}) => {
	await open(page);
	await editNetwork(page);
	const counts = page.getByRole('spinbutton', { name: 'Neurons in layer 1' });
	await counts.fill('300');
	await counts.press('Enter');
	await expect(page.locator('#network [role="alert"]')).toHaveText(
		'a layer can have at most 256 neurons'
	);
	await expect(counts).toHaveValue('3');
	await expectCells(page, startOf(preset('article')));
});

test('inputs and outputs follow the data: fixed by a generator, editable with fixed inputs', async ({
	page
}) => {
	await open(page);
	await editNetwork(page);
	await expect(page.getByRole('spinbutton', { name: 'Inputs' })).toBeDisabled();
	await expect(page.locator('#network')).toContainText('The rectangle generator sets');

	await button(page, 'Edit data').click();
	await page.getByLabel('Fixed inputs').check();
	await page.getByRole('button', { name: 'Inputs: one more' }).click();
	const fixed = ok(withData(preset('article'), {}));
	const threeInputs = ok(setInputCount(fixed, 3));
	await expectCells(page, startOf(threeInputs));
	await expect(cell(page, 'inputs.2')).toHaveAttribute('data-value', '0');
});
