/**
 * Practice by prediction: in predict mode a learner types what a cell will
 * be before the step computes it; the step checks it against the engine
 * (right ✓ or wrong ✗, with the tolerance and the formula's numbers in the
 * formula bar), a tally per pass counts them, and nothing the engine
 * computes ever changes. Predictions survive a reload and a file's export and
 * import; a teacher's "predict this" marks travel in the share link.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { cellValue } from '../src/lib/engine/maths/cells/values.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { parseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { formatNumber } from '../src/lib/tex/numbers.ts';
import {
	button,
	cell,
	expectCells,
	formulaBar,
	open,
	pinnedList,
	startOf,
	typeInto,
	watchConsole
} from './support/page.ts';
import { banner, savedText } from './support/notebooks.ts';

const start = startOf(preset('article'));
const afterForward = step(start, 'pass');
const afterBackward = step(afterForward, 'pass');

const Z = 'layers.0.neurons.0.total';
const A = 'layers.0.neurons.0.value';
const DELTA = 'layers.1.neurons.2.activation_gradient';
const GRADIENT = 'layers.2.neurons.1.weight_gradients.0';
const BIAS = 'layers.1.neurons.0.bias';
const WEIGHT = 'layers.0.neurons.1.weights.1';

/** The element a prediction of `address` is typed into: Train's new number for a bias or weight. */
const guessCell = (page: Page, address: string) => page.locator(`[data-predict="${address}"]`);
const tally = (page: Page, pass: string) => page.locator(`[data-tally="${pass}"] dd`);

async function predictMode(page: Page): Promise<void> {
	await page.getByRole('checkbox', { name: 'predict' }).check();
	await expect(page.getByRole('region', { name: 'Predictions' })).toBeVisible();
}

async function predict(page: Page, address: string, guess: number | string): Promise<void> {
	await guessCell(page, address).click();
	await page.keyboard.type(String(guess));
	await page.keyboard.press('Enter');
	await expect(guessCell(page, address)).toHaveAttribute('data-prediction', 'pending');
}

/** The engine's number at `address` once the iteration is done. */
const engine = (address: string) => cellValue(step(afterBackward, 'pass'), address)!;

test('a right and a wrong prediction are checked by the step that computes them, against the engine', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await predictMode(page);
	const z = engine(Z);
	const a = engine(A);
	await predict(page, Z, z * (1 + 4e-4));
	await predict(page, A, a + 0.05);
	await expect(cell(page, Z)).toContainText(`? ${formatNumber(z * (1 + 4e-4))}`);
	await expect(cell(page, Z)).toHaveAttribute('data-value', '');
	await expect(tally(page, 'forward')).toHaveText('2 waiting');

	await button(page, 'Next neuron').click();
	await expectCells(page, step(start, 'neuron'));
	await expect(cell(page, Z)).toHaveAttribute('data-prediction', 'right');
	await expect(cell(page, Z)).toContainText('✓');
	await expect(cell(page, Z)).toHaveAttribute('aria-label', /was right$/);
	await expect(cell(page, A)).toHaveAttribute('data-prediction', 'wrong');
	await expect(cell(page, A)).toContainText('✗');
	await expect(cell(page, A)).toHaveAttribute('aria-label', /was wrong$/);
	await expect(tally(page, 'forward')).toHaveText('1 of 2 right');

	// The formula bar: the guess, the engine's number, the tolerance, and the formula with its numbers.
	await cell(page, A).click();
	const note = formulaBar(page).locator('[data-prediction-note="wrong"]');
	await expect(note).toContainText(`you predicted ${formatNumber(a + 0.05)}`);
	await expect(note).toContainText(`the engine computed ${formatNumber(a)}`);
	await expect(note).toContainText('within 0.1%');
	await expect(formulaBar(page).getByRole('region', { name: 'With numbers' })).toBeVisible();

	// "To the digits shown" holds the same guesses to another rule: 4e-4 off is another number at 4 digits.
	await page.getByRole('combobox', { name: 'right if' }).selectOption('digits');
	await expect(cell(page, Z)).toHaveAttribute('data-prediction', 'wrong');
	await expect(tally(page, 'forward')).toHaveText('0 of 2 right');
	await expect(formulaBar(page).locator('[data-prediction-note]')).toContainText(
		'equal at the 4 significant digits shown'
	);
	expect(messages).toEqual([]);
});

test('predictions in Backward and of Train’s new numbers are tallied per pass', async ({
	page
}) => {
	await open(page);
	await button(page, 'Forward').click();
	await predictMode(page);
	await predict(page, DELTA, engine(DELTA));
	await predict(page, GRADIENT, -engine(GRADIENT));
	await predict(page, BIAS, engine(BIAS));
	await predict(page, WEIGHT, engine(WEIGHT) + 0.01);
	await expect(tally(page, 'backward')).toHaveText('2 waiting');
	await expect(tally(page, 'train')).toHaveText('2 waiting');

	await button(page, 'Backward').click();
	await expectCells(page, afterBackward);
	await expect(tally(page, 'backward')).toHaveText('1 of 2 right');
	await expect(tally(page, 'train')).toHaveText('2 waiting');
	await button(page, 'Train').click();
	await expectCells(page, step(afterBackward, 'pass'));
	await expect(cell(page, BIAS)).toHaveAttribute('data-prediction', 'right');
	await expect(cell(page, WEIGHT)).toHaveAttribute('data-prediction', 'wrong');
	await expect(tally(page, 'train')).toHaveText('1 of 2 right');
	await expect(tally(page, 'forward')).toHaveText('—');

	// A new iteration starts a fresh set.
	await button(page, 'Forward').click();
	for (const pass of ['forward', 'backward', 'train'])
		await expect(tally(page, pass)).toHaveText('—');
});

test('a prediction never changes a number, and a guess that is not a number is refused as an edit is', async ({
	page
}) => {
	await open(page);
	await button(page, 'Forward').click();
	// The refusal a bad edit gets, for comparison.
	await typeInto(page, 'inputs.0', 'abc');
	const refusal = await cell(page, 'inputs.0').getByRole('alert').textContent();
	await page.keyboard.press('Escape');

	await predictMode(page);
	for (const [address, guess] of [
		[DELTA, 123],
		[GRADIENT, -4.5],
		[BIAS, 9],
		[WEIGHT, -9],
		['layers.2.neurons.0.activation_gradient', 0]
	] as const)
		await predict(page, address, guess);
	await guessCell(page, 'layers.2.neurons.1.activation_gradient').click();
	await page.keyboard.type('abc');
	await page.keyboard.press('Enter');
	await expect(
		guessCell(page, 'layers.2.neurons.1.activation_gradient').getByRole('alert')
	).toHaveText(refusal!);
	await expect(guessCell(page, 'layers.2.neurons.1.activation_gradient')).not.toHaveAttribute(
		'data-prediction'
	);

	await expectCells(page, afterForward);
	await expect(pinnedList(page)).toHaveCount(0);
	await expect(button(page, 'Undo')).toBeEnabled(); // Forward's, not the predictions'
	await button(page, 'Undo').click();
	await expectCells(page, start);
	await button(page, 'Redo').click();
	await expect(button(page, 'Redo')).toBeDisabled();
	await button(page, 'Backward').click();
	await expectCells(page, afterBackward);
	await button(page, 'Train').click();
	await expectCells(page, step(afterBackward, 'pass'));
	await expect(pinnedList(page)).toHaveCount(0);
});

test('predictions survive a reload, and an export and import of the notebook file', async ({
	page
}) => {
	await open(page);
	await predictMode(page);
	await predict(page, Z, engine(Z));
	await predict(page, DELTA, engine(DELTA) + 1);
	await button(page, 'Forward').click();
	await expect(cell(page, Z)).toHaveAttribute('data-prediction', 'right');
	// Saved with the checked prediction: the engine's number is in the autosave.
	await expect.poll(async () => (await savedText(page))?.includes('"engine":')).toBe(true);

	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expectCells(page, afterForward);
	await expect(cell(page, Z)).toHaveAttribute('data-prediction', 'right');
	await expect(guessCell(page, DELTA)).toHaveAttribute('data-prediction', 'pending');
	await expect(tally(page, 'forward')).toHaveText('1 of 1 right');
	await expect(tally(page, 'backward')).toHaveText('1 waiting');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		button(page, 'Export notebook').click()
	]);
	const text = await readFile((await download.path())!, 'utf8');
	const parsed = parseNotebook(text);
	if (!parsed.ok) throw new Error(parsed.error);
	expect(parsed.notebook.predictions?.guesses?.[Z]).toEqual({
		guess: engine(Z),
		engine: engine(Z)
	});

	// A fresh page opens the file: at the iteration's start, both wait again; Forward checks Z again.
	const other = await page.context().newPage();
	await open(other);
	await other
		.getByLabel('Import notebook', { exact: true })
		.setInputFiles({ name: 'p.json', mimeType: 'application/json', buffer: Buffer.from(text) });
	await expect(other.getByRole('checkbox', { name: 'predict' })).toBeChecked();
	await expect(guessCell(other, Z)).toHaveAttribute('data-prediction', 'pending');
	await expect(guessCell(other, DELTA)).toHaveAttribute('data-prediction', 'pending');
	await button(other, 'Forward').click();
	await expect(cell(other, Z)).toHaveAttribute('data-prediction', 'right');
	await button(other, 'Backward').click();
	await expect(cell(other, DELTA)).toHaveAttribute('data-prediction', 'wrong');
	await expectCells(other, afterBackward);
});

test('a teacher’s "predict this" marks travel by share link to a fresh page', async ({
	page,
	context,
	browser
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page);
	await predictMode(page);
	for (const address of [Z, DELTA]) {
		await cell(page, address).click();
		await button(page, 'Ask to predict this').click();
		await expect(button(page, 'Ask to predict this')).toHaveAttribute('aria-pressed', 'true');
	}
	await button(page, 'Copy share link').click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());

	const fresh = await browser.newContext();
	const learner = await fresh.newPage();
	await open(learner, link);
	await expect(learner.getByRole('checkbox', { name: 'predict' })).toBeChecked();
	for (const address of [Z, DELTA]) {
		await expect(guessCell(learner, address)).toContainText('predict this');
		await expect(guessCell(learner, address)).toHaveAttribute('aria-label', /predict this$/);
	}
	await expect(guessCell(learner, A)).not.toContainText('predict this');
	await predict(learner, Z, engine(Z));
	await expect(guessCell(learner, Z)).not.toContainText('predict this');
	await button(learner, 'Forward').click();
	await expect(cell(learner, Z)).toHaveAttribute('data-prediction', 'right');
	await expectCells(learner, afterForward);
	await fresh.close();
});

test('a file whose predictions field is malformed is refused, saying where, and the notebook stays', async ({
	page
}) => {
	await open(page);
	await predictMode(page);
	await predict(page, Z, 0.5);
	await button(page, 'Forward').click();
	const file = { ...preset('article'), predictions: { guesses: { [A]: { guess: 'half' } } } };
	await page.getByLabel('Import notebook', { exact: true }).setInputFiles({
		name: 'bad.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await expect(banner(page)).toContainText(
		`"bad.json" could not be opened: predictions.guesses.${A}.guess must be a number`
	);
	await expectCells(page, afterForward);
	await expect(cell(page, Z)).toHaveAttribute('data-prediction', /right|wrong/);
});
