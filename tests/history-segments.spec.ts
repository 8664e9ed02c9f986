/**
 * History belongs to a network: opening a preset starts a new segment of the
 * history panel, headed by the net's shape, and keeps the last one; choosing
 * an iteration of another shape says that the shape changes back; segments
 * survive a reload, and an older save without them still restores. Iteration
 * numbers carry thousands separators and never run into their loss bars.
 */
import { expect, test, type Page } from '@playwright/test';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { formatNumber } from '../src/lib/tex/numbers.ts';
import { completedIterations, putSaved, savedText } from './support/notebooks.ts';
import { button, expectCells, open, watchConsole } from './support/page.ts';

const article = preset('article');
const xor = preset('xor');
const ARTICLE_SHAPE = '2 → 3 → 3 → 2 · tanh';
const XOR_SHAPE = `${[xor.inputs.length, ...xor.layers.map((l) => l.neurons.length)].join(' → ')} · ${xor.activation}`;

const history = (page: Page) => page.getByRole('region', { name: /History/ });
const headings = (page: Page) => history(page).getByRole('heading', { level: 3 });

async function openPreset(page: Page, name: string): Promise<void> {
	await button(page, 'Edit network').click();
	await page.locator('#preset').selectOption(name);
	await page.getByRole('button', { name: 'Open preset' }).click();
}

test('iterations in the millions carry separators, clear of their bars, and "1 iteration and its loss" reads right', async ({
	page
}) => {
	const messages = watchConsole(page);
	const notebook = { ...article, iteration: 12_345_678 };
	await open(page, `/${await shareHash(notebook)}`);
	await button(page, 'Iteration').click();
	const [done] = completedIterations(notebook, 1);
	await expectCells(page, done);

	await expect(history(page).getByRole('heading', { level: 2 })).toContainText(
		'1 iteration and its loss E'
	);
	const entry = history(page).getByRole('button');
	await expect(entry).toHaveAccessibleName(
		`Iteration 12,345,679, loss ${formatNumber(done.loss, 4)}`
	);
	await expect(entry.locator('.n')).toHaveText('12,345,679');
	for (const width of [1400, 390]) {
		await page.setViewportSize({ width, height: 900 });
		const number = (await entry.locator('.n').boundingBox())!;
		const bar = (await entry.locator('.bar').boundingBox())!;
		const loss = (await entry.locator('.loss').boundingBox())!;
		expect(number.x + number.width, `at ${width} px`).toBeLessThanOrEqual(bar.x);
		expect(bar.x + bar.width, `at ${width} px`).toBeLessThanOrEqual(loss.x);
		expect(bar.width, `at ${width} px`).toBeGreaterThan(10);
	}

	await button(page, 'Iteration').click();
	await expect(history(page).getByRole('heading', { level: 2 })).toContainText(
		'2 iterations and their loss E'
	);
	await expect(history(page).locator('.n')).toHaveText(['12,345,680', '12,345,679']);
	expect(messages).toEqual([]);
});

test('a preset starts a new segment of the history, and choosing an iteration of the old net says its shape comes back', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Iteration').click();
	await button(page, 'Iteration').click();
	const done = completedIterations(article, 2);
	await expectCells(page, done[1]);

	await openPreset(page, 'xor');
	await button(page, 'Iteration').click();
	await expectCells(page, completedIterations(xor, 1)[0]);

	// Newest network first, each under its shape; the article's two iterations are still there.
	await expect(headings(page)).toHaveText([XOR_SHAPE, `${ARTICLE_SHAPE} · another shape`]);
	const articleList = history(page).getByRole('list', { name: ARTICLE_SHAPE });
	await expect(articleList.getByRole('button')).toHaveCount(2);
	await expect(
		history(page).getByRole('list', { name: XOR_SHAPE }).getByRole('button')
	).toHaveCount(1);
	await expect(history(page).getByRole('heading', { level: 2 })).toContainText(
		'3 iterations and their loss E'
	);

	await articleList.getByRole('button', { name: /^Iteration 2,/ }).click();
	await expectCells(page, done[1]);
	await expect(history(page).getByRole('status')).toHaveText(
		`The network's shape changes back to ${ARTICLE_SHAPE}, as it was for that iteration.`
	);
	await expect(headings(page)).toHaveText([`${XOR_SHAPE} · another shape`, ARTICLE_SHAPE]);
	// Stepping on from there: the note has done its work.
	await button(page, 'Forward').click();
	await expect(history(page).getByRole('status')).toHaveText('');
	expect(messages).toEqual([]);
});

test('segments survive a reload, and a save from before segments restores too', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Iteration').click();
	await openPreset(page, 'xor');
	await button(page, 'Iteration').click();
	await button(page, 'Iteration').click();
	await expect(headings(page)).toHaveText([XOR_SHAPE, `${ARTICLE_SHAPE} · another shape`]);
	await expect
		.poll(async () => JSON.parse((await savedText(page)) ?? '{}').segments)
		.toEqual([1, 2, 2]);

	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(headings(page)).toHaveText([XOR_SHAPE, `${ARTICLE_SHAPE} · another shape`]);
	await expect(history(page).getByRole('button')).toHaveCount(3);

	// The same save as an older version of the app wrote it: no segments.
	const saved = JSON.parse((await savedText(page))!);
	delete saved.segments;
	await putSaved(page, 'head', JSON.stringify(saved));
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(headings(page)).toHaveText([XOR_SHAPE, `${ARTICLE_SHAPE} · another shape`]);
	await history(page)
		.getByRole('button', { name: /^Iteration 1,/ })
		.last()
		.click();
	await expectCells(page, completedIterations(article, 1)[0]);
	expect(messages).toEqual([]);
});
