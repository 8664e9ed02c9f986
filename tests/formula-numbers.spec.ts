/**
 * Numbers read like the maths: in the formula bar's "with numbers" line a
 * centred dot between factors (never two numbers side by side), negative
 * numbers in brackets, and a real minus sign (U+2212) everywhere, the
 * exponent of a small number's included: in cells, deltas, the diagram and
 * the formula bar alike. Expected texts are built from the engine's numbers.
 */
import { expect, test, type Page } from '@playwright/test';
import { cellInput, cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import { formatNumber } from '../src/lib/tex/numbers.ts';
import { button, cell, formulaBar, open, startOf, typeInto, watchConsole } from './support/page.ts';

const notebook = preset('article');
const MINUS = '−';

/**
 * The visible text of one part of the formula bar's typeset maths (KaTeX's HTML, not its
 * MathML), without white space, each superscript written ^{…} so that powers stay apart.
 */
const shown = (page: Page, part: 'substituted' | 'result') =>
	formulaBar(page)
		.locator(`.${part} .katex-html`)
		.evaluate((html) => {
			const copy = html.cloneNode(true) as HTMLElement;
			for (const sup of copy.querySelectorAll('.msupsub'))
				sup.textContent = `^{${sup.textContent}}`;
			return copy.textContent!.replace(/[\s\u200b]+/g, '');
		});

/** A number as KaTeX prints it from the formula's TeX: 4 digits, × 10 to a power when small. */
const typeset = (x: number) => formatNumber(x).replace(/e(.+)$/, '×10^{$1}');
/** The same as an operand: in brackets when negative. */
const operand = (x: number) => (x < 0 ? `(${typeset(x)})` : typeset(x));

/** Selects `address` and returns its "with numbers" line and its result as shown. */
async function select(page: Page, address: string) {
	await cell(page, address).click();
	await expect(formulaBar(page)).toContainText(address);
	return { substituted: await shown(page, 'substituted'), result: await shown(page, 'result') };
}

/** No hyphen-minus, no two numbers or a number and a bracket side by side. */
function readsLikeMaths(text: string, what: string) {
	expect(text, `${what}: a real minus sign`).not.toContain('-');
	expect(text, `${what}: a number or ")" never meets "(" or a number`).not.toMatch(
		/\d\(|\)\(|\)\d/
	);
}

test('the formula bar writes products with a centred dot, negatives in brackets with a real minus, and the result bare', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	for (const pass of ['Forward', 'Backward', 'Train']) await button(page, pass).click();
	let s: Snapshot = startOf(notebook);
	for (let n = 0; n < 3; n++) s = step(s, 'pass');
	const read = (a: string) => cellInput(s, a)!;

	// A total, b + Σ w·a: every product with ·, term by term from the engine's numbers.
	const total = 'layers.1.neurons.0.total';
	const terms = [0, 1, 2].map(
		(i) =>
			`${operand(read(`layers.1.neurons.0.weights.${i}`))}⋅${operand(read(`layers.0.neurons.${i}.value`))}`
	);
	const t = await select(page, total);
	expect(t.substituted).toBe(`=${[operand(read('layers.1.neurons.0.bias')), ...terms].join('+')}`);
	expect(t.result).toBe(`=${typeset(cellValue(s, total)!)}`);

	// A weight gradient a·δ, a hidden δ = f′(a)·(Σ δ·w), the last δ = f′(a)·(a − t), the loss ½·(…), an update.
	const cases = [
		'layers.2.neurons.1.weight_gradients.0',
		'layers.0.neurons.1.activation_gradient',
		'layers.2.neurons.0.activation_gradient',
		'loss',
		'layers.1.neurons.2.weights.1'
	];
	for (const address of cases) {
		const { substituted, result } = await select(page, address);
		expect(substituted, address).toContain('⋅');
		readsLikeMaths(substituted, address);
		readsLikeMaths(result, address);
		expect(result, `${address}: the result, bare`).toBe(`=${typeset(cellValue(s, address)!)}`);
	}
	// Somewhere among them a negative result, written bare with a real minus.
	const negative = cases.find((a) => cellValue(s, a)! < 0);
	expect(negative, 'a negative result among the cases').toBeDefined();
	expect((await select(page, negative!)).result).toContain(MINUS);
	expect(messages).toEqual([]);
});

test('a small negative number keeps a real minus in its exponent: in its cell, the diagram, the formula bar and the deltas', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const pinned = 'layers.0.neurons.0.value';
	const tiny = -0.00001234;
	await typeInto(page, pinned, String(tiny));
	await expect(cell(page, pinned)).toHaveClass(/\bpinned\b/);

	// The cell, short, and the diagram's neuron, named in full.
	await expect(cell(page, pinned).locator('.number')).toHaveText('−1.234e−5');
	const node = page.locator('.diagram [role="button"][aria-label^="Layer 0, neuron 0: value"]');
	await expect(node).toHaveAttribute('aria-label', /: value −1\.234e−5/);

	// Its result in the formula bar, and the total that reads it: ·(−1.234×10^{−5}).
	expect((await select(page, pinned)).result).toBe('=−1.234×10^{−5}');
	const { substituted } = await select(page, 'layers.1.neurons.0.total');
	expect(substituted).toContain('⋅(−1.234×10^{−5})');
	readsLikeMaths(substituted, 'the total');

	// Backward with the pin: the weight gradients of layer 1 are tiny, some negative; every
	// number shown, short or as a change, writes its minus signs as minus signs.
	await button(page, 'Backward').click();
	const edited = editStart(startOf(notebook), pinned, tiny);
	if (!edited.ok) throw new Error('the pin is refused');
	let s = edited.start;
	for (let n = 0; n < 2; n++) s = step(s, 'pass');
	// a⁰₀·δ¹ⱼ: negative where δ¹ⱼ > 0.
	const gradient = [0, 1, 2]
		.map((j) => `layers.1.neurons.${j}.weight_gradients.0`)
		.find((a) => cellValue(s, a)! < 0);
	expect(gradient, 'a negative gradient of a tiny input').toBeDefined();
	expect(Math.abs(cellValue(s, gradient!)!)).toBeLessThan(1e-4);
	await expect(cell(page, gradient!).locator('.number')).toHaveText(/^−\d(\.\d+)?e−\d+$/);
	await button(page, 'Train').click();
	const texts = await page.locator('[data-cell] .number, [data-cell] .delta').allInnerTexts();
	expect(texts.filter((x) => x.includes('e')).length, 'numbers with an exponent').toBeGreaterThan(
		0
	);
	expect(texts.filter((x) => x.includes('-'))).toEqual([]);
	expect(texts.filter((x) => x.includes(MINUS)).length).toBeGreaterThan(0);
	expect(messages).toEqual([]);
});
