/**
 * The code tracer, as a learner follows it: Next line (its button and its
 * S key) through a whole iteration of the article's net, the line that ran
 * and the line that runs next marked, the watch's numbers, the cells the next
 * line reads and writes marked, a total accumulating term by term in its cell;
 * the coarser steps moving the tracer; a line's click selecting its cell and a
 * cell's selection marking its line; the panel folding, remembered. Every
 * number is the engine's, computed here line by line.
 */
import { expect, test, type Page } from '@playwright/test';
import { address } from '../src/lib/engine/maths/addresses.ts';
import { cellInput, cellValue } from '../src/lib/engine/maths/cells/values.ts';
import {
	isPartial,
	lineCells,
	neuronRuns,
	nextLine,
	previousLine
} from '../src/lib/engine/maths/lines.ts';
import { loopVariables } from '../src/lib/engine/maths/listing.ts';
import { step, type Granularity } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import {
	button,
	cell,
	expectCells,
	formulaBar,
	open,
	startOf,
	watchConsole
} from './support/page.ts';

const start = startOf(preset('article'));
const tracer = (page: Page) => page.locator('section.tracer');
const NAMES = { forward: 'Forward', backward: 'Backward', train: 'Train' } as const;

// A hundred-odd presses on two busy cores.
test.describe.configure({ timeout: 120_000 });

/** What the page shows of the tracer, the marked cells and the step state, in one read. */
function reading(page: Page) {
	return page.evaluate(() => {
		const panel = document.querySelector('section.tracer')!;
		const lines = (mark: string) =>
			[...panel.querySelectorAll(`li[data-${mark}]`)].map((li) => li.getAttribute('data-line'));
		const list = (watch: string, kind: string) =>
			[
				...panel.querySelectorAll(`[data-watch="${watch}"] [data-list="${kind}"] [data-address]`)
			].map((e) => [e.getAttribute('data-address'), e.getAttribute('data-value')]);
		const cells = (selector: string, attribute: string) =>
			Object.fromEntries(
				[...document.querySelectorAll(selector)].map((e) => [
					e.getAttribute('data-cell'),
					e.getAttribute(attribute)
				])
			);
		const wrote = list('ran', 'wrote');
		return {
			next: lines('next'),
			ran: lines('ran'),
			loops: Object.fromEntries(
				[...panel.querySelectorAll('[data-watch="next"] [data-loop]')].map((e) => [
					e.getAttribute('data-loop'),
					Number(e.getAttribute('data-value'))
				])
			),
			reads: list('next', 'reads'),
			writes: list('next', 'writes'),
			wrote,
			// What the tables show of each cell the last line wrote
			written: Object.fromEntries(
				wrote.map(([a]) => [
					a,
					document.querySelector(`[data-cell="${a}"]`)?.getAttribute('data-value') ?? null
				])
			),
			traced: cells('[data-cell][data-trace]', 'data-trace'),
			partial: cells('[data-cell].partial', 'data-value'),
			state: (document.querySelector('dl.next dd') as HTMLElement).innerText
				.replace(/\s+/g, ' ')
				.trim()
		};
	});
}

/** The same, from the engine's snapshot. */
function expected(s: Snapshot) {
	const next = nextLine(s);
	const ran = previousLine(s);
	const cells = next ? lineCells(s, next) : { reads: [], writes: [] };
	const wrote = ran ? lineCells(s, ran).writes.map((a) => [a, String(cellValue(s, a))]) : [];
	// A parameter Train updates is written at its new number, which is not its home cell yet.
	const traced: Record<string, string> = {};
	for (const a of cells.reads) traced[a] = 'reads';
	if (next && next.pass !== 'train') for (const a of cells.writes) traced[a] = 'writes';
	const partial: Record<string, string> = {};
	s.totals.forEach((row, l) =>
		row.forEach((z, j) => {
			if (isPartial(s, l, j)) partial[address.neuron(l, j, 'total')] = String(z);
		})
	);
	const c = s.cursor;
	const place =
		c.pass === 'done'
			? `Iteration ${s.iteration + 1} is done: Forward begins the next one`
			: `${NAMES[c.pass]}: layer ${c.layer}, neuron ${c.neuron}`;
	return {
		next: next ? [next.id] : [],
		ran: ran ? [ran.id] : [],
		loops: next ? loopVariables(next) : {},
		reads: cells.reads.map((a) => [a, String(cellInput(s, a))]),
		writes: cells.writes.map((a) => [a, null]),
		wrote,
		written: Object.fromEntries(wrote),
		traced,
		partial,
		state: c.line ? `${place}, line ${c.line + 1} of ${neuronRuns(s).length}` : place
	};
}

async function expectTracer(page: Page, s: Snapshot, at: string): Promise<void> {
	await expect.poll(() => reading(page), { message: at }).toEqual(expected(s));
}

test('Next line runs a whole iteration one line at a time: the marked lines, the watch, the marked cells and every total’s terms are the engine’s', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	let s = start;
	await expectTracer(page, s, 'at the start');
	await expect(tracer(page).locator('li[data-ran]')).toHaveCount(0);

	const total = address.neuron(0, 0, 'total');
	const sums: string[] = [];
	for (let n = 0; s.cursor.pass !== 'done'; n++) {
		// Mostly the button, every fifth press its letter.
		if (n % 5 === 4) await page.keyboard.press('s');
		else await button(page, 'Next line').click();
		s = step(s, 'line');
		await expectTracer(page, s, `after line ${n + 1}`);
		if (n < 4) sums.push((await cell(page, total).getAttribute('data-value'))!);
		if (n === 1) {
			// Mid-sum: the total reads "Σ so far" and the watch calls it so.
			await expect(cell(page, total)).toContainText('Σ so far');
			await expect(cell(page, total)).toHaveAccessibleName(/so far/);
			await expect(formulaBar(page)).toContainText('Σ so far: 1 of 2 terms added');
			await expect(
				tracer(page).locator(`[data-watch="next"] [data-list="reads"] [data-address="${total}"]`)
			).toContainText('(so far)');
			// The diagram marks what the next term reads and writes: input 1, its weight, the neuron.
			const nodes = page.locator('svg g[data-traced]');
			await expect(nodes).toHaveCount(2);
			await expect(nodes.nth(0)).toHaveAccessibleName(/^Input 1/);
			await expect(nodes.nth(1)).toHaveAccessibleName(/^Layer 0, neuron 0/);
			await expect(page.locator('svg line.halo.traced')).toHaveCount(1);
			await expect(page.locator('svg line.halo.traced')).toHaveAttribute(
				'data-traced-link',
				'0.0.1'
			);
		}
	}
	// The first neuron's total, term by term: b, then b + w₀x₀, then + w₁x₁, then f's line leaves it.
	let z = start;
	const engineSums: string[] = [];
	for (let n = 0; n < 4; n++) {
		z = step(z, 'line');
		engineSums.push(String(z.totals[0][0]));
	}
	expect(sums).toEqual(engineSums);
	expect(new Set(sums.slice(0, 3)).size).toBe(3);
	await expectCells(page, s);
	expect(messages).toEqual([]);
});

test('Next neuron, Next layer and the passes move the tracer to the line they stop before', async ({
	page
}) => {
	await open(page);
	let s = start;
	const press = async (name: string, g: Granularity) => {
		await button(page, name).click();
		s = step(s, g);
		await expectTracer(page, s, `after ${name}`);
	};
	await press('Next line', 'line');
	await press('Next line', 'line');
	await press('Next neuron', 'neuron'); // finishes neuron 0: next is neuron 1's bias line
	await press('Next line', 'line');
	await press('Next layer', 'layer');
	await press('Forward', 'pass'); // ran: the loss; next: the output layer's δ
	await expect(tracer(page).locator('li[data-ran]')).toHaveAttribute('data-line', 'forward.loss');
	await press('Next line', 'line');
	await press('Backward', 'pass');
	await press('Next line', 'line');
	await press('Train', 'pass');
	await expectCells(page, s);
});

test('a line’s click selects the cell it writes for the neuron at hand, and a selected cell marks the line that computes it', async ({
	page
}) => {
	await open(page);
	// Only the clicks select here: following the steps would select each step's first cell a frame later.
	await page.getByRole('checkbox', { name: 'follow steps' }).uncheck();
	await button(page, 'Next neuron').click();
	await button(page, 'Next line').click(); // inside layer 0, neuron 1
	const line = (id: string) => tracer(page).locator(`li[data-line="${id}"]`);
	const selected = (a: string) => expect(cell(page, a)).toHaveAttribute('aria-selected', 'true');
	await expect(tracer(page).locator('li[data-here]')).toHaveCount(0);

	await line('forward.value').getByRole('button').click();
	await selected(address.neuron(0, 1, 'value'));
	await expect(line('forward.value')).toHaveAttribute('data-here', 'true');
	await expect(line('forward.value').getByRole('button')).toContainText(
		'computes the selected cell'
	);

	// A Backward line, its pass opened by hand: the output layer's δ.
	await button(page, 'Backward pass').click();
	await line('backward.output_delta').getByRole('button').click();
	await selected(address.neuron(2, 0, 'activation_gradient'));
	await expect(line('backward.output_delta')).toHaveAttribute('data-here', 'true');

	// Selecting cells: a hidden layer's δ, a weight gradient, the loss; each opens its pass.
	for (const [a, id] of [
		[address.neuron(1, 2, 'activation_gradient'), 'backward.hidden_delta'],
		[address.weightGradient(0, 1, 1), 'backward.weight_gradient'],
		['loss', 'forward.loss'],
		[address.neuron(1, 0, 'total'), 'forward.term']
	] as const) {
		await cell(page, a).click();
		await expect(line(id)).toHaveAttribute('data-here', 'true');
		await expect(line(id)).toBeVisible();
	}
	await expect(line('forward.bias')).toHaveAttribute('data-here', 'true');

	await line('forward.bias').getByRole('button').click();
	await selected(address.neuron(0, 1, 'total'));

	// Once Train has run, a Train line selects the parameter's new number, in Train's table.
	await button(page, 'Iteration').click();
	const last = address.weight(2, 1, 2); // the last line that ran: the last neuron's last weight
	await line('train.bias').getByRole('button').click();
	await selected(address.neuron(2, 1, 'bias'));
	await expect(
		page.locator('#train').locator(`[data-cell="${address.neuron(2, 1, 'bias')}"]`)
	).toHaveCount(1);
	await expect(line('train.bias')).toHaveAttribute('data-here', 'true');
	await line('train.weight').getByRole('button').click();
	await selected(last);
	await expect(line('train.weight')).toHaveAttribute('data-here', 'true');
});

test('the tracer folds to its heading, marks no cell then, and stays folded across a reload', async ({
	page
}) => {
	await open(page);
	await button(page, 'Next line').click();
	await expect(page.locator('[data-cell][data-trace]')).not.toHaveCount(0);
	await button(page, 'Code').click();
	await expect(button(page, 'Code')).toHaveAttribute('aria-expanded', 'false');
	await expect(tracer(page).locator('ol')).toHaveCount(0);
	await expect(page.locator('[data-cell][data-trace]')).toHaveCount(0);
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(button(page, 'Code')).toHaveAttribute('aria-expanded', 'false');
	await button(page, 'Code').click();
	await expect(tracer(page).locator('li[data-next]')).toHaveCount(1);
});

for (const [width, height] of [
	[1400, 900],
	[390, 844]
]) {
	test(`at ${width}×${height} the tracer's long lines wrap inside it: nothing widens the page`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await open(page);
		await button(page, 'Forward').click();
		await button(page, 'Next layer').click(); // next, a hidden δ: the longest line, the longest watch
		await expect(tracer(page).locator('li[data-next]')).toHaveAttribute(
			'data-line',
			'backward.hidden_delta'
		);
		// Following the step selects its first cell; a selection puts the passes' folds back.
		await expect(cell(page, address.neuron(2, 0, 'activation_gradient'))).toHaveAttribute(
			'aria-selected',
			'true'
		);
		await button(page, 'Forward pass').click();
		await button(page, 'Train pass').click();
		await expect(tracer(page).locator('ol:visible')).toHaveCount(3);
		const box = (await tracer(page).boundingBox())!;
		expect(box.x + box.width).toBeLessThanOrEqual(width);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
		const overflowing = await tracer(page).evaluate((panel) =>
			[...panel.querySelectorAll('li, [data-watch]')]
				.filter((e) => e.scrollWidth > e.clientWidth + 1)
				.map((e) => e.textContent)
		);
		expect(overflowing).toEqual([]);
	});
}

test('the listing is one Tab stop, at the next line; the arrow keys walk its lines', async ({
	page
}) => {
	await open(page);
	await button(page, 'Next line').click();
	await button(page, 'Code').focus();
	await page.keyboard.press('Tab');
	const next = tracer(page).locator('li[data-next] > button');
	await expect(next).toBeFocused();
	await expect(next.locator('..')).toHaveAttribute('data-line', 'forward.term');
	await page.keyboard.press('ArrowDown');
	await expect(tracer(page).locator('li[data-line="forward.value"] > button')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(cell(page, address.neuron(0, 0, 'value'))).toHaveAttribute('aria-selected', 'true');
	// Tab leaves the listing at once.
	await page.keyboard.press('Tab');
	await expect(tracer(page).locator(':focus')).toHaveCount(0);
});
