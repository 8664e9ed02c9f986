/**
 * Autosave: closing and reopening the app brings back the notebook bit for
 * bit, its current pass and its undo history; storage that is disabled, full
 * or corrupt gives a message and a working notebook; a #nb= link wins over the
 * autosave without destroying it.
 */
import { expect, test, type Page } from '@playwright/test';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { replayTo, step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import {
	button,
	expectCells,
	nextStep,
	open,
	pageCells,
	startOf,
	typeInto,
	watchConsole
} from './support/page.ts';
import {
	LEGACY_KEY,
	banner,
	completedIterations,
	savedText,
	waitForSave
} from './support/notebooks.ts';

const article = preset('article');
const start = startOf(article);
const weight = 'layers.1.neurons.2.weights.1';

/** Forward, Backward, an edit of a weight, then one neuron of Train: the engine's snapshots. */
function engineJourney() {
	const afterBackward = step(step(start, 'pass'), 'pass');
	const edited = editStart(start, weight, 0.75);
	if (!edited.ok) throw new Error(edited.error);
	const beforeLast = replayTo(edited.start, afterBackward.cursor);
	return { beforeLast, last: step(beforeLast, 'neuron') };
}

async function journey(page: Page): Promise<void> {
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await typeInto(page, weight, '0.75');
	await button(page, 'Next neuron').click();
}

test('a reload restores every cell bit for bit, the current pass and the undo history', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await journey(page);
	const { beforeLast, last } = engineJourney();
	await expectCells(page, last);
	const cells = await pageCells(page);
	const next = await nextStep(page).textContent();

	// No waiting for the debounced save: leaving the page saves at once.
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	expect(await pageCells(page)).toEqual(cells);
	await expectCells(page, last);
	await expect(nextStep(page)).toHaveText(next!);
	await expect(banner(page)).toHaveCount(0);

	// Undo reaches back across the reload: the neuron of Train, then the edit.
	await button(page, 'Undo').click();
	await expectCells(page, beforeLast);
	await button(page, 'Undo').click();
	await expectCells(page, step(step(start, 'pass'), 'pass'));
	await button(page, 'Redo').click();
	await expectCells(page, beforeLast);
	expect(messages).toEqual([]);
});

test('a change made just before a reload is kept, however many iterations it adds', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	const entries = page.getByRole('region', { name: /History/ }).getByRole('button');
	const done = completedIterations(article, 3);
	// Each Iteration makes a new start to store; the reload comes before the debounced save.
	for (let k = 1; k <= 3; k++) {
		await button(page, 'Iteration').click();
		await expect(entries).toHaveCount(k);
		await page.reload();
		await page.locator('html[data-ready]').waitFor({ state: 'attached' });
		await expect(entries).toHaveCount(k);
		await expectCells(page, done[k - 1]);
	}
	expect(messages).toEqual([]);
});

test('closing the tab and opening the app again restores the notebook (saved without a reload)', async ({
	context
}) => {
	const page = await context.newPage();
	await open(page);
	await journey(page);
	await waitForSave(page, ['train', 0, 1]);
	// Closing without unload handlers: only the debounced save can have kept it.
	await page.close();

	const again = await context.newPage();
	await open(again);
	await expectCells(again, engineJourney().last);
	await expect(nextStep(again)).toHaveText('Train: layer 0, neuron 1');
});

test('with storage disabled the page says so and the notebook works', async ({ page }) => {
	const messages = watchConsole(page);
	await page.addInitScript(() => {
		for (const name of ['localStorage', 'indexedDB'])
			Object.defineProperty(window, name, {
				get() {
					throw new DOMException('The operation is insecure.', 'SecurityError');
				}
			});
	});
	await open(page);
	await expect(banner(page)).toContainText('does not let the page store anything');
	await button(page, 'Forward').click();
	await expectCells(page, step(start, 'pass'));
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expectCells(page, start);
	expect(messages).toEqual([]);
});

test('with storage full the page says so once and the notebook works', async ({ page }) => {
	const messages = watchConsole(page);
	await page.addInitScript(() => {
		IDBObjectStore.prototype.put = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
	});
	await open(page);
	await button(page, 'Forward').click();
	await expect(banner(page)).toContainText('storage is full');
	await button(page, 'Backward').click();
	await expectCells(page, step(step(start, 'pass'), 'pass'));
	// Said once, not once per save.
	expect((await banner(page).textContent())!.match(/storage is full/g)).toHaveLength(1);
	expect(messages).toEqual([]);
});

// That a full store keeps the newest history is autosave.test.ts's to show: the parts are many and small.
test.describe('corrupt saved data gives a message, is kept for download, and the default notebook opens', () => {
	const cases: [string, string, RegExp][] = [
		['text that is not JSON', '{"format":"gradsheet-autos', /not valid JSON/],
		[
			'a notebook the engine’s parser refuses',
			JSON.stringify({
				format: 'gradsheet-autosave',
				version: 1,
				starts: [{ ...article, learningRate: 1, inputs: [1, 2, 3] }],
				moment: [0, 'forward', 0, 0],
				past: [],
				future: [],
				iterations: []
			}),
			/inputs has 3 numbers; the network reads 2 inputs/
		]
	];
	for (const [name, text, reason] of cases) {
		test(name, async ({ page }) => {
			const messages = watchConsole(page);
			await page.addInitScript(
				([key, value]) => {
					// Only on the first load: afterwards the page's own saves stand.
					if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
					sessionStorage.setItem('seeded', 'yes');
				},
				[LEGACY_KEY, text]
			);
			await open(page);
			await expect(banner(page)).toContainText('could not be restored');
			await expect(banner(page)).toContainText(reason);
			// Kept exactly as it was stored, to download.
			const download = page.waitForEvent('download');
			await banner(page).getByRole('button', { name: 'Download it' }).click();
			const file = await (await download).createReadStream();
			let kept = '';
			for await (const chunk of file) kept += chunk;
			expect(kept).toBe(text);
			await expect(page.getByRole('region', { name: /Kept notebooks/ })).toBeVisible();
			await expectCells(page, start);
			await button(page, 'Forward').click();
			await expectCells(page, step(start, 'pass'));
			// The next save replaces the corrupt data, and a reload restores it without complaint.
			await page.reload();
			await page.locator('html[data-ready]').waitFor({ state: 'attached' });
			await expectCells(page, step(start, 'pass'));
			await expect(banner(page)).toHaveCount(0);
			expect(messages).toEqual([]);
		});
	}
});

test('a #nb= link wins over the autosave but does not replace it until something changes', async ({
	context
}) => {
	const page = await context.newPage();
	await open(page);
	await journey(page);
	const saved = await waitForSave(page, ['train', 0, 1]);
	await page.close();

	const xor = preset('xor');
	const link = '/' + (await shareHash(xor));
	const linked = await context.newPage();
	await open(linked, link);
	await expectCells(linked, startOf(xor));
	await linked.waitForTimeout(1000); // longer than the save's delay
	expect(await savedText(linked)).toBe(saved);
	await linked.close();

	// Nothing changed: the app opened without the link still has the learner's work.
	const plain = await context.newPage();
	await open(plain);
	await expectCells(plain, engineJourney().last);
	await plain.close();

	// A change to the link's notebook is the user's work now: saved, and the link leaves the URL.
	const edited = await context.newPage();
	await open(edited, link);
	await button(edited, 'Forward').click();
	await expect.poll(() => savedText(edited)).not.toBe(saved);
	await expect.poll(() => new URL(edited.url()).hash).toBe('');
	await edited.reload();
	await edited.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expectCells(edited, step(startOf(xor), 'pass'));
});

test('a refused link on opening the app falls back to the saved notebook', async ({ context }) => {
	const page = await context.newPage();
	await open(page);
	await journey(page);
	await waitForSave(page, ['train', 0, 1]);
	await page.close();

	const broken = await context.newPage();
	await open(broken, '/#nb=AAAA');
	await expect(banner(broken)).toContainText('could not be opened');
	await expectCells(broken, engineJourney().last);
});
