/**
 * The gradient check: closed until asked for; beside every weight's and
 * bias's backprop gradient, the engine's own central finite difference and
 * relative error, at full precision in data attributes; a pinned δ makes the
 * gradients it feeds disagree, and they are flagged in words, not colour alone.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { checkGradient, GRADIENT_CHECK_TOLERANCE } from '../src/lib/engine/maths/gradient-check.ts';
import { initialiseNet } from '../src/lib/engine/fast/init.ts';
import { layerSizes } from '../src/lib/engine/maths/model.ts';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import { replayTo, step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import { parameterAddresses } from '../src/lib/engine/maths/addresses.ts';
import { button, cell, open, startOf, typeInto, watchConsole } from './support/page.ts';

const start = startOf(preset('article'));
const afterForward = step(start, 'pass');
const afterBackward = step(afterForward, 'pass');
const parameters = parameterAddresses(layerSizes(start.net));
const DELTA = 'layers.1.neurons.0.activation_gradient';

interface Row {
	analytic: string;
	numeric: string;
	relativeError: string;
	verdict: string;
}

/** What every row must show for `s`: the engine's checkGradient, written as String(x). */
function engineRows(s: Snapshot): Record<string, Row> {
	return Object.fromEntries(
		parameterAddresses(layerSizes(s.net)).map((address) => {
			const c = checkGradient(s, address);
			const verdict = c.relativeError > GRADIENT_CHECK_TOLERANCE ? 'disagrees' : 'agrees';
			const row = {
				analytic: String(c.analytic),
				numeric: String(c.numeric),
				relativeError: String(c.relativeError),
				verdict
			};
			return [address, row];
		})
	);
}

/** Every row of the gradient check on the page, by parameter address. */
async function pageRows(page: Page): Promise<Record<string, Row>> {
	return page.$$eval('#gradient-check tr[data-parameter]', (rows) =>
		Object.fromEntries(
			rows.map((r) => {
				const d = (r as HTMLElement).dataset;
				const row = {
					analytic: d.analytic!,
					numeric: d.numeric!,
					relativeError: d.relativeError!,
					verdict: d.verdict!
				};
				return [d.parameter!, row];
			})
		)
	);
}

const section = (page: Page) => page.getByRole('region', { name: 'Gradient check', exact: true });
const summary = (page: Page) => section(page).getByRole('status');
const toggle = (page: Page) => section(page).getByRole('button', { name: 'Check gradients' });

test('is closed at first, and before Backward shows the finite differences and says why the rest wait', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
	await expect(section(page).locator('tr[data-parameter]')).toHaveCount(0);

	await button(page, 'Forward').click();
	await toggle(page).click();
	await expect(section(page).getByRole('button', { name: 'Hide gradient check' })).toHaveAttribute(
		'aria-expanded',
		'true'
	);
	await expect(summary(page)).toContainText('Backward has not run yet');
	const expected = engineRows(afterBackward);
	await expect
		.poll(() => pageRows(page))
		.toEqual(
			Object.fromEntries(
				parameters.map((a) => [
					a,
					{ analytic: '', numeric: expected[a].numeric, relativeError: '', verdict: 'pending' }
				])
			)
		);
	expect(messages).toEqual([]);
});

test("after Backward every row is the engine's check, none flagged, and the analytic gradient selects its cell", async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await toggle(page).click();

	const expected = engineRows(afterBackward);
	expect(Object.values(expected).every((r) => r.verdict === 'agrees')).toBe(true);
	await expect.poll(() => pageRows(page)).toEqual(expected);
	await expect(summary(page)).toContainText('All 29 gradients agree to within 1e−4');
	await expect(summary(page)).toContainText('largest relative error');
	await expect(section(page).getByText('differs')).toHaveCount(0);
	// The gradients' home is the Train section: here they are views, never a second data-cell.
	await expect(section(page).locator('[data-cell]')).toHaveCount(0);

	const gradient = 'layers.2.neurons.1.weight_gradients.2';
	await section(page).locator(`[data-ref="${gradient}"]`).click();
	await expect(cell(page, gradient)).toHaveClass(/\bselected\b/);

	// Focus shows a finite difference in full, with real minus signs; arrow keys move along the grid.
	const row = section(page).locator('tr[data-parameter="layers.2.neurons.1.weights.2"]');
	await page.keyboard.press('ArrowRight');
	await expect(row.getByRole('gridcell').nth(1)).toBeFocused();
	await expect(row.getByRole('gridcell').nth(1)).toHaveText(
		expected[gradientParameter(gradient)].numeric.replaceAll('-', '\u2212')
	);

	const { violations } = await new AxeBuilder({ page }).include('#gradient-check').analyze();
	expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
	expect(messages).toEqual([]);
});

test('a pinned δ flags exactly the gradients it feeds, says why, and Delete clears the flags', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await toggle(page).click();
	await expect(summary(page)).toContainText('All 29 gradients agree');

	await typeInto(page, DELTA, '1');
	const edit = editStart(afterBackward, DELTA, 1);
	if (!edit.ok) throw new Error(edit.error);
	const expected = engineRows(replayTo(edit.start, afterBackward.cursor));
	const flagged = parameters.filter((a) => expected[a].verdict === 'disagrees');
	expect(flagged).toContain('layers.1.neurons.0.bias');
	expect(flagged.length).toBeLessThan(parameters.length);

	await expect.poll(() => pageRows(page)).toEqual(expected);
	for (const address of flagged) {
		const row = section(page).locator(`tr[data-parameter="${address}"]`);
		await expect(row).toHaveClass(/\bflagged\b/);
		await expect(row.getByRole('gridcell').last()).toHaveText('⚠ differs');
	}
	await expect(section(page).getByText('differs')).toHaveCount(flagged.length);
	await expect(summary(page)).toContainText(
		`${flagged.length} gradients disagree by more than 1e−4`
	);
	await expect(section(page)).toContainText('Pinned cells change the answer');

	await cell(page, DELTA).click();
	await page.keyboard.press('Delete');
	await expect.poll(() => pageRows(page)).toEqual(engineRows(afterBackward));
	await expect(summary(page)).toContainText('All 29 gradients agree');
	await expect(section(page)).not.toContainText('Pinned cells change the answer');
	expect(messages).toEqual([]);
});

/** A 20-30-2 net: 630 parameters in layer 0, more than a table shows unasked, and 62 in layer 1. */
function wideNotebook(): Notebook {
	const net = initialiseNet([20, 30, 2], 'tanh', 5);
	return {
		format: 'gradsheet-notebook',
		version: 1,
		activation: 'tanh',
		learningRate: 0.01,
		inputs: Array.from({ length: 20 }, (_, i) => ((i % 7) - 3) / 5),
		targets: [0.25, -0.5],
		layers: net.layers.map((layer) => ({
			neurons: layer.neurons.map((n) => ({ bias: n.bias, weights: [...n.weights] }))
		}))
	};
}

test('a big layer is checked in slices and summarised, and shows its rows when opened', async ({
	page
}) => {
	const messages = watchConsole(page);
	const notebook = wideNotebook();
	await open(page, `/${await shareHash(notebook)}`);
	await expect(cell(page, 'layers.0.neurons.0.bias')).toHaveAttribute(
		'data-value',
		String(notebook.layers[0].neurons[0].bias)
	);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await toggle(page).click();

	const expected = engineRows(step(step(startOf(notebook), 'pass'), 'pass'));
	expect(Object.keys(expected)).toHaveLength(692);
	expect(Object.values(expected).every((r) => r.verdict === 'agrees')).toBe(true);
	await expect(summary(page)).toContainText('All 692 gradients agree to within 1e−4');
	const big = section(page).locator('details');
	await expect(big.locator('summary')).toContainText('Layer 0, 630 parameters');
	await expect(big.locator('summary')).toContainText('All 630 gradients agree');
	await expect(section(page).locator('tr[data-parameter]')).toHaveCount(62);

	await big.locator('summary').click();
	await expect(section(page).locator('tr[data-parameter]')).toHaveCount(692);
	expect(await pageRows(page)).toEqual(expected);
	expect(messages).toEqual([]);
});

/** `…weight_gradients.i` → `…weights.i` */
function gradientParameter(gradient: string): string {
	return gradient.replace('.weight_gradients.', '.weights.');
}
