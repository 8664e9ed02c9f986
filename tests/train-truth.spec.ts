/**
 * After Train the tables stay true: Forward shows the parameters its z and a
 * were computed from (marked "before Train"), Train shows old, change and new,
 * and every row of every table satisfies its own formula with the numbers it
 * shows, in full (data-value, data-change). The formula bar tells a parameter
 * as set from Train's new number; old and new are written with the digits that
 * tell them apart; Train's tables fit a laptop and a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import { describeAddress } from '../src/lib/engine/maths/cells/words.ts';
import { withParameter } from '../src/lib/engine/maths/model.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import {
	button,
	cell,
	cellsWithClass,
	expectCells,
	formulaBar,
	inFull,
	open,
	startOf,
	typeInto,
	watchConsole
} from './support/page.ts';

const notebook = preset('article');
const start = startOf(notebook);
const afterBackward = step(step(start, 'pass'), 'pass');
const afterTrain = step(afterBackward, 'pass');
const sizes = [2, 3, 3, 2];

/** What one drawn cell of a grid carries. */
interface Shown {
	readonly cell: string | null;
	readonly ref: string | null;
	readonly value: string | null;
	readonly change: string | null;
	readonly stage: string | null;
	readonly text: string;
	readonly changed: string;
}

/** The cells of the grid named `name`, row by row. */
const gridRows = (page: Page, name: string): Promise<Shown[][]> =>
	page.getByRole('grid', { name, exact: true }).evaluate((grid) =>
		[...grid.querySelectorAll('tbody tr')].map((tr) =>
			[...tr.querySelectorAll('[role="gridcell"]')].map((td) => ({
				cell: td.getAttribute('data-cell'),
				ref: td.getAttribute('data-ref'),
				value: td.getAttribute('data-value'),
				change: td.getAttribute('data-change'),
				stage: td.getAttribute('data-stage'),
				text: td.querySelector('.number')?.textContent ?? '',
				changed: td.querySelector('mark.changed')?.textContent ?? ''
			}))
		)
	);

const num = (text: string | null) => {
	if (text === null || text === '') throw new Error('no number shown');
	return Number(text);
};
/** Equal to the last bit or two: the same arithmetic in the same order. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-14 * Math.max(1, Math.abs(b));

/**
 * Checks every row of Forward (and, with `train`, of Train) against its formula; returns how
 * many Train rows are trained.
 */
async function expectTablesTrue(page: Page, s: Snapshot, train: boolean): Promise<number> {
	await expectCells(page, s);
	// Exactly one home per address.
	const homes = await page.$$eval('[data-cell]', (els) =>
		els.map((e) => e.getAttribute('data-cell'))
	);
	expect(new Set(homes).size).toBe(homes.length);

	const eta = num(await cell(page, 'learning_rate').getAttribute('data-value'));
	let previous: number[] = [];
	for (let i = 0; i < sizes[0]; i++)
		previous.push(num(await cell(page, `inputs.${i}`).getAttribute('data-value')));
	let trainedRows = 0;
	for (let l = 0; l < sizes.length - 1; l++) {
		const forward = await gridRows(page, `Forward, layer ${l}`);
		const used: number[][] = [];
		const values: number[] = [];
		forward.forEach((row, j) => {
			const [b, ...rest] = row.map((c) => num(c.value));
			const w = rest.slice(0, sizes[l]);
			const [z, a] = rest.slice(sizes[l]);
			let total = b;
			w.forEach((wi, i) => (total += wi * previous[i]));
			expect(close(z, total), `layer ${l} neuron ${j}: z = b + Σ w·a (${z} vs ${total})`).toBe(
				true
			);
			expect(close(a, Math.tanh(z)), `layer ${l} neuron ${j}: a = tanh(z)`).toBe(true);
			used.push([b, ...w]);
			values.push(a);
		});
		previous = values;
		if (!train) continue;

		const rows = await gridRows(page, `Train, layer ${l}`);
		expect(rows).toHaveLength(sizes[l + 1] * (sizes[l] + 1));
		rows.forEach(([gradient, old, change, next], r) => {
			const j = Math.floor(r / (sizes[l] + 1));
			const p = r % (sizes[l] + 1);
			const where = `Train layer ${l} row ${r}`;
			// The old number is the one Forward's z was computed from.
			expect(num(old.value), `${where}: old is Forward's`).toBe(used[j][p]);
			if (next.cell === null) {
				expect(change.change, `${where}: no change before Train`).toBe('');
				return;
			}
			trainedRows++;
			const g = num(gradient.value);
			const d = num(change.change);
			expect(close(d, -eta * g), `${where}: change = −η·∂E/∂p`).toBe(true);
			expect(num(next.value), `${where}: new = old + change`).toBe(num(old.value) + d);
			expect(old.stage, `${where}: old marked as before Train`).toBe('before');
		});
	}
	return trainedRows;
}

for (const train of [false, true]) {
	const tables = train ? 'Train' : 'Forward';
	const formulas = train ? 'new = old − η·∂E/∂p' : 'z = b + Σ w·a and a = f(z)';
	test(`after Train, and after each neuron of the Train pass, every row of ${tables}'s tables satisfies ${formulas} with the numbers shown`, async ({
		page
	}) => {
		test.setTimeout(120_000); // nine moments, each read whole
		const messages = watchConsole(page);
		await open(page);
		await button(page, 'Forward').click();
		await button(page, 'Backward').click();
		let s = afterBackward;
		expect(await expectTablesTrue(page, s, train)).toBe(0);
		let trained = 0;
		while (s.cursor.pass === 'train') {
			await button(page, 'Next neuron').click();
			s = step(s, 'neuron');
			const rows = await expectTablesTrue(page, s, train);
			if (train) expect(rows, 'one more neuron trained').toBeGreaterThan(trained);
			trained = rows;
		}
		if (train) expect(trained).toBe(3 * 3 + 3 * 4 + 2 * 4);
		expect(s).toEqual(afterTrain);
		expect(messages).toEqual([]);
	});
}

test('after Train, Forward’s parameters are read-only copies marked before Train, and Train’s new ones are edited there', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	for (const name of ['Forward', 'Backward', 'Train']) await button(page, name).click();
	const weight = 'layers.2.neurons.1.weights.2';
	const label = describeAddress(weight, notebook.labels);
	const forward = page.getByRole('grid', { name: 'Forward, layer 2', exact: true });
	const copy = forward.getByRole('gridcell', { name: `${label}, before Train`, exact: true });
	await expect(copy).toHaveAttribute('aria-readonly', 'true');
	await expect(copy).toContainText('before Train');
	await expect(copy).toHaveAttribute(
		'data-value',
		String(start.net.layers[2].neurons[1].weights[2])
	);
	await expect(forward.locator('[data-cell]')).toHaveCount(2 * 2); // z and a only

	// Typing on the copy changes nothing; typing on Train's new number sets the new number.
	await copy.click();
	await page.keyboard.type('9');
	await page.keyboard.press('Enter');
	await expectCells(page, afterTrain);
	const home = page
		.getByRole('grid', { name: 'Train, layer 2', exact: true })
		.locator(`[data-cell="${weight}"]`);
	await expect(home).toHaveAttribute('aria-readonly', 'false');
	await typeInto(page, weight, '0.125');
	await expectCells(page, { ...afterTrain, net: withParameter(afterTrain.net, 2, 1, 2, 0.125) });
	await expect(copy).toHaveAttribute(
		'data-value',
		String(start.net.layers[2].neurons[1].weights[2])
	);
	expect(messages).toEqual([]);
});

test('the formula bar shows a parameter before Train as a number with what reads it, and after Train its update with numbers', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const weight = 'layers.1.neurons.0.weights.1';
	const total = 'layers.1.neurons.0.total';
	const bar = formulaBar(page);
	const old = start.net.layers[1].neurons[0].weights[1];

	// Before Train: a number the user sets, read by the total (and δ of the layer before).
	await cell(page, weight).click();
	await expect(bar).toContainText('a number you set');
	await expect(bar).toContainText(`full value ${inFull(old)}`);
	await expect(bar).not.toContainText('reads');
	await expect(bar.getByRole('region', { name: 'With numbers' })).toHaveCount(0);
	await expect(
		bar.getByTitle(describeAddress(total, notebook.labels), { exact: true })
	).toBeVisible();
	expect(await cellsWithClass(page, 'precedent')).toEqual([]);
	expect(await cellsWithClass(page, 'dependent')).toContain(total);

	await button(page, 'Backward').click();
	await button(page, 'Train').click();
	const next = afterTrain.net.layers[1].neurons[0].weights[1];
	expect(next).not.toBe(old);

	// The copy before Train: still the number the iteration used.
	const copy = page.locator(`[data-ref="${weight}"][data-stage="before"]`).first();
	await copy.click();
	await expect(bar).toContainText('before Train');
	await expect(bar).toContainText(`full value ${inFull(old)}`);
	await expect(bar).not.toContainText('reads');
	await expect(copy).toHaveClass(/\bselected\b/);
	await expect(cell(page, weight)).not.toHaveClass(/\bselected\b/);

	// Train's new number: w ← w − η·∂E/∂w, with its numbers, reading w, η and ∂E/∂w.
	await cell(page, weight).click();
	await expect(bar).toContainText('after Train');
	await expect(bar).toContainText(`full value ${inFull(next)}`);
	const withNumbers = bar.getByRole('region', { name: 'With numbers' });
	await expect(withNumbers).toContainText('0.001');
	await expect(bar).toContainText('reads');
	await expect(bar.getByTitle('Learning rate', { exact: true })).toBeVisible();
	await expect(copy).toHaveClass(/\bprecedent\b/);
	await expect(copy).not.toHaveClass(/\bselected\b/);
	expect(await cellsWithClass(page, 'precedent')).toEqual(
		['learning_rate', 'layers.1.neurons.0.weight_gradients.1'].sort()
	);
	// Old and new, as substituted, differ in what is written.
	const maths = await withNumbers.textContent();
	const result = await bar.locator('.result').textContent();
	expect(maths).not.toContain(result!.replace('=', '').trim());
	expect(messages).toEqual([]);
});

test('Train writes old and new with enough digits to differ, marks the changed digits, and shows the change', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	for (const name of ['Forward', 'Backward', 'Train']) await button(page, name).click();
	const minus = (t: string) => Number(t.replace(/−/g, '-'));
	let rows = 0;
	for (let l = 0; l < 3; l++) {
		for (const [gradient, old, change, next] of await gridRows(page, `Train, layer ${l}`)) {
			const o = num(old.value);
			const n = num(next.value);
			if (o === n) continue;
			rows++;
			expect(old.text, `${old.text} vs ${next.text}`).not.toBe(next.text);
			expect(next.changed.length, `${next.text}: its changed digits are marked`).toBeGreaterThan(0);
			const digits = next.text.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
			for (const [text, x] of [
				[old.text, o],
				[next.text, n]
			] as const)
				expect(Math.abs(minus(text) - x)).toBeLessThanOrEqual(Math.abs(x) * 10 ** (1 - digits));
			// The change as shown: −η·∂E/∂p to three digits.
			const d = -0.001 * num(gradient.value);
			expect(Math.abs(minus(change.text) - d)).toBeLessThanOrEqual(Math.abs(d) * 5e-3);
		}
	}
	expect(rows).toBeGreaterThan(20);
	expect(messages).toEqual([]);
});

for (const [width, height] of [
	[1400, 900],
	[390, 844]
] as const) {
	test(`at ${width}×${height} no Train table is cut off or scrolls sideways after Train`, async ({
		page
	}) => {
		const messages = watchConsole(page);
		await page.setViewportSize({ width, height });
		await open(page);
		for (const name of ['Forward', 'Backward', 'Train']) await button(page, name).click();
		const grids = page.locator('#train table[role="grid"]');
		await expect(grids).toHaveCount(3);
		for (const grid of await grids.all()) {
			await grid.scrollIntoViewIfNeeded();
			const fit = await grid.evaluate((t) => {
				const box = t.getBoundingClientRect();
				const pane = t.parentElement!;
				return {
					scrolls: pane.scrollWidth > pane.clientWidth + 1,
					inView: box.left >= 0 && box.right <= document.documentElement.clientWidth + 1
				};
			});
			expect(fit).toEqual({ scrolls: false, inView: true });
		}
		expect(messages).toEqual([]);
	});
}
