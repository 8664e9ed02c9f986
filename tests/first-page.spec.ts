import { expect, test, type Page } from '@playwright/test';
import { cellValue } from '../src/lib/engine/cell-values.ts';
import { allAddresses } from '../src/lib/engine/addresses.ts';
import { layerSizes } from '../src/lib/engine/model.ts';
import { netOf, type Notebook } from '../src/lib/engine/notebook.ts';
import { step } from '../src/lib/engine/passes.ts';
import { preset } from '../src/lib/engine/presets.ts';
import { shareHash } from '../src/lib/engine/share-link.ts';
import { createSnapshot, type Snapshot } from '../src/lib/engine/snapshot.ts';

const startOf = (nb: Notebook) =>
	createSnapshot({
		net: netOf(nb),
		inputs: nb.inputs,
		targets: nb.targets,
		learningRate: nb.learningRate
	});

/** Every cell's data-value on the page, by address. */
async function pageCells(page: Page): Promise<Record<string, string>> {
	return page.$$eval('[data-cell]', (cells) =>
		Object.fromEntries(
			cells.map((c) => [c.getAttribute('data-cell')!, c.getAttribute('data-value')!])
		)
	);
}

/** Asserts the page shows exactly the engine's snapshot: every address, full precision, empty when pending. */
async function expectCells(page: Page, s: Snapshot) {
	const expected = Object.fromEntries(
		allAddresses(layerSizes(s.net)).map((a) => {
			const v = cellValue(s, a);
			return [a, v === undefined ? '' : String(v)];
		})
	);
	await expect.poll(() => pageCells(page)).toEqual(expected);
}

test('steps through an iteration of the article demo, every cell matching the engine', async ({
	page
}) => {
	const errors: string[] = [];
	page.on(
		'console',
		(m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text())
	);
	await page.goto('/');
	const forward = page.getByRole('button', { name: 'Forward', exact: true });
	const backward = page.getByRole('button', { name: 'Backward', exact: true });
	const train = page.getByRole('button', { name: 'Train', exact: true });

	let s = startOf(preset('article'));
	await expectCells(page, s);
	await expect(backward).toBeDisabled();
	await expect(backward).toHaveAttribute('title', /Forward first/);
	await expect(train).toBeDisabled();

	await forward.click();
	s = step(s, 'pass');
	await expectCells(page, s);
	await expect(forward).toBeDisabled();

	await backward.click();
	s = step(s, 'pass');
	await expectCells(page, s);

	await train.click();
	s = step(s, 'pass');
	await expectCells(page, s);
	await expect(page.locator('[data-cell="layers.0.neurons.0.weights.0"]')).toHaveAttribute(
		'data-value',
		String(s.net.layers[0].neurons[0].weights[0])
	);
	expect(errors).toEqual([]);
});

test('opens a #nb= link bit for bit, and refuses a broken one keeping the open notebook', async ({
	page
}) => {
	const xor = preset('xor');
	await page.goto('/' + (await shareHash(xor)));
	await expectCells(page, startOf(xor));

	// Same document, new hash: the refused link leaves the open XOR notebook as it was.
	await page.goto('/#nb=not-a-notebook');
	await expect(page.getByRole('alert')).toContainText('could not be opened');
	await expectCells(page, startOf(xor));
});

test('falls back to the default notebook when a fresh page opens a broken link', async ({
	page
}) => {
	await page.goto('/#nb=AAAA');
	await expect(page.getByRole('alert')).toContainText('could not be opened');
	await expectCells(page, startOf(preset('article')));
});
