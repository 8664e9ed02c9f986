import { expect, test } from '@playwright/test';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { button, cell, expectCells, open, startOf, watchConsole } from './support/page.ts';

test('steps through an iteration of the article demo, every cell matching the engine', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	const [forward, backward, train] = ['Forward', 'Backward', 'Train'].map((name) =>
		button(page, name)
	);

	let s = startOf(preset('article'));
	await expectCells(page, s);
	await expect(backward).toBeDisabled();
	// Why is said beside the button, not in a tooltip (toolbar.spec.ts has the whole cycle).
	await expect(backward).toHaveAccessibleDescription(/wait for Forward/);
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
	await expect(cell(page, 'layers.0.neurons.0.weights.0')).toHaveAttribute(
		'data-value',
		String(s.net.layers[0].neurons[0].weights[0])
	);
	expect(messages).toEqual([]);
});

test('opens a #nb= link bit for bit, and refuses a broken one keeping the open notebook', async ({
	page
}) => {
	const xor = preset('xor');
	await open(page, '/' + (await shareHash(xor)));
	await expectCells(page, startOf(xor));

	// Same document, new hash: the refused link leaves the open XOR notebook as it was.
	await page.goto('/#nb=not-a-notebook');
	await expect(page.getByRole('alert')).toContainText('could not be opened');
	await expectCells(page, startOf(xor));
});

test('falls back to the default notebook when a fresh page opens a broken link', async ({
	page
}) => {
	await open(page, '/#nb=AAAA');
	await expect(page.getByRole('alert')).toContainText('could not be opened');
	await expectCells(page, startOf(preset('article')));
});
