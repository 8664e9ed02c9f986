/**
 * The gradient chart: a run of the article's net draws one line per layer
 * through every report, on a log scale, and its table shows each layer's
 * mean |δ| exactly as the trainer reports it in the same browser.
 */
import { test, expect } from '@playwright/test';
import { preset } from '../src/lib/engine/document/presets.ts';
import { formatCount } from '../src/lib/engine/document/number-text.ts';
import { formatGradient } from '../src/lib/state/run-format.ts';
import { enginePage } from './support/engine-in-browser.ts';
import { open, watchConsole } from './support/page.ts';

const article = preset('article');
const COUNT = 200_000;
const EVERY = 2_000;

test('a run draws each layer’s mean |δ| per report, as the trainer computes it', async ({
	page,
	browser
}) => {
	const messages = watchConsole(page);
	await open(page);
	const panel = page.locator('#run');
	await panel.getByRole('textbox', { name: 'Iterations' }).fill(formatCount(COUNT));
	await panel.getByRole('textbox', { name: 'Report every' }).fill(formatCount(EVERY));
	await panel.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(panel).toHaveAttribute('data-status', 'finished', { timeout: 60_000 });

	const engine = await enginePage(browser);
	const reports = await engine.evaluate(
		([nb, n, every]) => runReference.trainerReports(nb, n, every),
		[article, COUNT, EVERY] as const
	);
	// Iteration 0 alone, every 2,000th up to 198,000, and the partial rest.
	expect(reports).toHaveLength(COUNT / EVERY + 1);
	const layers = ['Layer 0', 'Layer 1', 'Layer 2 (output)'];

	const figure = panel.getByRole('figure', { name: 'Gradient size per layer' });
	const chart = figure.getByRole('img', { name: /Mean \|δ\| per layer/ });
	await expect(figure.locator('.legend li')).toHaveText(layers);
	await expect(chart.locator('path.line')).toHaveCount(layers.length);
	const points = await chart
		.locator('path.line')
		.evaluateAll((paths) => paths.map((p) => p.getAttribute('d')!.split('L').length));
	expect(points).toEqual(layers.map(() => reports.length));
	await expect(chart.locator('path.marker')).toHaveCount(layers.length * reports.length);
	await expect(chart.locator('.axis-title')).toHaveText(['iteration', 'mean |δ| (log scale)']);

	// The text alternative: every number the chart draws, in full in data-value and as shown.
	const table = figure.getByRole('table', { name: /Mean \|δ\| per layer/ });
	await expect(table.locator('thead th')).toHaveText(['iteration', 'averaged over', ...layers]);
	const rows = await table.locator('tbody tr').evaluateAll((trs) =>
		trs.map((tr) => ({
			head: [...tr.querySelectorAll('th, td:not([data-value])')].map((c) => c.textContent),
			values: [...tr.querySelectorAll('td[data-value]')].map((c) => c.getAttribute('data-value')),
			texts: [...tr.querySelectorAll('td[data-value]')].map((c) => c.textContent)
		}))
	);
	expect(rows).toEqual(
		reports.map((r) => ({
			head: [formatCount(r.iteration), `${formatCount(r.count)}${r.partial ? ' (partial)' : ''}`],
			values: r.meanAbsDelta.map(String),
			texts: r.meanAbsDelta.map(formatGradient)
		}))
	);
	// The gradients moved over the run, or the comparison proves little.
	expect(new Set(reports.map((r) => r.meanAbsDelta[0])).size).toBeGreaterThan(10);
	expect(messages).toEqual([]);
});
