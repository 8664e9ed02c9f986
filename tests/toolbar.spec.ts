/**
 * The toolbar as a learner meets it: a run holds the notebook (every step,
 * edit and Undo is refused where it was asked for, and Cancel sits beside the
 * steps); why a button is disabled is text beside it; the step letters and
 * their help dialog; focus that never falls to the page; skip links; and a
 * header that keeps its height from step to step, compact on a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { step, type Granularity } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import { CELL_KEYS, SHORTCUTS, keyLabel } from '../src/lib/state/shortcuts.ts';
import { RUN_GOING, waiting } from '../src/lib/state/step-actions.ts';
import { enginePage } from './support/engine-in-browser.ts';
import {
	button,
	cell,
	expectCells,
	open,
	pageCells,
	startOf,
	tabTo,
	typeInto,
	watchConsole
} from './support/page.ts';

const article = preset('article');
const panel = (page: Page) => page.locator('#run');
const why = (page: Page) => page.locator('#steps-why');
// A run on two busy cores, and an engine page beside it: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const STEP_NAMES = [
	'Forward',
	'Backward',
	'Train',
	'Next line',
	'Next neuron',
	'Next layer',
	'Iteration'
];

async function startRun(page: Page, count: string): Promise<void> {
	await panel(page).getByRole('textbox', { name: 'Iterations' }).fill(count);
	await panel(page).getByRole('button', { name: 'Run', exact: true }).click();
	await expect(panel(page)).toHaveAttribute('data-status', 'running');
	await expect
		.poll(async () => Number(await panel(page).getAttribute('data-done')))
		.toBeGreaterThan(0);
}

test('a run holds the notebook: steps, their keys, Undo, edits, the history and presets are refused saying why, and Cancel beside the steps keeps what it trained', async ({
	page,
	browser
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Iteration').click();
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '1');
	const before = await pageCells(page);
	await startRun(page, '30,000,000');

	// The steps and Undo are disabled, and the line beside them says why, for eyes and for screen readers.
	for (const name of [...STEP_NAMES, 'Undo']) await expect(button(page, name)).toBeDisabled();
	await expect(why(page)).toHaveText(RUN_GOING);
	await expect(why(page)).toBeInViewport();
	await expect(button(page, 'Forward')).toHaveAccessibleDescription(RUN_GOING);
	await expect(button(page, 'Undo')).toHaveAccessibleDescription(RUN_GOING);

	// Neither the step letters nor Ctrl+Z move the notebook; the run goes on.
	for (const key of ['f', 'i', 'Alt+KeyN', 'Control+z']) await page.keyboard.press(key);
	await expect(panel(page)).toHaveAttribute('data-status', 'running');

	// An edit is refused at the cell with the same reason; the old number stays.
	const weight = 'layers.1.neurons.0.weights.2';
	await typeInto(page, weight, '0.5');
	await expect(cell(page, weight).getByRole('alert')).toHaveText(RUN_GOING);
	await expect(cell(page, weight)).toHaveAttribute('data-value', before[weight]);

	// The history panel's iterations wait too, saying why.
	const listed = page.getByRole('button', { name: /^Iteration 1, loss/ });
	await expect(listed).toBeDisabled();
	await expect(listed).toHaveAccessibleDescription(RUN_GOING);

	// A preset is refused where it was asked for.
	await page.getByRole('button', { name: 'Edit network' }).click();
	await page.getByLabel('Preset').selectOption('xor');
	await page.getByRole('button', { name: 'Open preset' }).click();
	await expect(page.locator('#network .refusal')).toHaveText(RUN_GOING);
	await expect(panel(page)).toHaveAttribute('data-status', 'running');
	expect(await pageCells(page)).toEqual(before);

	// Cancel beside the steps ends the run as the Run panel's own Cancel does: its iterations are kept.
	await page.getByRole('button', { name: 'Cancel run' }).click();
	await expect(panel(page)).toHaveAttribute('data-status', 'cancelled');
	const done = Number(await panel(page).getAttribute('data-done'));
	expect(done).toBeGreaterThan(0);
	expect(done).toBeLessThan(30_000_000);
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', String(1 + done));
	await expect(why(page)).toHaveText(waiting('done'));
	await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
	const engine = await enginePage(browser);
	const trained = (n: number) =>
		engine.evaluate(([nb, count]) => runReference.trainedCells(nb, count), [article, n] as const);
	expect(await pageCells(page)).toEqual(await trained(1 + done));

	// Stepping by hand resumes from the trained weights.
	await expect(button(page, 'Forward')).toBeEnabled();
	await button(page, 'Iteration').click();
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', String(2 + done));
	expect(await pageCells(page)).toEqual(await trained(2 + done));
	expect(messages).toEqual([]);
});

test('why a pass button is disabled is text beside it, announced, and its accessible description', async ({
	page
}) => {
	await open(page);
	await expect(why(page)).toHaveRole('status');
	const expectWaiting = async (pass: 'forward' | 'backward' | 'train' | 'done', off: string[]) => {
		await expect(why(page)).toHaveText(waiting(pass));
		await expect(why(page)).toBeVisible();
		for (const name of off) {
			await expect(button(page, name)).toBeDisabled();
			await expect(button(page, name)).toHaveAccessibleDescription(waiting(pass));
		}
		for (const name of ['Forward', 'Backward', 'Train'].filter((n) => !off.includes(n)))
			await expect(button(page, name)).not.toHaveAccessibleDescription(waiting(pass));
	};
	await expectWaiting('forward', ['Backward', 'Train']);
	await button(page, 'Forward').click();
	await expectWaiting('backward', ['Forward', 'Train']);
	await button(page, 'Backward').click();
	await expectWaiting('train', ['Forward', 'Backward']);
	await button(page, 'Train').click();
	await expectWaiting('done', ['Backward', 'Train']);
});

test('the step letters step from anywhere but a field, Alt+letter from a field too, and a focused cell still begins an edit with a digit', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	let s: Snapshot = startOf(article);
	const expectStep = async (granularity: Granularity) => {
		s = step(s, granularity);
		await expectCells(page, s);
	};
	for (const [name, keys] of [
		['Forward', 'F Alt+F'],
		['Next neuron', 'N Alt+N'],
		['Undo', 'Control+Z']
	])
		await expect(button(page, name)).toHaveAttribute('aria-keyshortcuts', keys);

	await page.keyboard.press('n');
	await expectStep('neuron');
	await page.keyboard.press('Shift+L');
	await expectStep('layer');
	await page.keyboard.press('f');
	await expectStep('pass');

	// In a focused cell B is Backward, not the start of an edit; a digit still begins one.
	const weight = cell(page, 'layers.0.neurons.1.weights.0');
	await weight.click();
	await page.keyboard.press('b');
	await expectStep('pass');
	await expect(weight).toBeFocused();
	await page.keyboard.press('7');
	const editor = page.getByRole('textbox', { name: /^New value for/ });
	await expect(editor).toHaveValue('7');
	// In the cell's editor a letter is typed, not a step.
	await page.keyboard.press('t');
	await expect(editor).toHaveValue('7t');
	await page.keyboard.press('Escape');
	await expectCells(page, s);

	// In a field a letter is text; Alt+T trains.
	const count = panel(page).getByRole('textbox', { name: 'Iterations' });
	await count.fill('');
	await count.press('t');
	await expect(count).toHaveValue('t');
	await expectCells(page, s);
	await count.press('Alt+t');
	await expectStep('pass');
	await expect(count).toBeFocused();

	// I runs a whole iteration (the next sample's: the iteration cell counts it).
	await count.evaluate((el) => el.blur());
	await page.keyboard.press('i');
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '2');
	expect(messages).toEqual([]);
});

test('? opens a dialog of every shortcut and the cells’ keys; Escape closes it and focus returns', async ({
	page
}) => {
	await open(page);
	const forward = button(page, 'Forward');
	await forward.focus();
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	for (const { keys, does } of [...SHORTCUTS, ...CELL_KEYS]) {
		const row = dialog.getByRole('row').filter({ hasText: does });
		await expect(row).toHaveCount(1);
		await expect(row.locator('kbd')).toHaveText(keys.map(keyLabel));
	}
	// Behind the modal nothing steps.
	await page.keyboard.press('f');
	await expect(cell(page, 'layers.0.neurons.0.value')).toHaveAttribute('data-value', '');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(forward).toBeFocused();

	const opener = button(page, 'Shortcuts (?)');
	await expect(opener).toHaveAttribute('aria-keyshortcuts', '?');
	await opener.click();
	await expect(dialog).toBeVisible();
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(dialog).toBeHidden();
	await expect(opener).toBeFocused();
});

test('a pass button that disables itself hands focus to the next pass, from a click or its key', async ({
	page
}) => {
	await open(page);
	const [forward, backward, train] = ['Forward', 'Backward', 'Train'].map((n) => button(page, n));
	await forward.focus();
	await page.keyboard.press('Enter');
	await expect(backward).toBeFocused();
	await page.keyboard.press('Space');
	await expect(train).toBeFocused();
	await train.click();
	await expect(forward).toBeFocused();
	// The key of the focused button does the same.
	await page.keyboard.press('f');
	await expect(backward).toBeFocused();
	await page.keyboard.press('b');
	await expect(train).toBeFocused();
	// A step from elsewhere leaves focus where it was.
	const bias = cell(page, 'layers.0.neurons.0.bias');
	await bias.click();
	await page.keyboard.press('t');
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '2');
	// Train moved the bias's editable home to its table; its place in Forward keeps the focus.
	await expect(page.locator('#forward [data-ref="layers.0.neurons.0.bias"]')).toBeFocused();
});

for (const [width, height] of [
	[1400, 900],
	[390, 844]
]) {
	test(`at ${width}×${height} skip links come first, show when focused, and land on the passes and Run below the header`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		for (const [name, id] of [
			['Skip to Forward', 'forward'],
			['Skip to Backward', 'backward'],
			['Skip to Train', 'train'],
			['Skip to Run', 'run']
		]) {
			await open(page);
			const link = page.getByRole('link', { name });
			await expect(link).not.toBeInViewport();
			await tabTo(page, link, 5);
			await expect(link).toBeInViewport();
			await expect(link).toHaveAttribute('href', `#${id}`);
			await page.keyboard.press('Enter');
			const heading = page.locator(`#${id} h2`);
			await expect(heading).toBeFocused();
			// In view, and not under the sticky header.
			const header = (await page.locator('header.top').boundingBox())!;
			await expect
				.poll(async () => {
					const top = (await heading.boundingBox())!.y;
					return top >= header.y + header.height && top < height / 2;
				})
				.toBe(true);
		}
	});
}

for (const [width, height, most] of [
	[1400, 900, Infinity],
	[390, 844, 125]
]) {
	test(`at ${width}×${height} the header keeps one height through every step and a run${most < Infinity ? `, at most ${most} px` : ''}`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await open(page);
		const header = page.locator('header.top');
		const heightNow = async () => (await header.boundingBox())!.height;
		const first = await heightNow();
		expect(first).toBeLessThanOrEqual(most);
		// Every step button whole on screen, on one row, and nothing wider than the window.
		const boxes = await Promise.all(
			STEP_NAMES.map(async (name) => button(page, name).boundingBox())
		);
		for (const [k, box] of boxes.entries()) {
			expect(box!.x, STEP_NAMES[k]).toBeGreaterThanOrEqual(0);
			expect(box!.x + box!.width, STEP_NAMES[k]).toBeLessThanOrEqual(width);
			expect(box!.y, STEP_NAMES[k]).toBe(boxes[0]!.y);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
		const seen: Record<string, number> = {};
		for (const name of [
			'Forward',
			'Next line',
			'Next neuron',
			'Next layer',
			'Backward',
			'Next line',
			'Next neuron',
			'Train',
			'Iteration',
			'Forward',
			'Iteration'
		]) {
			await button(page, name).click();
			seen[`after ${name}`] = await heightNow();
		}
		await expect(cell(page, 'iteration')).toHaveAttribute('data-value', '3');
		// A learner's long numbers: 17 digits of loss.
		await page.getByLabel('digits').selectOption('17');
		seen['17 digits'] = await heightNow();
		await startRun(page, '30,000,000');
		seen['running'] = await heightNow();
		await page.getByRole('button', { name: 'Cancel run' }).click();
		await expect(panel(page)).toHaveAttribute('data-status', 'cancelled');
		seen['after the run'] = await heightNow();
		expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, first])));
	});
}

for (const [width, height] of [
	[1400, 900],
	[390, 844]
]) {
	test(`at ${width}×${height} the formula bar keeps one height whichever cell a step or the learner selects`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await open(page);
		const heights: Record<string, string[]> = {};
		// Before any pass (nothing computed yet) and after a whole iteration (every formula with numbers).
		for (const name of ['', 'Iteration']) {
			if (name) await button(page, name).click();
			// Every cell and copy in turn, as a learner tabbing through would select them: the
			// tallest formulas (sums, a pinned note, a wrapped stage note) included.
			const seen = await page.evaluate(async () => {
				const bar = document.querySelector<HTMLElement>('section.formula-bar')!;
				const byHeight: Record<string, string[]> = {};
				for (const el of document.querySelectorAll<HTMLElement>('[data-cell], [data-ref]')) {
					el.focus({ preventScroll: true });
					await new Promise((done) => requestAnimationFrame(done));
					// A formula taller than the bar would scroll inside it: none of the article's does.
					const h =
						bar.scrollHeight > bar.clientHeight + 1
							? 'overflowing'
							: String(Math.round(bar.getBoundingClientRect().height));
					(byHeight[h] ??= []).push(el.dataset.cell ?? el.dataset.ref!);
				}
				return byHeight;
			});
			for (const [h, cells] of Object.entries(seen)) (heights[h] ??= []).push(...cells);
		}
		expect(Object.keys(heights), JSON.stringify(heights).slice(0, 400)).toHaveLength(1);
	});
}
