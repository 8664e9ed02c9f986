/**
 * axe-core on the notebook: at the start, after Forward and Backward with a
 * cell selected (formula bar and highlights showing), with every panel open
 * (network and data editors, history, gradient check, a finished run), in
 * predict mode with a right and a wrong prediction, and on a 390 px phone. No violation of impact "serious" or "critical" may remain.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import {
	button,
	cell,
	expectCells,
	formulaBar,
	open,
	startOf,
	typeInto,
	watchConsole
} from './support/page.ts';

const start = startOf(preset('article'));

// An axe pass over the whole page takes seconds of CPU, more with every panel open.
test.describe.configure({ timeout: 120_000 });

/** The serious and critical violations on the page, written out one node per line. */
async function seriousViolations(page: Page): Promise<string[]> {
	const { violations } = await new AxeBuilder({ page }).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) =>
			v.nodes.map(
				(n) =>
					`${v.impact} ${v.id}: ${v.help}\n    at ${n.target.join(' ')}\n    ${n.html.slice(0, 200)}\n    ${n.failureSummary?.replace(/\n/g, ' ') ?? ''}`
			)
		);
}

test('the notebook at the start has no serious or critical accessibility violations', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await expectCells(page, start);
	expect(await seriousViolations(page)).toEqual([]);
	expect(messages).toEqual([]);
});

// Stepped with a cell selected (formula bar and highlights showing) is the tracer's case below, at both widths.

test('a pinned cell, a refused edit and the pinned list have no serious or critical violations', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await typeInto(page, 'layers.0.neurons.0.value', '0.5');
	await typeInto(page, 'layers.1.neurons.0.bias', 'abc');
	await expect(cell(page, 'layers.1.neurons.0.bias').getByRole('alert')).toBeVisible();
	await expect(page.locator('[aria-label="Pinned cells"]')).toBeVisible();
	expect(await seriousViolations(page)).toEqual([]);
	expect(messages).toEqual([]);
});

test('predict mode with a right and a wrong prediction has no serious or critical violations', async ({
	page
}) => {
	const messages = watchConsole(page);
	const z = cellValue(step(start, 'neuron'), 'layers.0.neurons.0.total')!;
	for (const width of [1400, 390]) {
		await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
		// A fresh start at each width: the autosave (IndexedDB) and the preferences forgotten.
		await page
			.evaluate(() => (localStorage.clear(), void indexedDB.deleteDatabase('gradsheet')))
			.catch(() => undefined);
		await open(page);
		await page.getByRole('checkbox', { name: 'predict' }).check();
		await typeInto(page, 'layers.0.neurons.0.total', String(z));
		await typeInto(page, 'layers.0.neurons.0.value', '5');
		await typeInto(page, 'layers.0.neurons.1.total', '0.5');
		await button(page, 'Next neuron').click();
		await expect(page.locator('[data-prediction="right"]')).toHaveCount(1);
		await expect(page.locator('[data-prediction="wrong"]')).toHaveCount(1);
		await expect(page.locator('[data-prediction="pending"]')).toHaveCount(1);
		await cell(page, 'layers.0.neurons.0.value').click();
		await expect(formulaBar(page).locator('[data-prediction-note="wrong"]')).toBeVisible();
		expect(await seriousViolations(page), `at ${width} px`).toEqual([]);
	}
	expect(messages).toEqual([]);
});

test('at 390 px wide, at the start, there are no serious or critical violations', async ({
	page
}) => {
	const messages = watchConsole(page);
	await page.setViewportSize({ width: 390, height: 844 });
	await open(page);
	await expectCells(page, start);
	expect(await seriousViolations(page)).toEqual([]);
	expect(messages).toEqual([]);
});

for (const [width, height] of [
	[1400, 900],
	[390, 844]
]) {
	test(`at ${width} px the code tracer mid-sum, every pass open and a cell selected, has no serious or critical violations`, async ({
		page
	}) => {
		const messages = watchConsole(page);
		await page.setViewportSize({ width, height });
		await open(page);
		await button(page, 'Next line').click();
		await button(page, 'Next line').click();
		await expect(cell(page, 'layers.0.neurons.0.total')).toHaveClass(/partial/);
		await cell(page, 'layers.0.neurons.0.total').click();
		await button(page, 'Backward pass').click();
		await button(page, 'Train pass').click();
		const tracer = page.locator('section.tracer');
		await expect(tracer.locator('ol:visible')).toHaveCount(3);
		await expect(tracer.locator('li[data-here]')).toHaveCount(2);
		await expect(tracer.locator('[data-watch]')).toHaveCount(2);
		await expect(formulaBar(page).locator('.katex').first()).toBeVisible();
		await expect(page.locator('[data-cell].precedent').first()).toBeVisible();
		expect(await seriousViolations(page)).toEqual([]);
		expect(messages).toEqual([]);
	});
}

/** Opens every panel: network and data editors (a table of samples), history, gradient check, a run's report. */
async function openEveryPanel(page: Page): Promise<void> {
	await button(page, 'Iteration').click();
	await button(page, 'Iteration').click();
	await expect(page.getByRole('region', { name: /History/ }).getByRole('button')).toHaveCount(2);
	await button(page, 'Edit network').click();
	await expect(page.locator('#network-editor')).toBeVisible();
	await button(page, 'Edit data').click();
	await page.getByLabel('A samples table').check();
	await page.getByLabel('Fill a table with').fill('5');
	await button(page, 'Fill table').click();
	await expect(page.locator('[data-sample]')).toHaveCount(5 * 4);
	await page.getByLabel('Iterations', { exact: true }).fill('2000');
	await button(page, 'Run').click();
	await expect(page.locator('#run')).toHaveAttribute('data-status', 'finished', {
		timeout: 60_000
	});
	await expect(page.locator('#run-reports')).toBeVisible();
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await button(page, 'Check gradients').click();
	await expect(page.locator('#gradient-check-results')).toBeVisible();
	await expect(page.locator('#gradient-check-results')).toContainText('agree');
}

for (const width of [1400, 390]) {
	test(`at ${width} px with every panel open there are no serious or critical violations`, async ({
		page
	}) => {
		const messages = watchConsole(page);
		await page.setViewportSize({ width, height: 900 });
		await open(page);
		await openEveryPanel(page);
		expect(await seriousViolations(page)).toEqual([]);
		expect(messages).toEqual([]);
	});
}
