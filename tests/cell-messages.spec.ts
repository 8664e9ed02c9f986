/**
 * A refused edit's or paste's message: announced, shown beside its cell
 * while the cell is marked invalid, never taking the clicks of the cells it
 * lies over, and gone as soon as the learner moves on — to another cell,
 * Escape, a step, Undo, a click elsewhere — in the notebook's grids and in
 * the samples table alike.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import {
	button,
	cell,
	expectCells,
	open,
	startOf,
	typeInto,
	watchConsole
} from './support/page.ts';

const start = startOf(preset('article'));
const afterForward = step(start, 'pass');
const afterBackward = step(afterForward, 'pass');

/** The refusal shown for `target`: its alert, which the cell names as its description. */
async function expectRefusal(target: Locator, text: string | RegExp): Promise<Locator> {
	const alert = target.getByRole('alert');
	await expect(alert).toBeVisible();
	await expect(alert).toContainText(text);
	await expect(target).toHaveAttribute('aria-invalid', 'true');
	const id = await alert.getAttribute('id');
	expect(id, 'the message has an id for the cell to point to').toBeTruthy();
	await expect(target).toHaveAttribute('aria-describedby', id!);
	return alert;
}

async function expectNoRefusal(page: Page, target: Locator): Promise<void> {
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(target).not.toHaveAttribute('aria-invalid', 'true');
}

/** Whether the window's scroll stays put over five frames. */
const scrollStill = (page: Page) =>
	page.evaluate(async () => {
		const at = scrollY;
		for (let n = 0; n < 5; n++) await new Promise(requestAnimationFrame);
		return scrollY === at;
	});

const focusedCell = (page: Page) =>
	page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? '');

test('a refusal lies over the cell below without taking its click, and goes when that cell is clicked', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const above = cell(page, 'layers.1.neurons.0.weights.1');
	const below = cell(page, 'layers.1.neurons.1.weights.1');
	// The cell mid-screen, so that the message has room below it (near the bottom it goes above):
	// once Forward's own scroll has landed, wherever a loaded machine let it land.
	await expect.poll(() => scrollStill(page)).toBe(true);
	await above.evaluate((el) => el.scrollIntoView({ block: 'center' }));
	await typeInto(page, 'layers.1.neurons.0.weights.1', 'abc');
	const alert = await expectRefusal(above, 'not a number');

	// The message covers part of the cell below; a click there is the cell's. Both boxes are
	// measured in one frame, once the page has stopped moving (the click on the cell ends
	// Forward's smooth scroll where it is; see follow-steps.ts).
	await expect.poll(() => scrollStill(page)).toBe(true);
	const [message, target] = await page.evaluate(
		([a, b]) => [a, b].map((el) => el!.getBoundingClientRect().toJSON() as DOMRect),
		[await alert.elementHandle(), await below.elementHandle()]
	);
	const x = Math.max(message.x, target.x) + 4;
	const y = Math.max(message.y, target.y) + 4;
	expect(x < Math.min(message.x + message.width, target.x + target.width)).toBe(true);
	expect(y < Math.min(message.y + message.height, target.y + target.height)).toBe(true);
	await page.mouse.click(x, y);
	await expect.poll(() => focusedCell(page)).toBe('layers.1.neurons.1.weights.1');
	await expect(below).toHaveAttribute('aria-selected', 'true');
	await expectNoRefusal(page, above);
	await expectCells(page, afterForward);
	expect(messages).toEqual([]);
});

test('a refusal goes with an arrow key, Escape, a step, Undo or a click elsewhere', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const bias = cell(page, 'layers.0.neurons.0.bias');

	// Moving to another cell with the keyboard.
	await typeInto(page, 'layers.0.neurons.0.bias', '1e999');
	await expectRefusal(bias, /./);
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => focusedCell(page)).toBe('layers.0.neurons.0.weights.0');
	await expectNoRefusal(page, bias);

	// Escape, focus staying on the cell.
	await typeInto(page, 'layers.0.neurons.0.bias', 'x');
	await expectRefusal(bias, 'not a number');
	await page.keyboard.press('Escape');
	await expectNoRefusal(page, bias);
	await expect(bias).toBeFocused();

	// A step.
	await typeInto(page, 'layers.0.neurons.0.bias', 'x');
	await expectRefusal(bias, 'not a number');
	await button(page, 'Backward').click();
	await expectCells(page, afterBackward);
	await expectNoRefusal(page, bias);

	// Undo from the keyboard while the cell keeps focus: the notebook moved on.
	await typeInto(page, 'layers.0.neurons.0.bias', 'x');
	await expectRefusal(bias, 'not a number');
	await expect(bias).toBeFocused();
	await page.keyboard.press('ControlOrMeta+Z');
	await expectCells(page, afterForward);
	await expectNoRefusal(page, bias);

	// A click on the page outside any cell.
	await typeInto(page, 'layers.0.neurons.0.bias', 'x');
	await expectRefusal(bias, 'not a number');
	await page.locator('#forward h2').first().click();
	await expectNoRefusal(page, bias);
	expect(messages).toEqual([]);
});

test('an edit refused as focus leaves for another cell is shown, and goes at the next move', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	const input = cell(page, 'inputs.0');
	await input.click();
	await page.keyboard.type('wide');
	await cell(page, 'targets.0').click(); // leaves the editor: the edit is tried, and refused
	await expect.poll(() => focusedCell(page)).toBe('targets.0');
	await expectRefusal(input, 'wide');
	await page.keyboard.press('ArrowDown');
	await expect.poll(() => focusedCell(page)).toBe('targets.1');
	await expectNoRefusal(page, input);
	await expectCells(page, start);
	expect(messages).toEqual([]);
});

test('refused block pastes, in a grid and in the samples table, go when the learner moves on', async ({
	page,
	context
}) => {
	const messages = watchConsole(page);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page);
	const paste = async (text: string) => {
		await page.evaluate((t) => navigator.clipboard.writeText(t), text);
		await page.keyboard.press('ControlOrMeta+V');
	};

	// Two rows pasted at the last input run past the grid's edge.
	const input = cell(page, 'inputs.1');
	await input.click();
	await paste('0.1\n0.2');
	await expectRefusal(input, 'nothing was pasted');
	await page.keyboard.press('Tab');
	await expectNoRefusal(page, input);
	await expectCells(page, start);

	await button(page, 'Edit data').click();
	await page.getByLabel('A samples table').check();
	const sample = page.locator('[data-sample="0.0"]');
	await sample.click();
	await paste('0.1\tnope');
	await expectRefusal(sample, 'nothing was pasted');
	await sample.press('ArrowRight');
	await expectNoRefusal(page, sample);

	await sample.click();
	await page.keyboard.type('wide');
	await page.keyboard.press('Enter');
	await expectRefusal(sample, 'wide');
	await page.getByRole('button', { name: 'Add row' }).click();
	await expectNoRefusal(page, sample);
	expect(messages).toEqual([]);
});
