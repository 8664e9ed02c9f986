/**
 * Overflow is named, never spread silently, and never costs the notebook
 * (issue 14): the step that makes ±∞ or NaN says which cell, with its formula
 * and numbers; the cells show ∞, −∞ or "not a number"; Train refuses to write
 * a non-finite parameter; a run that overflows stops at the iteration and keeps
 * the finite weights; and a reload restores the notebook, whatever it held.
 */
import { test, expect, type Page } from '@playwright/test';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { waitForSave } from './support/notebooks.ts';
import { button, cell, open, pageCells, typeInto, watchConsole } from './support/page.ts';

const note = (page: Page) => page.locator('[data-overflow]');

/** Every bias and weight the page shows is a finite number. */
async function parametersFinite(page: Page): Promise<boolean> {
	const cells = await pageCells(page);
	const parameters = Object.entries(cells).filter(([a]) => /\.(bias|weights\.\d+)$/.test(a));
	return parameters.length === 29 && parameters.every(([, v]) => Number.isFinite(Number(v)));
}

/** The page still answers: a click on Dismiss takes the note away within 5 s. */
async function answers(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Dismiss the overflow note' }).click();
	await expect(note(page)).toBeHidden({ timeout: 5000 });
}

test('with the UI alone, a linear net at η = 10 overflows by name, Train refuses, and a reload keeps it all', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Edit network').click();
	for (const l of [0, 1, 2])
		await page.getByLabel(`Activation of layer ${l}`).selectOption('linear');
	await typeInto(page, 'learning_rate', '10');
	for (let k = 0; k < 9; k++) await button(page, 'Iteration').click();
	// One of the nine was refused: its Train would have written ±∞ or NaN.
	await expect(note(page)).toContainText(/^Iteration was refused: Train would set “Layer \d/);
	await expect(note(page).locator('.katex').first()).toBeVisible();
	expect(await parametersFinite(page)).toBe(true);
	const iterations = await cell(page, 'iteration').getAttribute('data-value');

	await button(page, 'Forward').click();
	await expect(note(page)).toContainText(
		/^Forward overflowed: “(Layer \d, neuron \d: total|Loss)” is/
	);
	// The cells say what they hold: ∞ or "not a number", marked, never blank or NaN.
	const overflowed = page.locator('.cell.overflowed .number');
	await expect(overflowed.first()).toHaveText(/^(∞|−∞|not a number)$/);
	await expect(page.locator('.cell .number', { hasText: /^NaN$/ })).toHaveCount(0);
	await answers(page);

	// Reloaded, the notebook is the one left: nothing "could not be restored".
	await waitForSave(page, ['backward', 2, 0]);
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(page.getByText('could not be restored')).toHaveCount(0);
	await expect(cell(page, 'iteration')).toHaveAttribute('data-value', iterations!);
	await expect(cell(page, 'learning_rate')).toHaveAttribute('data-value', '10');
	await expect(page.locator('.cell.overflowed').first()).toBeVisible();
	expect(await parametersFinite(page)).toBe(true);
	// Undo reaches back across the reload, to finite parameters.
	await button(page, 'Undo').click();
	await expect(page.locator('.cell.overflowed')).toHaveCount(0);
	expect(await parametersFinite(page)).toBe(true);
	expect(messages).toEqual([]);
});

test('Train at η = 1e308 is refused with the bias’s formula, and a run that overflows stops at the iteration', async ({
	page
}) => {
	const article = preset('article');
	const notebook: Notebook = {
		...article,
		learningRate: 1e308,
		targets: [50, -50],
		layers: article.layers.map((layer, l) => ({
			...layer,
			activation: l === 2 ? 'linear' : 'tanh'
		}))
	};
	await open(page, '/' + (await shareHash(notebook)));
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	const before = await pageCells(page);
	await button(page, 'Train').click();
	await expect(note(page)).toContainText(
		'Train was refused: Train would set “Layer 0, neuron 0: bias” to ∞'
	);
	// The update with its numbers: b ← b − η · ∂E/∂b, η = 1 × 10^308.
	await expect(note(page).getByRole('region')).toContainText('10308');
	expect(await pageCells(page)).toEqual(before);
	await answers(page);

	// A run of the linear net at η = 10 diverges: it stops at the iteration whose Train overflowed,
	// keeps the finite weights before it, and says so.
	const linear: Notebook = {
		...article,
		learningRate: 10,
		layers: article.layers.map((layer) => ({ ...layer, activation: 'linear' }))
	};
	await open(page, '/' + (await shareHash(linear)));
	const run = page.locator('#run');
	await run.getByRole('textbox', { name: 'Iterations' }).fill('1000');
	await run.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(run).toHaveAttribute('data-status', 'overflow', { timeout: 20_000 });
	await expect(run.getByRole('status')).toContainText(
		/^Stopped: iteration \d+'s Train overflowed .* Kept the \d+ iterations before it\./
	);
	expect(await parametersFinite(page)).toBe(true);
});
