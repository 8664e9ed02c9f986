/**
 * Editing cells: parameters, inputs, targets and the learning rate recompute
 * every pass the iteration has run (never a Train); bad text is refused at the
 * cell; computed cells can be pinned, restored, and the pin undone and redone.
 * Every expectation is the engine's own number for the same edit.
 */
import { expect, test, type Page } from '@playwright/test';
import { allAddresses } from '../src/lib/engine/maths/addresses.ts';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { describeAddress } from '../src/lib/engine/maths/cells/words.ts';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { layerSizes, withParameter } from '../src/lib/engine/maths/model.ts';
import { replayTo, step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import { DEFAULT_PRECISION, formatNumber } from '../src/lib/tex/numbers.ts';
import {
	button,
	cell,
	engineCells,
	expectCells,
	nextStep,
	open,
	pinnedList,
	startOf,
	typeInto,
	watchConsole
} from './support/page.ts';

const notebook = preset('article');
const start = startOf(notebook);
const afterForward = step(start, 'pass');
const afterBackward = step(afterForward, 'pass');
const afterTrain = step(afterBackward, 'pass');

/** The engine's answer to typing `value` at `address` when the iteration began at `from` and reached `now`. */
function edited(from: Snapshot, now: Snapshot, address: string, value: number) {
	const result = editStart(from, address, value);
	if (!result.ok) throw new Error(result.error);
	return { start: result.start, snapshot: replayTo(result.start, now.cursor) };
}

async function clickSteps(page: Page, ...names: string[]): Promise<void> {
	for (const name of names) await button(page, name).click();
}

/** Each cell's delta text ('' when it shows none), by address. */
async function pageDeltas(page: Page): Promise<Record<string, string>> {
	return page.$$eval('[data-cell]', (cells) =>
		Object.fromEntries(
			cells.map((c) => [
				c.getAttribute('data-cell')!,
				c.querySelector('.delta')?.textContent?.trim() ?? ''
			])
		)
	);
}

/** "+1.23e−5" → 0.0000123 */
const parseShown = (text: string) => Number(text.replace(/[−–]/g, '-').replace(/^\+/, ''));

test('editing a weight after Backward recomputes every value and gradient to the engine’s numbers', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward', 'Backward');
	await expectCells(page, afterBackward);

	const weight = 'layers.1.neurons.2.weights.1';
	await typeInto(page, weight, '0.75');
	const expected = edited(start, afterBackward, weight, 0.75).snapshot;
	// The edit reaches the first layer's gradients through the backward pass.
	expect(expected.weightGradients[0][1][0]).not.toBe(afterBackward.weightGradients[0][1][0]);
	await expectCells(page, expected);
	await expect(cell(page, weight)).toHaveAttribute('data-value', '0.75');
	expect(messages).toEqual([]);
});

test('cells whose number an edit changed show by how much, and the others show no change', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward', 'Backward');
	const weight = 'layers.0.neurons.1.weights.0';
	await typeInto(page, weight, '-0.4');
	const expected = edited(start, afterBackward, weight, -0.4).snapshot;
	await expectCells(page, expected);

	const deltas = await pageDeltas(page);
	const addresses = allAddresses(layerSizes(start.net));
	let changed = 0;
	for (const address of addresses) {
		const before = cellValue(afterBackward, address);
		const after = cellValue(expected, address);
		if (before === undefined || after === undefined || Object.is(before, after)) {
			expect(deltas[address], `${address} did not change`).toBe('');
			continue;
		}
		changed++;
		const shown = parseShown(deltas[address]);
		const delta = after - before;
		expect(deltas[address], `${address} shows its change`).not.toBe('');
		// Shown to three significant digits: within half a unit of the third digit.
		expect(Math.abs(shown - delta), `${address}: ${deltas[address]} vs ${delta}`).toBeLessThan(
			Math.abs(delta) * 6e-3
		);
	}
	expect(changed).toBeGreaterThan(20);
	expect(messages).toEqual([]);
});

test('an edit never applies Train: the cursor, the iteration and the weights stay', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward', 'Backward');
	await expect(nextStep(page)).toHaveText('Train: layer 0, neuron 0');

	for (const [address, value] of [
		['layers.2.neurons.0.bias', '0.3'],
		['layers.0.neurons.2.weights.1', '1.5']
	] as const) {
		await typeInto(page, address, value);
		await expect(cell(page, address)).toHaveAttribute('data-value', value);
	}
	const once = edited(start, afterBackward, 'layers.2.neurons.0.bias', 0.3);
	const twice = edited(once.start, afterBackward, 'layers.0.neurons.2.weights.1', 1.5);
	await expectCells(page, twice.snapshot);
	expect(twice.snapshot.cursor).toEqual(afterBackward.cursor);

	await expect(nextStep(page)).toHaveText('Train: layer 0, neuron 0');
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '0');
	await expect(cell(page, 'iteration')).toHaveText('0');
	await expect(button(page, 'Train')).toBeEnabled();
	await expect(button(page, 'Forward')).toBeDisabled();
	// The weights are the ones typed and the untouched start ones, not trained ones.
	await expect(cell(page, 'layers.1.neurons.1.weights.2')).toHaveAttribute(
		'data-value',
		String(start.net.layers[1].neurons[1].weights[2])
	);
	expect(messages).toEqual([]);
});

test('a weight typed after Train is the new weight itself, and nothing else changes', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward', 'Backward', 'Train');
	await expectCells(page, afterTrain);

	const weight = 'layers.2.neurons.1.weights.2';
	await typeInto(page, weight, '0.125');
	const expected = { ...afterTrain, net: withParameter(afterTrain.net, 2, 1, 2, 0.125) };
	await expectCells(page, expected);
	await expect(nextStep(page)).toContainText('Iteration 1 is done');
	expect(messages).toEqual([]);
});

for (const bad of ['abc', '1e999', '', 'NaN', '--1']) {
	test(`refuses ${JSON.stringify(bad)} at the cell with a message, and the old value stays`, async ({
		page
	}) => {
		const messages = watchConsole(page);
		await open(page);
		await clickSteps(page, 'Forward', 'Backward');
		const weight = 'layers.1.neurons.0.weights.2';
		const old = String(start.net.layers[1].neurons[0].weights[2]);
		const target = cell(page, weight);
		await target.click();
		await page.keyboard.press('F2');
		const editor = target.locator('input');
		await editor.fill(bad);
		await editor.press('Enter');

		const alert = target.getByRole('alert');
		await expect(alert).toBeVisible();
		await expect(alert).not.toHaveText('');
		await expect(target).toHaveAttribute('aria-invalid', 'true');
		await expect(target).toHaveAttribute('data-value', old);
		await expect(target).toBeFocused();
		await expectCells(page, afterBackward);
		// The refusal is not an action: Undo still undoes Backward.
		await button(page, 'Undo').click();
		await expectCells(page, afterForward);
		expect(messages).toEqual([]);
	});
}

test('typing text into an input cell is refused there too, and a number then goes in', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward');
	await typeInto(page, 'inputs.1', 'wide');
	await expect(cell(page, 'inputs.1').getByRole('alert')).toContainText('wide');
	await expectCells(page, afterForward);

	await typeInto(page, 'inputs.1', '0.2');
	await expect(cell(page, 'inputs.1').getByRole('alert')).toHaveCount(0);
	await expectCells(page, edited(start, afterForward, 'inputs.1', 0.2).snapshot);
	expect(messages).toEqual([]);
});

test('text typed into a computed cell is refused without pinning it', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward');
	const total = 'layers.2.neurons.0.total';
	await typeInto(page, total, '1e999');
	await expect(cell(page, total).getByRole('alert')).toBeVisible();
	await expect(cell(page, total)).not.toHaveClass(/\bpinned\b/);
	await expect(pinnedList(page)).toHaveCount(0);
	await expectCells(page, afterForward);
	expect(messages).toEqual([]);
});

test('Escape cancels an edit, whether begun by typing or by F2', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward');
	const bias = 'layers.0.neurons.2.bias';
	const target = cell(page, bias);
	const old = String(start.net.layers[0].neurons[2].bias);

	await target.click();
	await page.keyboard.type('9.5');
	await expect(target.locator('input')).toHaveValue('9.5');
	await page.keyboard.press('Escape');
	await expect(target.locator('input')).toHaveCount(0);
	await expect(target).toHaveAttribute('data-value', old);
	await expect(target).toBeFocused();

	await page.keyboard.press('F2');
	await expect(target.locator('input')).toHaveValue(old);
	await target.locator('input').fill('-3');
	await page.keyboard.press('Escape');
	await expect(target.locator('input')).toHaveCount(0);
	await expect(target).toHaveAttribute('data-value', old);
	await expectCells(page, afterForward);
	expect(messages).toEqual([]);
});

test('editing an input, a target and the learning rate recomputes what the iteration has run', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward', 'Backward', 'Train');

	let from = start;
	for (const [address, value] of [
		['inputs.0', 0.9],
		['targets.1', 0.05],
		['learning_rate', 0.5]
	] as const) {
		await typeInto(page, address, String(value));
		const next = edited(from, afterTrain, address, value);
		await expectCells(page, next.snapshot);
		from = next.start;
	}
	// A learning rate of 0.5 moves the trained weights visibly away from the 0.001 ones.
	const lr = edited(start, afterTrain, 'learning_rate', 0.5).snapshot;
	expect(lr.net.layers[0].neurons[0].bias).not.toBe(afterTrain.net.layers[0].neurons[0].bias);
	// The iteration Train completed still counts once, however often it is edited.
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '1');
	expect(messages).toEqual([]);
});

test('typing into a computed value pins it: marked, listed, downstream recomputed, formula value shown', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward');
	const value = 'layers.1.neurons.0.value';
	await typeInto(page, value, '0.5');

	const pinned = edited(start, afterForward, value, 0.5).snapshot;
	expect(pinned.overrides).toEqual({ [value]: 0.5 });
	// What the formula gives is the unpinned engine's number.
	expect(pinned.formulaValues[value]).toBe(afterForward.values[1][0]);
	expect(pinned.values[2][0]).not.toBe(afterForward.values[2][0]);
	await expectCells(page, pinned);

	const target = cell(page, value);
	await expect(target).toHaveClass(/\bpinned\b/);
	await expect(page.locator('[data-cell].pinned')).toHaveCount(1);
	const formulaGives = formatNumber(afterForward.values[1][0], DEFAULT_PRECISION);
	await expect(target).toContainText(formulaGives);

	const list = pinnedList(page);
	await expect(list).toBeVisible();
	await expect(list).toContainText(describeAddress(value, notebook.labels));
	await expect(list).toContainText(formulaGives);
	await expect(list.getByRole('listitem')).toHaveCount(1);
	expect(messages).toEqual([]);
});

test('Delete in a pinned cell restores its formula, and so does the list’s Restore button', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward', 'Backward');
	const gradient = 'layers.2.neurons.1.activation_gradient';
	await typeInto(page, gradient, '0.02');
	await expectCells(page, edited(start, afterBackward, gradient, 0.02).snapshot);

	await cell(page, gradient).click();
	await page.keyboard.press('Delete');
	await expectCells(page, afterBackward);
	await expect(cell(page, gradient)).not.toHaveClass(/\bpinned\b/);
	await expect(pinnedList(page)).toHaveCount(0);

	await typeInto(page, gradient, '0.02');
	await expect(pinnedList(page)).toBeVisible();
	await pinnedList(page).getByRole('button', { name: 'Restore formula' }).click();
	await expectCells(page, afterBackward);
	await expect(pinnedList(page)).toHaveCount(0);
	expect(messages).toEqual([]);
});

test('Undo and Ctrl+Z undo a pin, and Ctrl+Shift+Z redoes it', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await clickSteps(page, 'Forward');
	const total = 'layers.0.neurons.1.total';
	await typeInto(page, total, '-1.25');
	const pinned = edited(start, afterForward, total, -1.25).snapshot;
	await expectCells(page, pinned);

	await button(page, 'Undo').click();
	await expectCells(page, afterForward);
	await expect(pinnedList(page)).toHaveCount(0);

	await page.keyboard.press('Control+Shift+Z');
	await expectCells(page, pinned);
	await expect(cell(page, total)).toHaveClass(/\bpinned\b/);
	await expect(pinnedList(page)).toContainText(describeAddress(total, notebook.labels));

	await cell(page, 'inputs.0').click();
	await page.keyboard.press('Control+z');
	await expectCells(page, afterForward);
	await expect(cell(page, total)).not.toHaveClass(/\bpinned\b/);

	await page.keyboard.press('Control+Shift+Z');
	await expectCells(page, pinned);
	// The engine's view of every cell, not just the pinned one, is back.
	expect(engineCells(pinned)[total]).toBe('-1.25');
	expect(messages).toEqual([]);
});
