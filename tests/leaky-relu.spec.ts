/**
 * An activation added by one entry of the activations table (leaky ReLU),
 * end to end on the page: chosen in the network editor, stepped, typeset in
 * the formula bar, trained by the worker, gradient-checked and exported, every
 * number the engine's own.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { checkGradient, GRADIENT_CHECK_TOLERANCE } from '../src/lib/engine/maths/gradient-check.ts';
import { layerSizes } from '../src/lib/engine/maths/model.ts';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { setActivation, type Reshaped } from '../src/lib/engine/document/reshape.ts';
import { cellFormula } from '../src/lib/export/xlsx/formulas.ts';
import { engineNumbers } from '../src/lib/export/xlsx/testing/oracle.ts';
import { loadWorkbook, namedCells, shownNumber } from '../src/lib/export/xlsx/testing/workbooks.ts';
import { parameterAddresses } from '../src/lib/engine/maths/addresses.ts';
import {
	button,
	cell,
	expectCells,
	formulaBar,
	inFull,
	open,
	pageCells,
	startOf,
	watchConsole
} from './support/page.ts';
import { steppedCells } from './support/run-reference.ts';

function ok(result: Reshaped): Notebook {
	if (!result.ok) throw new Error(result.error);
	return result.notebook;
}

/** The article's net with leaky ReLU in every layer, as the editor makes it. */
const leaky = [0, 1, 2].reduce(
	(nb, l) => ok(setActivation(nb, l, 'leaky_relu')),
	preset('article')
);

async function chooseLeaky(page: Page): Promise<void> {
	await button(page, 'Edit network').click();
	await expect(page.locator('#network-editor')).toBeVisible();
	for (const l of [0, 1, 2])
		await page.getByLabel(`Activation of layer ${l}`).selectOption('leaky_relu');
	await expectCells(page, startOf(leaky));
}

test('leaky ReLU is chosen on the page, steps an iteration as the engine does, and is typeset', async ({
	page
}) => {
	const messages = watchConsole(page);
	const done = step(startOf(leaky), 'iteration');
	// The leak is used: some hidden total is negative, so its value is 0.01·z, not 0.
	const negative = done.totals
		.slice(0, 2)
		.flat()
		.filter((z) => z < 0);
	expect(negative.length).toBeGreaterThan(0);

	await open(page);
	await chooseLeaky(page);
	await expect(page.getByRole('grid', { name: 'Forward, layer 1' })).toContainText('leaky_relu');
	await button(page, 'Iteration').click();
	await expectCells(page, done);

	await cell(page, 'layers.0.neurons.0.value').click();
	await expect(formulaBar(page).locator('.katex').first()).toContainText('LReLU');
	await cell(page, 'layers.0.neurons.0.activation_gradient').click();
	await expect(formulaBar(page)).toContainText(inFull(done.activationGradients[0][0]));
	expect(messages).toEqual([]);
});

test('leaky ReLU trains in the worker to the stepped numbers, passes the gradient check and exports its formulas', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await chooseLeaky(page);

	// The gradient check after Forward and Backward: the engine's rows, none flagged.
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	const section = page.getByRole('region', { name: 'Gradient check', exact: true });
	await section.getByRole('button', { name: 'Check gradients' }).click();
	const afterBackward = step(step(startOf(leaky), 'pass'), 'pass');
	const parameters = parameterAddresses(layerSizes(afterBackward.net));
	for (const address of parameters)
		expect(checkGradient(afterBackward, address).relativeError).toBeLessThan(
			GRADIENT_CHECK_TOLERANCE
		);
	await expect(section.locator('tr[data-parameter][data-verdict="agrees"]')).toHaveCount(
		parameters.length
	);

	// The workbook: LibreOffice's recalculation is the unit test's; here, the page's file holds
	// the engine's numbers and leaky ReLU's formula.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		button(page, 'Export as .xlsx').click()
	]);
	const workbook = await loadWorkbook(new Uint8Array(await readFile((await download.path())!)));
	const cells = namedCells(workbook);
	for (const [name, value] of engineNumbers(startOf(leaky)))
		expect(shownNumber(cells.get(name)!), name).toBe(value);
	const formula = cellFormula(afterBackward.net, 'layers.0.neurons.0.value');
	expect(formula).toBe('IF(z_0_0>0,z_0_0,0.01*z_0_0)');
	expect(JSON.stringify(cells.get('a_0_0')!.value)).toContain(formula);

	// Run: the worker's numbers are the passes' in Node, bit for bit (no tanh to round differently).
	await button(page, 'Undo').click();
	await button(page, 'Undo').click();
	await page.locator('#run').getByRole('textbox', { name: 'Iterations' }).fill('1000');
	await page.locator('#run').getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.locator('#run')).toHaveAttribute('data-status', 'finished', {
		timeout: 60_000
	});
	expect(await pageCells(page)).toEqual(steppedCells(leaky, 1000));
	expect(messages).toEqual([]);
});
