/**
 * Following the steps: each step brings the first cell it computed into view,
 * clear of the pinned header and of the formula bar (docked at the bottom on
 * a phone), and into the formula bar, without taking keyboard focus from the
 * button pressed; smooth, or instant for reduced motion; in a big net's
 * windowed tables and in sections skipped while off screen; never on edits,
 * undo, redo or a run, nor while the user types. The toggle turns it off and
 * is remembered.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import {
	button,
	cell,
	formulaBar,
	inFull,
	nextStep,
	open,
	startOf,
	tabTo,
	typeInto,
	watchConsole
} from './support/page.ts';
import { netNotebook } from './support/notebooks.ts';

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const article = preset('article');

/** Records the behaviour each window.scrollTo call asks for, before the app's own code runs. */
async function spyOnScrolls(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const calls: string[] = [];
		(window as unknown as { scrolls: string[] }).scrolls = calls;
		const original = window.scrollTo.bind(window);
		window.scrollTo = ((options?: ScrollToOptions | number, y?: number) => {
			calls.push(typeof options === 'object' ? (options.behavior ?? 'auto') : 'auto');
			return typeof options === 'object' ? original(options) : original(options ?? 0, y ?? 0);
		}) as typeof window.scrollTo;
	});
}
const scrolls = (page: Page) =>
	page.evaluate(() => (window as unknown as { scrolls: string[] }).scrolls);

/**
 * Whether `target` shows whole, not under the header or a docked formula bar:
 * what the browser draws at its top, middle and bottom is the cell itself.
 */
const inClearView = (target: Locator) =>
	target.evaluate((el) => {
		const box = el.getBoundingClientRect();
		const x = box.left + box.width / 2;
		if (box.left < 0 || box.right > innerWidth) return false;
		return [box.top + 2, (box.top + box.bottom) / 2, box.bottom - 2].every((y) => {
			const hit = document.elementFromPoint(x, y);
			return hit !== null && el.contains(hit);
		});
	});

/** The formula bar names the cell by its address. */
const barShows = (page: Page, address: string) =>
	expect(formulaBar(page).locator('code')).toHaveText(address);

/** A Train step's bias in Train's table: once trained, its home (the new number) is there. */
const trainView = (page: Page, address: string) => page.locator(`#train [data-cell="${address}"]`);

for (const [name, viewport] of [
	['a wide screen', DESKTOP],
	['a phone', PHONE]
] as const) {
	test(`on ${name}, each step brings the first cell it computed into view and into the formula bar`, async ({
		page
	}) => {
		const messages = watchConsole(page);
		await page.setViewportSize(viewport);
		await open(page);
		const s0 = startOf(article);
		const forward = step(s0, 'pass');

		// Today's first screen ends above the Forward tables: the cell is below it.
		const z = cell(page, 'layers.0.neurons.0.total');
		expect(await inClearView(z)).toBe(false);
		await button(page, 'Forward').click();
		await barShows(page, 'layers.0.neurons.0.total');
		await expect(z).toHaveAttribute('aria-selected', 'true');
		await expect(formulaBar(page).locator('output')).toHaveText(
			inFull(cellValue(forward, 'layers.0.neurons.0.total')!)
		);
		await expect.poll(() => inClearView(z)).toBe(true);

		// Backward starts at the last layer: its first δ.
		await button(page, 'Backward').click();
		const delta = cell(page, 'layers.2.neurons.0.activation_gradient');
		await barShows(page, 'layers.2.neurons.0.activation_gradient');
		await expect.poll(() => inClearView(delta)).toBe(true);

		// Train's first update, in Train's table (a section skipped while off screen).
		await button(page, 'Train').click();
		await barShows(page, 'layers.0.neurons.0.bias');
		await expect(trainView(page, 'layers.0.neurons.0.bias')).toHaveClass(/selected/);
		await expect.poll(() => inClearView(trainView(page, 'layers.0.neurons.0.bias'))).toBe(true);

		// Iteration from a finished one: the next iteration's first total, back up the page.
		await button(page, 'Iteration').click();
		await barShows(page, 'layers.0.neurons.0.total');
		await expect.poll(() => inClearView(z)).toBe(true);
		expect(messages).toEqual([]);
	});
}

test('a keyboard user who steps by Forward then Enter goes on to Backward and Train, never into the tables', async ({
	page
}) => {
	await page.setViewportSize(DESKTOP);
	await open(page);
	await tabTo(page, button(page, 'Forward'), 8);
	await page.keyboard.press('Enter');
	await barShows(page, 'layers.0.neurons.0.total');
	await expect.poll(() => inClearView(cell(page, 'layers.0.neurons.0.total'))).toBe(true);
	// Forward is disabled now its pass is done: focus went on to Backward, following moved none of it.
	await expect(button(page, 'Backward')).toBeFocused();
	await page.keyboard.press('Enter');
	await barShows(page, 'layers.2.neurons.0.activation_gradient');
	await expect
		.poll(() => inClearView(cell(page, 'layers.2.neurons.0.activation_gradient')))
		.toBe(true);
	await expect(button(page, 'Train')).toBeFocused();
	// And Tab from there is the toolbar's next control, not a cell the page scrolled to.
	await page.keyboard.press('Tab');
	await expect(page.locator(':focus')).not.toHaveAttribute('role', 'gridcell');
});

test('Next neuron pressed from the keyboard keeps the focus and follows each neuron', async ({
	page
}) => {
	await page.setViewportSize(DESKTOP);
	await open(page);
	const next = button(page, 'Next neuron');
	await next.focus();
	for (const j of [0, 1, 2]) {
		await page.keyboard.press(j === 1 ? 'Space' : 'Enter');
		const address = `layers.0.neurons.${j}.total`;
		await barShows(page, address);
		await expect.poll(() => inClearView(cell(page, address))).toBe(true);
		await expect(next).toBeFocused();
	}
	// Next layer: the rest of layer 0 is done, so its first is layer 1's neuron 0.
	await page.keyboard.press('Tab');
	await expect(button(page, 'Next layer')).toBeFocused();
	await page.keyboard.press('Enter');
	await barShows(page, 'layers.1.neurons.0.total');
	await expect(button(page, 'Next layer')).toBeFocused();
});

test('the scroll is smooth, and instant for a user who prefers reduced motion', async ({
	page
}) => {
	await spyOnScrolls(page);
	await page.setViewportSize(DESKTOP);
	await open(page);
	await button(page, 'Forward').click();
	await expect.poll(() => inClearView(cell(page, 'layers.0.neurons.0.total'))).toBe(true);
	expect((await scrolls(page))[0]).toBe('smooth');

	await page.emulateMedia({ reducedMotion: 'reduce' });
	await button(page, 'Backward').click();
	await expect
		.poll(() => inClearView(cell(page, 'layers.2.neurons.0.activation_gradient')))
		.toBe(true);
	expect((await scrolls(page)).slice(1)).not.toContain('smooth');
	expect((await scrolls(page)).length).toBeGreaterThan(1);
});

test('a press while the smooth scroll goes stops the page where it is', async ({ page }) => {
	await spyOnScrolls(page);
	// The learner presses just after the smooth scroll begins, however busy the machine is.
	await page.addInitScript(() => {
		const scrollTo = window.scrollTo.bind(window);
		window.scrollTo = ((options?: ScrollToOptions | number, y?: number) => {
			scrollTo(options as number, y as number);
			if (typeof options !== 'object' || options.behavior !== 'smooth') return;
			queueMicrotask(() =>
				document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }))
			);
		}) as typeof window.scrollTo;
	});
	await page.setViewportSize(DESKTOP);
	await open(page);
	await button(page, 'Forward').click();
	await expect.poll(() => scrolls(page)).toEqual(['smooth', 'instant']);
	// Where the element in the middle of the window lies a moment after the press, and later: by
	// the element, since sections taking their real size above it move scrollY, not the view. The
	// window's scroll runs off the main thread, so it may take a frame more to stop.
	const [stoppedAt, laterAt] = await page.evaluate(async () => {
		const frame = () => new Promise(requestAnimationFrame);
		await frame();
		await frame();
		const middle = document.elementFromPoint(innerWidth / 2, innerHeight / 2)!;
		const at = middle.getBoundingClientRect().top;
		for (let n = 0; n < 30; n++) await frame();
		return [at, middle.getBoundingClientRect().top];
	});
	expect(laterAt).toBe(stoppedAt);
	await expect(cell(page, 'layers.0.neurons.0.total')).not.toBeInViewport();
});

test('edits, undo, redo and a run do not follow; typing in a cell is not interrupted', async ({
	page
}) => {
	const messages = watchConsole(page);
	await page.setViewportSize(DESKTOP);
	await open(page);
	await button(page, 'Forward').click();
	await barShows(page, 'layers.0.neurons.0.total');

	const weight = 'layers.1.neurons.2.weights.1';
	await typeInto(page, weight, '0.75');
	await cell(page, weight).click();
	await button(page, 'Undo').click();
	await button(page, 'Redo').click();
	await expect(cell(page, weight)).toHaveAttribute('data-value', '0.75');
	await page.locator('#run').getByRole('textbox', { name: 'Iterations' }).fill('3');
	await page.locator('#run').getByRole('button', { name: 'Run', exact: true }).click();
	await expect(page.locator('#run')).toHaveAttribute('data-status', 'finished');
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '3');
	// Still the cell the user chose: following selects before it scrolls, so nothing scrolled either.
	await barShows(page, weight);

	// Typing into a cell when a step comes (a click that does not take the focus): no scroll, no selection.
	const input = 'inputs.0';
	await cell(page, input).dblclick();
	const editor = page.getByRole('textbox', { name: /^New value for/ });
	await expect(editor).toBeFocused();
	await button(page, 'Forward').evaluate((b: HTMLButtonElement) => b.click());
	await expect(nextStep(page)).toHaveText('Backward: layer 2, neuron 0');
	await expect(editor).toBeFocused();
	await barShows(page, input);
	await page.keyboard.press('Escape');

	// Once the typing is over, the next step follows again.
	await button(page, 'Backward').click();
	await barShows(page, 'layers.2.neurons.0.activation_gradient');
	await expect
		.poll(() => inClearView(cell(page, 'layers.2.neurons.0.activation_gradient')))
		.toBe(true);
	expect(messages).toEqual([]);
});

test('with "follow steps" off, steps neither scroll nor select; the choice survives a reload', async ({
	page
}) => {
	await page.setViewportSize(DESKTOP);
	await open(page);
	const toggle = page.getByRole('checkbox', { name: 'follow steps' });
	await expect(toggle).toBeChecked();
	await toggle.uncheck();
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(toggle).not.toBeChecked();

	await button(page, 'Forward').click();
	await expect(cell(page, 'layers.0.neurons.0.total')).not.toHaveAttribute('data-value', '');
	await button(page, 'Backward').click();
	await expect(cell(page, 'layers.2.neurons.0.activation_gradient')).not.toHaveAttribute(
		'data-value',
		''
	);
	await expect(formulaBar(page)).toContainText('Select a cell');
	expect(await page.evaluate(() => scrollY)).toBe(0);

	await toggle.check();
	await button(page, 'Train').click();
	await barShows(page, 'layers.0.neurons.0.bias');
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(toggle).toBeChecked();
});

/** A 2-64-64-64-64-2 net: its tables are windowed, drawing only the rows and columns in view. */
function bigNotebook(): Notebook {
	return netNotebook([2, 64, 64, 64, 64, 2], 7);
}

test.describe('a big net', () => {
	test.setTimeout(90_000);

	test('follows into windowed tables, to a column off the window and a section off screen', async ({
		page
	}) => {
		const messages = watchConsole(page);
		await page.setViewportSize(DESKTOP);
		await open(page, `/${await shareHash(bigNotebook())}`);
		await button(page, 'Next layer').click();
		await barShows(page, 'layers.0.neurons.0.total');

		// Layer 1's z is column 65 of 67: not drawn until the table scrolls to it.
		const z = 'layers.1.neurons.0.total';
		await expect(cell(page, z)).toHaveCount(0);
		await button(page, 'Next layer').click();
		await barShows(page, z);
		await expect.poll(() => inClearView(cell(page, z))).toBe(true);

		await button(page, 'Forward').click();
		await button(page, 'Backward').click();
		await barShows(page, 'layers.4.neurons.0.activation_gradient');
		await expect
			.poll(() => inClearView(cell(page, 'layers.4.neurons.0.activation_gradient')))
			.toBe(true);
		await button(page, 'Train').click();
		await barShows(page, 'layers.0.neurons.0.bias');
		await expect.poll(() => inClearView(trainView(page, 'layers.0.neurons.0.bias'))).toBe(true);
		expect(messages).toEqual([]);
	});
});
