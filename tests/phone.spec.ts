/**
 * A phone (390 × 844): the chrome that stays on screen (header, pins, formula
 * bar) leaves the notebook three quarters of it; the pins and the formula bar
 * fold, and stay folded across reloads; the columns a pass computes show
 * without scrolling sideways and a table's neuron column stays put when it
 * does scroll; no section formula is cut at the right edge. And at 1400 × 900
 * the desktop keeps its one-line formulas and its full formula bar.
 */
import { expect, test, type Page } from '@playwright/test';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { describeAddress, isolatedLabels } from '../src/lib/engine/maths/cells/words.ts';
import { layerSizes } from '../src/lib/engine/maths/model.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { range } from '../src/lib/engine/maths/range.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import {
	button,
	cell,
	formulaBar,
	inFull,
	open,
	pinnedList,
	startOf,
	watchConsole
} from './support/page.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };
/** A quarter of the phone's height, for everything that stays on screen. */
const CHROME_BUDGET = Math.floor(PHONE.height / 4);
/** The sticky header's own share (title, file menu, step buttons, status); the rest is the pins' and the bar's. */
const HEADER_BUDGET = 125;

const article = preset('article');
const PINS = { 'layers.0.neurons.0.total': 0.5, 'layers.1.neurons.1.value': -0.25 };
const pinned = { ...article, overrides: PINS };
const sizes = layerSizes(startOf(article).net);
const layers = sizes.slice(1).map((n, l) => ({ l, neurons: n, inputs: sizes[l] }));

const openPinned = async (page: Page) => open(page, '/' + (await shareHash(pinned)));

/** How much of the viewport's height the fixed and stuck elements cover (outside the tables), in px. */
const chromeHeight = (page: Page) =>
	page.evaluate(() => {
		const all = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
			const position = getComputedStyle(el).position;
			return (position === 'fixed' || position === 'sticky') && !el.closest('table, .windowed');
		});
		const spans = all
			.filter((el) => !all.some((other) => other !== el && other.contains(el)))
			.map((el) => el.getBoundingClientRect())
			.filter((r) => r.height > 0 && r.bottom > 0 && r.top < innerHeight)
			.map((r) => [Math.max(0, r.top), Math.min(innerHeight, r.bottom)])
			.sort((a, b) => a[0] - b[0]);
		let covered = 0;
		let end = -Infinity;
		for (const [top, bottom] of spans) {
			if (bottom <= end) continue;
			covered += bottom - Math.max(top, end);
			end = bottom;
		}
		return covered;
	});

const heightOf = async (page: Page, selector: string) =>
	(await page.locator(selector).first().boundingBox())?.height ?? 0;

/** Scrolls the page (not the tables) so that the table holding `selector` sits high on the screen. */
async function scrollToTable(page: Page, selector: string) {
	await page.locator(selector).evaluate((el) => {
		const table = el.closest('table')!;
		scrollTo(0, scrollY + table.getBoundingClientRect().top - innerHeight / 3);
	});
}

/** Whether the element shows whole inside its table's pane and the screen, with nothing drawn over it. */
const shownWhole = (page: Page, selector: string) =>
	page.locator(selector).evaluate((el) => {
		const pane = el.closest('.scroll')!.getBoundingClientRect();
		const r = el.getBoundingClientRect();
		const inside =
			r.width > 0 &&
			r.left >= pane.left - 0.5 &&
			r.right <= pane.right + 0.5 &&
			r.right <= innerWidth;
		const onTop = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return inside && onTop !== null && el.contains(onTop);
	});

test.describe('at 390 × 844', () => {
	test.use({ viewport: PHONE });

	test('with a cell selected and two cells pinned, the chrome stays within a quarter of the screen after each step', async ({
		page
	}) => {
		const messages = watchConsole(page);
		await openPinned(page);
		await expect(pinnedList(page)).toContainText('2 pinned cells');
		const selected = 'layers.1.neurons.0.activation_gradient';
		await cell(page, selected).click();
		for (const pass of ['Forward', 'Backward', 'Train']) {
			await button(page, pass).click();
			await page
				.locator('#backward')
				.evaluate((el) => scrollTo(0, scrollY + el.getBoundingClientRect().top));
			await expect(formulaBar(page).locator('.katex').first()).toBeVisible();
			const pins = await heightOf(page, '[aria-label="Pinned cells"]');
			const bar = await heightOf(page, '[aria-label="Formula"]');
			expect(pins, `the pins list is open after ${pass}`).toBeGreaterThan(0);
			expect(pins + bar, `pins and formula bar after ${pass}`).toBeLessThanOrEqual(
				CHROME_BUDGET - HEADER_BUDGET
			);
			expect(await chromeHeight(page), `all fixed chrome after ${pass}`).toBeLessThanOrEqual(
				CHROME_BUDGET
			);
		}
		expect(messages).toEqual([]);
	});

	test('the compact formula bar shows formula, numbers and result on one line; More shows the full value and what it reads', async ({
		page
	}) => {
		await open(page);
		await button(page, 'Forward').click();
		const address = 'layers.1.neurons.0.total';
		await cell(page, address).click();
		const bar = formulaBar(page);
		await expect(bar).toContainText(describeAddress(address, isolatedLabels(article.labels)));
		const maths = bar.locator('.maths');
		const oneLine = await maths.evaluate((el) => {
			const parts = [...el.children].map((c) => c.getBoundingClientRect());
			return (
				parts.length >= 3 &&
				Math.max(...parts.map((r) => r.top)) < Math.min(...parts.map((r) => r.bottom))
			);
		});
		expect(oneLine, 'symbols, numbers and result side by side').toBe(true);
		const full = inFull(cellValue(step(startOf(article), 'pass'), address)!);
		await expect(bar.getByText(full)).toBeHidden();
		await bar.getByRole('button', { name: 'More' }).click();
		await expect(bar.getByText(full)).toBeVisible();
		await expect(bar.getByRole('button', { name: /./ }).filter({ hasText: /^$/ })).toHaveCount(0);
		await bar.getByRole('button', { name: 'Less' }).click();
		await expect(bar.getByText(full)).toBeHidden();
	});

	test('the formula bar and the pins list fold to a line each, stay folded across a reload, and open again', async ({
		page
	}) => {
		await openPinned(page);
		const address = 'layers.0.neurons.1.bias';
		await cell(page, address).click();
		const bar = formulaBar(page);
		const fold = bar.getByRole('button', { name: 'Formula bar' });
		const pins = pinnedList(page).getByRole('button', { name: '2 pinned cells' });
		await expect(fold).toHaveAttribute('aria-expanded', 'true');
		await expect(pins).toHaveAttribute('aria-expanded', 'true');
		await fold.click();
		await pins.click();

		const folded = async (name: string) => {
			await expect(fold).toHaveAttribute('aria-expanded', 'false');
			await expect(pins).toHaveAttribute('aria-expanded', 'false');
			// The folded bar still says which cell is selected; its maths and the pins' buttons are gone.
			await expect(bar).toContainText(describeAddress(name, isolatedLabels(article.labels)));
			await expect(bar.locator('.katex').first()).toBeHidden();
			const restore = pinnedList(page).locator('button', { hasText: 'Restore formula' });
			await expect(restore).toHaveCount(2);
			await expect(restore.first()).toBeHidden();
			expect(await heightOf(page, '[aria-label="Formula"]')).toBeLessThanOrEqual(36);
			expect(await heightOf(page, '[aria-label="Pinned cells"]')).toBeLessThanOrEqual(36);
		};
		await folded(address);

		await page.reload();
		await page.locator('html[data-ready]').waitFor({ state: 'attached' });
		const other = 'layers.2.neurons.1.bias';
		await cell(page, other).click();
		await folded(other);

		await fold.click();
		await pins.click();
		await page.reload();
		await page.locator('html[data-ready]').waitFor({ state: 'attached' });
		await cell(page, other).click();
		await expect(fold).toHaveAttribute('aria-expanded', 'true');
		await expect(bar.locator('.katex').first()).toBeVisible();
		await expect(
			pinnedList(page).getByRole('button', { name: 'Restore formula' }).first()
		).toBeVisible();
	});

	test('Forward’s z and a, and Backward’s δ, show without scrolling sideways', async ({ page }) => {
		// The page is scrolled table by table here: following the steps would scroll it too.
		await page.addInitScript(() =>
			localStorage.setItem('gradsheet:preferences', JSON.stringify({ follow: false }))
		);
		await open(page);
		await button(page, 'Forward').click();
		await button(page, 'Backward').click();
		for (const { l, neurons } of layers) {
			for (const [columns, pass] of [
				[['total', 'value'], 'Forward'],
				[['activation_gradient'], 'Backward']
			] as const) {
				const at = (j: number, field: string) =>
					`#${pass.toLowerCase()} [data-cell="layers.${l}.neurons.${j}.${field}"]`;
				await scrollToTable(page, at(0, columns[0]));
				for (let j = 0; j < neurons; j++)
					for (const field of columns)
						await expect
							.poll(() => shownWhole(page, at(j, field)), `${pass} ${l}.${j}.${field}`)
							.toBe(true);
			}
		}
	});

	test('scrolled sideways, a table keeps its neuron column and its computed columns; arrow keys keep the focused cell clear of them', async ({
		page
	}) => {
		await open(page);
		await button(page, 'Forward').click();
		const { l, neurons, inputs } = layers[1];
		const first = `layers.${l}.neurons.0.bias`;
		await scrollToTable(page, `#forward [data-cell="${first}"]`);
		const pane = page.getByRole('grid', { name: `Forward, layer ${l}` }).locator('..');
		const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
		expect(overflow, 'the table is wider than the phone').toBeGreaterThan(0);
		await pane.evaluate((el) => (el.scrollLeft = el.scrollWidth));
		const rows = page.getByRole('grid', { name: `Forward, layer ${l}` }).locator('tbody th');
		await expect(rows).toHaveCount(neurons);
		for (let j = 0; j < neurons; j++) {
			const row = `#forward table[aria-label="Forward, layer ${l}"] tbody tr:nth-child(${j + 1}) > th`;
			await expect.poll(() => shownWhole(page, row), `neuron ${j}'s row header`).toBe(true);
			for (const field of ['total', 'value'])
				expect(
					await shownWhole(page, `#forward [data-cell="layers.${l}.neurons.${j}.${field}"]`)
				).toBe(true);
		}
		expect(await shownWhole(page, `#forward [data-cell="${first}"]`), 'b scrolled beneath').toBe(
			false
		);

		// Back to the start by keyboard, then right along the row: each weight comes out from beneath.
		await pane.evaluate((el) => (el.scrollLeft = 0));
		await cell(page, first).click();
		for (let i = 0; i < inputs; i++) {
			await page.keyboard.press('ArrowRight');
			const weight = `#forward [data-cell="layers.${l}.neurons.0.weights.${i}"]`;
			await expect(page.locator(weight)).toBeFocused();
			await expect.poll(() => shownWhole(page, weight), `w${i}, focused`).toBe(true);
		}
	});

	test('after Train, a focused new number shows every digit, with a real minus, whole on the screen', async ({
		page
	}) => {
		await page.addInitScript(() =>
			localStorage.setItem('gradsheet:preferences', JSON.stringify({ follow: false }))
		);
		await open(page);
		for (const pass of ['Forward', 'Backward', 'Train']) await button(page, pass).click();
		// A weight of layer 0 that is negative after Train: its new number in full is wider than its column.
		const trained = step(step(step(startOf(article), 'pass'), 'pass'), 'pass');
		const address = (j: number) => `layers.0.neurons.${j}.weights.0`;
		const j = range(sizes[1]).find((n) => cellValue(trained, address(n))! < 0);
		expect(j, 'layer 0 has a weight that is negative after Train').toBeDefined();
		const value = cellValue(trained, address(j!))!;
		// Its row in Train's table: a neuron's bias, then its weights.
		const selector = `#train table[aria-label="Train, layer 0"] tbody tr:nth-child(${(sizes[0] + 1) * j! + 2}) > td:last-child`;
		const fresh = page.locator(selector);
		await expect(fresh).toHaveAttribute('aria-label', new RegExp(`neuron ${j}: weight 0`));
		await scrollToTable(page, selector);
		await fresh.click();
		await expect(fresh).toBeFocused();
		await expect(fresh.locator('.number')).toHaveText(inFull(value));
		await expect.poll(() => shownWhole(page, selector), 'the focused new number').toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			PHONE.width
		);
	});

	test('no section formula is wider than its section or cut at its edge', async ({ page }) => {
		await open(page);
		await expectFormulasFit(page);
	});
});

/** Every section's general formula (and Backward's f′ list): within its box, nothing scrolled or clipped. */
async function expectFormulasFit(page: Page) {
	const boxes = page.locator('.general-formula, .inline-formula');
	await expect(page.locator('.general-formula')).toHaveCount(8);
	for (let n = 0; n < (await boxes.count()); n++) {
		const box = boxes.nth(n);
		await box.evaluate((el) => scrollTo(0, scrollY + el.getBoundingClientRect().top - 200));
		await expect
			.poll(() =>
				box.evaluate((el) => {
					const container = el.closest('.section')!.getBoundingClientRect();
					const own = el.getBoundingClientRect();
					const maths = [...el.querySelectorAll('.katex')].map((k) => k.getBoundingClientRect());
					return {
						scrolls: el.scrollWidth > el.clientWidth,
						typeset: maths.length > 0 && maths.every((r) => r.width > 0),
						cut: maths.some(
							(r) =>
								r.left < Math.max(own.left, container.left) - 0.5 ||
								r.right > Math.min(own.right || container.right, container.right) + 0.5
						)
					};
				})
			)
			.toEqual({ scrolls: false, typeset: true, cut: false });
	}
}

test.describe('at 1400 × 900', () => {
	test.use({ viewport: DESKTOP });

	test('each section formula stays on one line, and the formula bar shows everything at once', async ({
		page
	}) => {
		await open(page);
		await expectFormulasFit(page);
		const formulas = page.locator('.general-formula');
		for (let n = 0; n < (await formulas.count()); n++) {
			const lines = await formulas.nth(n).evaluate((el) => {
				el.scrollIntoView();
				const tops = [...el.querySelectorAll('.katex')].map((k) =>
					Math.round(k.getBoundingClientRect().bottom)
				);
				return Math.max(...tops) - Math.min(...tops);
			});
			expect(lines, `formula ${n}: its parts side by side`).toBeLessThan(30);
		}
		await button(page, 'Forward').click();
		const address = 'layers.0.neurons.0.value';
		await cell(page, address).click();
		const bar = formulaBar(page);
		await expect(bar.getByRole('button', { name: 'More' })).toBeHidden();
		await expect(
			bar.getByText(inFull(cellValue(step(startOf(article), 'pass'), address)!))
		).toBeVisible();
		await expect(bar.locator('code')).toHaveText(address);
	});
});
