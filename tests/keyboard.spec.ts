/**
 * The keyboard path: Tab reaches the step buttons from the top of the page (past the skip links),
 * Enter and Space run them, the arrow keys move within a grid, and a number
 * typed into a focused cell with Enter is an edit — no mouse anywhere.
 */
import { expect, test, type Page } from '@playwright/test';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { replayTo, step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import {
	button,
	cell,
	expectCells,
	formulaBar,
	inFull,
	open,
	startOf,
	tabTo,
	watchConsole
} from './support/page.ts';

const start = startOf(preset('article'));
const afterForward = step(start, 'pass');
const afterBackward = step(afterForward, 'pass');
const afterTrain = step(afterBackward, 'pass');

/** The data-cell of the focused element ('' when it has none). */
const focusedCell = (page: Page) =>
	page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? '');

/** Presses `key` and expects focus on the cell at `address`. */
async function move(page: Page, key: string, address: string): Promise<void> {
	await page.keyboard.press(key);
	await expect.poll(() => focusedCell(page), `${key} reaches ${address}`).toBe(address);
	await expect(cell(page, address)).toHaveAttribute('aria-selected', 'true');
}

// The journeys walk the page's tab order from the steps to the tables, one Tab at a time.
test.setTimeout(90_000);

test('a keyboard alone steps through Forward, Backward and Train, every cell matching the engine', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await expectCells(page, start);

	// The skip links come first (toolbar.spec.ts), then the steps.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to Forward' })).toBeFocused();
	await tabTo(page, button(page, 'Forward'), 5);
	await page.keyboard.press('Enter');
	await expectCells(page, afterForward);

	await tabTo(page, button(page, 'Backward'), 5);
	await page.keyboard.press('Space');
	await expectCells(page, afterBackward);

	await tabTo(page, button(page, 'Train'), 5);
	await page.keyboard.press('Enter');
	await expectCells(page, afterTrain);
	await expect(cell(page, 'layers.2.neurons.0.bias')).toHaveAttribute(
		'data-value',
		String(afterTrain.net.layers[2].neurons[0].bias)
	);
	expect(messages).toEqual([]);
});

test('the arrow keys move between the cells of a grid, and Tab leaves the grid for the next one', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await tabTo(page, button(page, 'Forward'), 5);
	await page.keyboard.press('Enter'); // Forward, so the totals and values are filled in

	await tabTo(page, cell(page, 'inputs.0'));
	await move(page, 'ArrowDown', 'inputs.1');
	await move(page, 'ArrowUp', 'inputs.0');
	await expect(formulaBar(page)).toContainText('Input 0 (width)');
	// Tab leaves the grid (one Tab stop per grid, as WAI-ARIA's grid pattern has it).
	await move(page, 'Tab', 'targets.0');
	await move(page, 'Shift+Tab', 'inputs.0');
	// Each grid keeps one cell in the page's tab order.
	const stops = await page.$$eval('[role="grid"]', (grids) =>
		grids.map((g) => g.querySelectorAll('[tabindex="0"]').length)
	);
	expect(stops.length).toBeGreaterThan(5);
	expect(stops.every((n) => n === 1)).toBe(true);

	// Layer 0 of Forward: bias, weights 0 and 1, total, value in each row.
	await tabTo(page, cell(page, 'layers.0.neurons.0.bias'));
	await move(page, 'ArrowRight', 'layers.0.neurons.0.weights.0');
	await move(page, 'ArrowRight', 'layers.0.neurons.0.weights.1');
	await move(page, 'ArrowDown', 'layers.0.neurons.1.weights.1');
	await move(page, 'ArrowDown', 'layers.0.neurons.2.weights.1');
	await move(page, 'ArrowRight', 'layers.0.neurons.2.total');
	await move(page, 'ArrowRight', 'layers.0.neurons.2.value');
	await move(page, 'ArrowUp', 'layers.0.neurons.1.value');
	await move(page, 'ArrowLeft', 'layers.0.neurons.1.total');
	await move(page, 'Home', 'layers.0.neurons.1.bias');
	await move(page, 'End', 'layers.0.neurons.1.value');
	await expect(formulaBar(page)).toContainText(inFull(afterForward.values[0][1]));

	// Movement never runs a step or changes a number.
	await expectCells(page, afterForward);
	expect(messages).toEqual([]);
});

test('typing a number and Enter in a focused weight cell edits it, and focus moves down', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await tabTo(page, button(page, 'Forward'), 5);
	await page.keyboard.press('Enter');
	await tabTo(page, button(page, 'Backward'), 5);
	await page.keyboard.press('Enter');
	await expectCells(page, afterBackward);

	await tabTo(page, cell(page, 'layers.1.neurons.0.bias'));
	await move(page, 'ArrowRight', 'layers.1.neurons.0.weights.0');
	await move(page, 'ArrowDown', 'layers.1.neurons.1.weights.0');
	await page.keyboard.type('-0.625');
	await page.keyboard.press('Enter');

	const edit = editStart(start, 'layers.1.neurons.1.weights.0', -0.625);
	if (!edit.ok) throw new Error(edit.error);
	await expectCells(page, replayTo(edit.start, afterBackward.cursor));
	await expect.poll(() => focusedCell(page)).toBe('layers.1.neurons.2.weights.0');

	// Tab after an edit commits and moves right instead.
	await page.keyboard.type('0.5');
	await page.keyboard.press('Tab');
	await expect.poll(() => focusedCell(page)).toBe('layers.1.neurons.2.weights.1');
	const second = editStart(edit.start, 'layers.1.neurons.2.weights.0', 0.5);
	if (!second.ok) throw new Error(second.error);
	await expectCells(page, replayTo(second.start, afterBackward.cursor));
	expect(messages).toEqual([]);
});
