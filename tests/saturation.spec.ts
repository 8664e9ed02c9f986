/**
 * Why it learns slowly (issue 13): a tanh neuron pushed to |a| > 0.99 by a big
 * weight is marked saturated in its value cell, the diagram and the formula
 * bar; with ReLU in layer 0, a neuron at a = 0 on every sample of the last
 * report is marked dead; the neurons that are neither carry no mark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { address } from '../src/lib/engine/maths/addresses.ts';
import { button, cell, formulaBar, open, typeInto, watchConsole } from './support/page.ts';

const value = (page: Page, j: number) => cell(page, address.neuron(0, j, 'value'));

async function shoot(page: Page, name: string) {
	for (const [width, height] of [
		[1400, 900],
		[390, 844]
	]) {
		await page.setViewportSize({ width, height });
		await page.screenshot({ path: `/tmp/saturation-shots/${name}-${width}.png` });
		await page
			.locator('figure:has(g.node)')
			.screenshot({ path: `/tmp/saturation-shots/${name}-diagram-${width}.png` });
	}
	await page.setViewportSize({ width: 1400, height: 900 });
}

test('saturated and dead neurons are marked, with why, and the others are not', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await expect(value(page, 0)).not.toHaveAttribute('data-value', '');
	// The article's net as it starts: nothing saturated or dead.
	await expect(page.locator('[data-saturated], [data-dead]')).toHaveCount(0);

	// A weight of 6 from input 0 (0.609): z = −0.878 + 6·0.609 + 0.528·0.941 = 3.27, a = tanh z = 0.9971.
	// The edit recomputes the forward pass this iteration has run.
	await typeInto(page, address.weight(0, 0, 0), '6');
	const mark = value(page, 0).locator('[data-saturated]');
	await expect(mark).toHaveText(/sat\./);
	await expect(mark).toHaveAttribute('title', /tanh′\(z\) = 1 − a² = .*barely move/);
	await expect(value(page, 1).locator('[data-saturated], [data-dead]')).toHaveCount(0);
	await expect(page.locator('g.node[data-saturated]')).toHaveCount(1);
	await value(page, 0).click();
	// 1 − 0.9971² = 0.0057: δ is scaled by it.
	await expect(formulaBar(page)).toContainText(
		'Saturated: a = 0.9971 (|a| > 0.99), so tanh′(z) = 1 − a² = 0.0057'
	);
	await shoot(page, 'tanh');

	// ReLU in layer 0: neuron 2 (b 0.06, w −0.13 and −0.97 on inputs in [0.1, 1)) has z < 0 on every sample.
	await button(page, 'Edit network').click();
	await page.getByLabel('Activation of layer 0').selectOption('relu');
	// A new net starts the iteration afresh.
	await button(page, 'Forward').click();
	await expect(value(page, 2).locator('[data-dead]')).toHaveText(/dead/);
	await expect(value(page, 2)).toHaveAttribute('data-value', '0');
	await expect(value(page, 0).locator('[data-saturated], [data-dead]')).toHaveCount(0);
	await expect(value(page, 1).locator('[data-saturated], [data-dead]')).toHaveCount(0);
	await expect(page.locator('g.node[data-dead]')).toHaveCount(1);
	await cell(page, address.neuron(0, 2, 'activation_gradient')).click();
	await expect(formulaBar(page)).toContainText(
		'Dead: a = 0 on all 100 samples of the last report, so ReLU′(z) = [a > 0] = 0'
	);
	await shoot(page, 'relu');

	// axe over what this feature draws: the tables holding the marks, the diagram, the formula bar.
	const { violations } = await new AxeBuilder({ page })
		.include('table:has([data-dead])')
		.include('figure:has(g.node)')
		.include('section.formula-bar')
		.analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	expect(messages).toEqual([]);
});
