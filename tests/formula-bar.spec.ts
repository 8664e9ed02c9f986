/**
 * The formula bar, for every kind of cell: its address in words, its formula
 * typeset by KaTeX, the numbers substituted, the result; the precedents and
 * dependents highlighted exactly as the engine's cell graph says; a precedent
 * chip selects its cell.
 */
import { expect, test, type Page } from '@playwright/test';
import { parseAddress } from '../src/lib/engine/maths/addresses.ts';
import { cellGraph } from '../src/lib/engine/maths/cells/graph.ts';
import { cellInput, cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { describeAddress, isolatedLabels } from '../src/lib/engine/maths/cells/words.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import { DEFAULT_PRECISION, formatNumber } from '../src/lib/tex/numbers.ts';
import { oldAndNew } from '../src/lib/tex/update-digits.ts';
import {
	button,
	cell,
	cellsWithClass,
	formulaBar,
	inFull,
	open,
	startOf,
	watchConsole
} from './support/page.ts';

const notebook = preset('article');
const graph = cellGraph(startOf(notebook).net);
const PASSES = ['Forward', 'Backward', 'Train'] as const;

/** The snapshot after the first `passes` of Forward, Backward, Train. */
function after(passes: number): Snapshot {
	let s = startOf(notebook);
	for (let n = 0; n < passes; n++) s = step(s, 'pass');
	return s;
}

/** How a number is written inside a substituted formula: short, without its sign, up to any exponent. */
const shortForm = (x: number, digits = DEFAULT_PRECISION) =>
	formatNumber(Math.abs(x), digits).split('e')[0];

const isParameter = (a: string) => /^(bias|weights)$/.test(parseAddress(a)?.kind ?? '');

/** The text of the formula bar's typeset maths only. */
const mathsText = (page: Page) =>
	formulaBar(page)
		.locator('.katex')
		.allTextContents()
		.then((texts) => texts.join(' '));

interface Case {
	/** What the test says it selects, after which pass. */
	readonly name: string;
	readonly address: string;
	/** How many of Forward, Backward, Train run first. */
	readonly passes: number;
	/** Whether the formula substitutes numbers (cells a user sets have none; nor a parameter before Train). */
	readonly substitutes: boolean;
}

const CASES: readonly Case[] = [
	{ name: 'an input', address: 'inputs.1', passes: 0, substitutes: false },
	{ name: 'a target', address: 'targets.0', passes: 0, substitutes: false },
	{ name: 'the learning rate', address: 'learning_rate', passes: 0, substitutes: false },
	{
		name: 'a bias before Train',
		address: 'layers.1.neurons.2.bias',
		passes: 2,
		substitutes: false
	},
	{
		name: 'a bias after Train',
		address: 'layers.1.neurons.2.bias',
		passes: 3,
		substitutes: true
	},
	{
		name: 'a weight before Train',
		address: 'layers.0.neurons.1.weights.1',
		passes: 1,
		substitutes: false
	},
	{
		name: 'a weight after Train',
		address: 'layers.0.neurons.1.weights.1',
		passes: 3,
		substitutes: true
	},
	{ name: 'a total', address: 'layers.1.neurons.0.total', passes: 1, substitutes: true },
	{ name: 'a value', address: 'layers.2.neurons.1.value', passes: 1, substitutes: true },
	{
		name: 'an activation gradient of the last layer',
		address: 'layers.2.neurons.0.activation_gradient',
		passes: 2,
		substitutes: true
	},
	{
		name: 'an activation gradient of a hidden layer',
		address: 'layers.0.neurons.2.activation_gradient',
		passes: 2,
		substitutes: true
	},
	{
		name: 'a bias gradient',
		address: 'layers.1.neurons.1.bias_gradient',
		passes: 2,
		substitutes: true
	},
	{
		name: 'a weight gradient',
		address: 'layers.1.neurons.2.weight_gradients.0',
		passes: 2,
		substitutes: true
	},
	{ name: 'the loss', address: 'loss', passes: 1, substitutes: true },
	{ name: 'an error %', address: 'errors_percent.1', passes: 1, substitutes: true }
];

for (const { name, address, passes, substitutes } of CASES) {
	const ran =
		passes === 0
			? 'at the start'
			: `after ${PASSES.slice(0, passes)
					.join(', ')
					.replace(/, (?=\w+$)/, ' and ')}`;
	test(`selecting ${name} ${ran}, the formula bar shows its address, formula, numbers and result, and its neighbours are highlighted`, async ({
		page
	}) => {
		const messages = watchConsole(page);
		await open(page);
		for (const pass of PASSES.slice(0, passes)) await button(page, pass).click();
		const s = after(passes);
		const value = cellValue(s, address);
		if (value === undefined) throw new Error(`${address} is not computed ${ran}`);

		const target = cell(page, address);
		await target.click();
		await expect(target).toHaveAttribute('aria-selected', 'true');
		await expect(target).toHaveClass(/\bselected\b/);
		expect(await cellsWithClass(page, 'selected')).toEqual([address]);

		const bar = formulaBar(page);
		await expect(bar).toContainText(describeAddress(address, isolatedLabels(notebook.labels)));
		await expect(bar).toContainText(address);
		await expect(bar.locator('.katex').first()).toBeVisible();
		// The result: in full, and short in the typeset formula (a parameter's update with the
		// digits that tell its old and new numbers apart).
		await expect(bar).toContainText(inFull(value));
		const maths = await mathsText(page);
		const trained = passes === 3;
		const digits =
			isParameter(address) && trained
				? oldAndNew(cellInput(s, address)!, value, DEFAULT_PRECISION).digits
				: DEFAULT_PRECISION;
		expect(maths).toContain(shortForm(value, digits));

		const precedents = graph.precedents(address);
		if (substitutes) {
			// Every number the formula reads (a parameter's update also reads its old self).
			const reads = isParameter(address) ? [address, ...precedents] : precedents;
			expect(reads.length).toBeGreaterThan(0);
			for (const p of reads) {
				const read = cellInput(s, p);
				expect(read, `${p} is known`).toBeDefined();
				expect(maths, `${p} = ${read} is substituted`).toContain(
					shortForm(read!, p === address ? digits : DEFAULT_PRECISION)
				);
			}
		}

		// Highlighting: exactly the engine's precedents and dependents that have a home cell. A
		// parameter is two numbers: as set, it reads nothing and totals and δ read it; Train's new
		// one reads η and ∂E/∂p and nothing reads it yet. Other cells read parameters as set (whose
		// home after Train is the new number, not them); η and gradients are read by new numbers
		// (whose home exists only after Train).
		const onPage = new Set(
			await page.$$eval('[data-cell]', (els) => els.map((e) => e.getAttribute('data-cell')!))
		);
		const expected = (list: readonly string[]) => list.filter((a) => onPage.has(a)).sort();
		const dependents = graph.dependents(address);
		const linked = isParameter(address)
			? { precedents: trained ? precedents : [], dependents: trained ? [] : dependents }
			: {
					precedents: precedents.filter((p) => !isParameter(p) || !trained),
					dependents: dependents.filter((d) => !isParameter(d) || trained)
				};
		await expect.poll(() => cellsWithClass(page, 'precedent')).toEqual(expected(linked.precedents));
		await expect.poll(() => cellsWithClass(page, 'dependent')).toEqual(expected(linked.dependents));
		expect(messages).toEqual([]);
	});
}

test('the formula bar writes a weight gradient with its input and its neuron’s gradient, in full and short', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	const s = after(2);
	const address = 'layers.2.neurons.1.weight_gradients.2';
	await cell(page, address).click();
	const maths = await mathsText(page);
	const input = s.values[1][2];
	const delta = s.activationGradients[2][1];
	expect(maths).toContain(shortForm(input));
	expect(maths).toContain(shortForm(delta));
	await expect(formulaBar(page)).toContainText(inFull(input * delta));
	expect(cellValue(s, address)).toBe(input * delta);
	expect(messages).toEqual([]);
});

test('clicking a precedent chip in the formula bar selects that cell', async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	const delta = 'layers.1.neurons.0.activation_gradient';
	await cell(page, delta).click();

	const bar = formulaBar(page);
	// A hidden neuron's gradient reads the next layer's weights: pick one of them.
	const weight = 'layers.2.neurons.1.weights.0';
	expect(graph.precedents(delta)).toContain(weight);
	await bar.getByTitle(describeAddress(weight, notebook.labels), { exact: true }).click();

	await expect(cell(page, weight)).toHaveAttribute('aria-selected', 'true');
	await expect(cell(page, delta)).toHaveAttribute('aria-selected', 'false');
	await expect(bar).toContainText(describeAddress(weight, notebook.labels));
	await expect(bar).toContainText(inFull(notebook.layers[2].neurons[1].weights[0]));
	await expect.poll(() => cellsWithClass(page, 'dependent')).toContain(delta);

	// And on again, from the weight (before Train a number that is read) to the total reading it.
	const total = 'layers.2.neurons.1.total';
	await bar.getByTitle(describeAddress(total, notebook.labels), { exact: true }).click();
	await expect(cell(page, total)).toHaveAttribute('aria-selected', 'true');
	await expect(bar).toContainText(describeAddress(total, notebook.labels));
	expect(messages).toEqual([]);
});

/** Routes the page's scripts, noting each request for KaTeX's and whether the page was ready then (failing it when `refuse`). */
async function watchKatex(page: Page, refuse = false): Promise<boolean[]> {
	const fetches: boolean[] = [];
	await page.route('**/*.js', async (route) => {
		const response = await route.fetch();
		// A message only KaTeX's own code holds.
		if (!(await response.text()).includes('KaTeX parse error')) return route.fulfill({ response });
		const ready = await page
			.evaluate(() => document.documentElement.dataset.ready === 'true')
			.catch(() => false);
		fetches.push(ready);
		return refuse ? route.abort() : route.fulfill({ response });
	});
	return fetches;
}

test('the page is drawn before KaTeX is fetched, and the formula bar typesets once it is here', async ({
	page
}) => {
	const messages = watchConsole(page);
	const katex = await watchKatex(page);
	await open(page);
	// Once, and only after the page said it was ready.
	await expect.poll(() => katex).toEqual([true]);

	await cell(page, 'layers.0.neurons.0.weights.0').click();
	await expect(formulaBar(page).locator('.katex').first()).toBeVisible();
	await expect(formulaBar(page).locator('.tex-pending')).toHaveCount(0);
	expect(messages).toEqual([]);
});
test('when KaTeX cannot be fetched the formula bar says so once and shows the TeX, and the cells still work', async ({
	page
}) => {
	const katex = await watchKatex(page, true);
	await open(page);
	await expect.poll(() => katex.length).toBeGreaterThan(0);
	const weight = 'layers.0.neurons.0.weights.0';
	await cell(page, weight).click();
	// Said once, and each formula shown as its TeX, to be read as it is.
	await expect(formulaBar(page).locator('p[role="status"]')).toHaveText(
		'Formulas could not be loaded, so they are shown as TeX: reload the page to try again.'
	);
	await expect(formulaBar(page).locator('.symbols code')).toContainText('^{(0)}');
	await expect(formulaBar(page)).toContainText(inFull(notebook.layers[0].neurons[0].weights[0]));
	await button(page, 'Forward').click();
	await expect(cell(page, 'layers.0.neurons.0.total')).toHaveAttribute('data-value', /./);
});
