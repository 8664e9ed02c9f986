/**
 * Saving that scales and loses nothing (issue 14): two tabs of one notebook
 * stay in step or ask, a link never silently replaces the user's work, a
 * reload during a run brings back the notebook as it was before the run, an
 * old localStorage autosave is moved, and a notebook of 100,000 random
 * samples autosaves and restores with its history. Each journey checks that
 * the page still answers.
 */
import { expect, test, type Page } from '@playwright/test';
import { serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { editStart } from '../src/lib/engine/maths/edits.ts';
import { step } from '../src/lib/engine/maths/passes.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import type { Notebook } from '../src/lib/engine/document/notebook.ts';
import type { Snapshot } from '../src/lib/engine/maths/snapshot.ts';
import { button, expectCells, open, startOf, typeInto, watchConsole } from './support/page.ts';
import { LEGACY_KEY, banner, waitForSave } from './support/notebooks.ts';

const article = preset('article');
const start = startOf(article);
const forward = step(start, 'pass');
const backward = step(forward, 'pass');
const weight = 'layers.1.neurons.2.weights.1';

/** Where a snapshot's cursor is, as waitForSave reads the saved moment. */
const at = (s: Snapshot): [string, number, number] => [
	s.cursor.pass,
	s.cursor.layer,
	s.cursor.neuron
];

/** The page draws a frame within 5 s: it is not hung. (A tab behind another draws none: front first.) */
async function answers(page: Page): Promise<void> {
	await page.bringToFront();
	const frame = page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(true))));
	const late = new Promise((done) => setTimeout(() => done(false), 5000));
	expect(await Promise.race([frame, late])).toBe(true);
}

/**
 * Lets the test hold back a page's idle callbacks, where autosave writes: its
 * changes then stay unsaved while another tab saves.
 */
const holdIdle = (page: Page) =>
	page.addInitScript(() => {
		const held: IdleRequestCallback[] = [];
		const idle = window.requestIdleCallback.bind(window);
		const w = window as unknown as { holding: boolean; release: () => void };
		w.holding = false;
		w.release = () => {
			w.holding = false;
			for (const callback of held.splice(0)) idle(callback);
		};
		window.requestIdleCallback = (callback, options) =>
			w.holding ? held.push(callback) : idle(callback, options);
	});

async function reload(page: Page): Promise<void> {
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

test('two tabs stay in step; a tab with changes of its own asks, and keeps them as a copy', async ({
	context
}) => {
	const a = await context.newPage();
	const messages = watchConsole(a);
	await holdIdle(a);
	await open(a);
	await button(a, 'Forward').click();
	await waitForSave(a, at(forward));

	// A second tab opens what the first saved; a step there is followed in the first.
	const b = await context.newPage();
	await open(b);
	await expectCells(b, forward);
	await button(b, 'Backward').click();
	await expectCells(a, backward);

	// The first tab's edit is not saved yet when the second saves again: it asks, saves nothing.
	await a.evaluate(() => ((window as unknown as { holding: boolean }).holding = true));
	await typeInto(a, weight, '0.75');
	await button(b, 'Next neuron').click();
	const notice = banner(a).filter({ hasText: 'changed in another tab' });
	await expect(notice).toBeVisible();
	await expect(notice.getByRole('button', { name: 'Dismiss' })).toHaveCount(0);
	await notice.getByRole('button', { name: /Keep this tab’s as a copy/ }).click();
	await expectCells(a, step(backward, 'neuron'));
	await a.evaluate(() => (window as unknown as { release: () => void }).release());
	await answers(a);

	// The copy is kept: open it again, and the other tab follows.
	const kept = a.getByRole('region', { name: /Kept notebooks/ });
	await kept.getByRole('button', { name: 'Open' }).click();
	const edited = editStart(start, weight, 0.75);
	if (!edited.ok) throw new Error(edited.error);
	await expectCells(a, edited.start);
	await expectCells(b, edited.start);
	await button(b, 'Undo').click();
	await expectCells(b, step(backward, 'neuron'));
	await answers(b);
	expect(messages).toEqual([]);
});

test('a link opened over the user’s work keeps it one Undo away, across a reload', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	await waitForSave(page, at(forward));
	const xor = preset('xor');
	await page.goto('/' + (await shareHash(xor)));
	await expectCells(page, startOf(xor));
	await expect(banner(page)).toContainText('Undo goes back to it');

	await button(page, 'Forward').click();
	await expect.poll(() => new URL(page.url()).hash).toBe('');
	await waitForSave(page, at(step(startOf(xor), 'pass')));
	await reload(page);
	await expectCells(page, step(startOf(xor), 'pass'));
	await button(page, 'Undo').click();
	await button(page, 'Undo').click();
	await expectCells(page, forward);
	await answers(page);
	expect(messages).toEqual([]);
});

test('a reload during a run brings back the notebook as it was before the run, as the Run panel says', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const panel = page.locator('#run');
	await expect(panel).toContainText('Closing or reloading the page during a run');
	await panel.getByRole('textbox', { name: 'Iterations' }).fill('100,000,000');
	await panel.getByRole('button', { name: 'Run', exact: true }).click();
	await expect(panel).toHaveAttribute('data-status', 'running');
	await expect.poll(async () => Number(await panel.getAttribute('data-done'))).toBeGreaterThan(0);
	await reload(page);
	await expectCells(page, forward);
	await expect(panel).not.toHaveAttribute('data-status', 'running');
	await answers(page);
	expect(messages).toEqual([]);
});

test('an autosave in localStorage (version 1) is restored once and moved to IndexedDB', async ({
	page
}) => {
	const v1 = JSON.stringify({
		format: 'gradsheet-autosave',
		version: 1,
		starts: [JSON.parse(serialiseNotebook(article))],
		moment: [0, ...at(forward)],
		past: [[0, 'forward', 0, 0]],
		future: [],
		iterations: []
	});
	await page.addInitScript(
		([key, value]) => {
			if (!sessionStorage.getItem('seeded')) localStorage.setItem(key, value);
			sessionStorage.setItem('seeded', 'yes');
		},
		[LEGACY_KEY, v1]
	);
	await open(page);
	await expectCells(page, forward);
	await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), LEGACY_KEY)).toBeNull();
	await reload(page);
	await expectCells(page, forward);
	await button(page, 'Undo').click();
	await expectCells(page, start);
	await expect(banner(page)).toHaveCount(0);
});

test('a notebook of 100,000 random samples autosaves and restores with its history', async ({
	page
}) => {
	test.setTimeout(60_000);
	const messages = watchConsole(page);
	let seed = 7;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
	const samples = Array.from({ length: 100_000 }, () => ({
		inputs: [random(), random()],
		targets: [random(), random()]
	}));
	const notebook: Notebook = { ...article, samples };
	await open(page);
	await page.getByLabel('Import notebook', { exact: true }).setInputFiles({
		name: 'random.json',
		mimeType: 'application/json',
		buffer: Buffer.from(serialiseNotebook(notebook))
	});
	const first = startOf(notebook);
	await expectCells(page, first);
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await waitForSave(page, at(step(step(first, 'pass'), 'pass')));
	await reload(page);
	const done = step(step(first, 'pass'), 'pass');
	await expectCells(page, done);
	await expect(banner(page)).toHaveCount(0);
	await button(page, 'Undo').click();
	await expectCells(page, step(first, 'pass'));
	await answers(page);
	expect(messages).toEqual([]);
});
