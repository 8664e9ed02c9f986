/**
 * What the browser remembers apart from the notebook: the digits and the
 * diagram's colours survive a reload; a stored preference that is not valid
 * falls back to its default alone, with no console error.
 */
import { expect, test, type Page } from '@playwright/test';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { formatNumber } from '../src/lib/tex/numbers.ts';
import { button, cell, open, startOf, watchConsole } from './support/page.ts';

const PREFERENCES_KEY = 'gradsheet:preferences';
const digits = (page: Page) => page.getByRole('combobox', { name: 'digits' });
const colourBy = (page: Page, mode: string) =>
	page.getByRole('group', { name: 'Colour by' }).getByRole('radio', { name: mode });
const z = 'layers.1.neurons.0.total';

async function reload(page: Page): Promise<void> {
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

test('the digits and the diagram’s colours survive a reload', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const value = cellValue(step(startOf(preset('article')), 'pass'), z)!;
	await expect(cell(page, z).locator('.number')).toHaveText(formatNumber(value, 4));

	await digits(page).selectOption('8');
	await colourBy(page, 'gradients').check();
	await reload(page);

	await expect(digits(page)).toHaveValue('8');
	await expect(cell(page, z).locator('.number')).toHaveText(formatNumber(value, 8));
	await expect(colourBy(page, 'gradients')).toBeChecked();
	await expect(page.getByText('Neurons by activation_gradient')).toBeVisible();
	expect(messages).toEqual([]);
});

test('a stored preference that is not valid falls back to its default, keeping the valid ones', async ({
	page
}) => {
	const messages = watchConsole(page);
	await page.addInitScript((key) => {
		localStorage.setItem(
			key,
			JSON.stringify({ precision: 8, colourBy: '<img src=x onerror=alert(1)>', follow: 'maybe' })
		);
	}, PREFERENCES_KEY);
	await open(page);
	await expect(digits(page)).toHaveValue('8');
	await expect(colourBy(page, 'values')).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'follow steps' })).toBeChecked();
	await button(page, 'Forward').click();
	await expect(page.getByRole('region', { name: 'Formula' }).locator('code')).toHaveText(
		'layers.0.neurons.0.total'
	);
	expect(messages).toEqual([]);
});

test('stored preferences that are not JSON at all give the defaults', async ({ page }) => {
	const messages = watchConsole(page);
	await page.addInitScript((key) => localStorage.setItem(key, '{"precision": 8,'), PREFERENCES_KEY);
	await open(page);
	await expect(digits(page)).toHaveValue('4');
	await expect(colourBy(page, 'values')).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'follow steps' })).toBeChecked();
	expect(messages).toEqual([]);
});
