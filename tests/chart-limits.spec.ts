/**
 * The error chart near the app's limits: a run of 1,000 reports (the most a
 * run may make) of a net with 130 outputs (130,000 error %) draws a line per
 * output on labelled axes. The chart's hand-written scales spread every value
 * into Math.min, which overflowed the stack past about 125,000 values and
 * left no chart. (The full 256 outputs draw too, scales.test.ts says so, but
 * the report table's 256,000 cells make that journey a minute long.)
 */
import { expect, test } from '@playwright/test';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { netNotebook } from './support/notebooks.ts';
import { open, watchConsole } from './support/page.ts';

const OUTPUTS = 130;

test.setTimeout(90_000);

test('a run of 1,000 reports × 130 outputs draws its chart: one line per output, ticked axes', async ({
	page
}) => {
	const messages = watchConsole(page);
	const notebook = {
		...netNotebook([2, OUTPUTS], 3),
		targets: Array.from({ length: OUTPUTS }, (_, k) => 0.5 - k / (2 * OUTPUTS) + 0.001)
	};
	await open(page, `/${await shareHash(notebook)}`);
	const panel = page.locator('#run');
	await panel.getByRole('textbox', { name: 'Iterations' }).fill('1,000');
	await panel.getByRole('textbox', { name: 'Report every' }).fill('1');
	await panel.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(panel).toHaveAttribute('data-status', 'finished', { timeout: 60_000 });
	await expect(panel.locator('#run-reports tbody tr')).toHaveCount(1000);
	const chart = panel.getByRole('img', { name: /Average error %/ });
	await expect(chart.locator('path.line')).toHaveCount(OUTPUTS);
	// Every line goes through all 1,000 reports.
	const segments = await chart
		.locator('path.line')
		.evaluateAll((paths) => paths.map((p) => p.getAttribute('d')!.split('L').length));
	expect(new Set(segments)).toEqual(new Set([1000]));
	expect(await chart.locator('.y-tick').count()).toBeGreaterThan(1);
	await expect(chart.locator('.x-tick').last()).toHaveText('1k');
	expect(messages).toEqual([]);
});
