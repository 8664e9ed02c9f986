/**
 * Hostile input: files, pastes and links that are malformed, oversized or
 * crafted. Each is refused with the engine parser's own message and leaves
 * the open notebook exactly as it was; labels full of markup and TeX open,
 * and show as literal text that never becomes an element or runs script.
 */
import { writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { step } from '../src/lib/engine/maths/passes.ts';
import { parseNotebook, serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { button, cell, expectCells, formulaBar, open, pageCells, startOf } from './support/page.ts';
import { banner, rawLink } from './support/notebooks.ts';

const article = preset('article');
const text = serialiseNotebook(article);
/** The article's notebook text with `from` replaced by `to`. */
const altered = (from: string, to: string) => {
	if (!text.includes(from)) throw new Error(`no ${from}`);
	return text.replace(from, to);
};

/** A net far over the weight limit: 10 layers of 256 neurons, 256 weights each. */
function hugeNet(): string {
	const neuron = `{"bias":0,"weights":[${new Array(256).fill(0).join(',')}]}`;
	const layer = `{"neurons":[${new Array(256).fill(neuron).join(',')}]}`;
	return altered(
		/"layers": \[[^]*?\n {2}\],/.exec(text)![0],
		`"layers":[${new Array(10).fill(layer).join(',')}],`
	);
}

const HOSTILE: [string, string][] = [
	['a learning rate that is text', altered('"learningRate": 0.001', '"learningRate": "fast"')],
	['three inputs for a net that reads two', altered('"inputs": [', '"inputs": [1, ')],
	['a non-finite number', altered('"learningRate": 0.001', '"learningRate": 1e999')],
	['a __proto__ key', altered('"version": 1,', '"version": 1, "__proto__": {"polluted": true},')],
	[
		'a constructor key',
		altered('"neurons": [', '"constructor": {"prototype": {"polluted": true}}, "neurons": [')
	],
	['a network far over the size limit', hugeNet()],
	['deeply nested JSON', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
	['text that is not JSON', 'this is not a notebook'],
	['a JSON object of another kind', '{"format": "something-else", "version": 1}'],
	['a newer version', altered('"version": 1', '"version": 9')]
];

const dialogs = new WeakMap<Page, string[]>();

/** Records every alert, confirm or prompt the page opens: a script that ran. */
function watchDialogs(page: Page): string[] {
	const opened: string[] = [];
	dialogs.set(page, opened);
	page.on('dialog', (dialog) => {
		opened.push(dialog.message());
		void dialog.dismiss();
	});
	return opened;
}

/** The page with some work in it: a step and an edit that must survive every refusal. */
async function withWork(page: Page): Promise<Record<string, string>> {
	watchDialogs(page);
	await open(page);
	await button(page, 'Forward').click();
	await cell(page, 'inputs.1').click();
	await page.keyboard.type('0.3');
	await page.keyboard.press('Enter');
	await expect(cell(page, 'inputs.1')).toHaveAttribute('data-value', '0.3');
	return pageCells(page);
}

/** The undo history survived the refusal too: Undo takes back the edit, Redo puts it back. */
async function expectHistoryKept(page: Page): Promise<void> {
	await button(page, 'Undo').click();
	await expect(cell(page, 'inputs.1')).toHaveAttribute('data-value', String(article.inputs[1]));
	await button(page, 'Redo').click();
	await expect(cell(page, 'inputs.1')).toHaveAttribute('data-value', '0.3');
}

const picker = (page: Page) => page.getByLabel('Import notebook', { exact: true });

/** Drops a file onto the page: `body` as its text, or a count of bytes (spaces) made in the page. */
async function drop(page: Page, name: string, body: string | number): Promise<void> {
	const transfer = await page.evaluateHandle(
		([name, body]) => {
			const data = new DataTransfer();
			const content = typeof body === 'number' ? new Uint8Array(body).fill(0x20) : body;
			data.items.add(new File([content], name, { type: 'application/json' }));
			return data;
		},
		[name, body] as const
	);
	await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
	await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

for (const [name, hostile] of HOSTILE) {
	test(`a file with ${name} is refused with the parser's message, nothing lost`, async ({
		page
	}) => {
		const before = await withWork(page);
		const refusal = parseNotebook(hostile);
		expect(refusal.ok).toBe(false);
		await picker(page).setInputFiles({
			name: 'hostile.json',
			mimeType: 'application/json',
			buffer: Buffer.from(hostile)
		});
		await expect(banner(page)).toContainText('The file "hostile.json" could not be opened');
		if (!refusal.ok) await expect(banner(page)).toContainText(refusal.error);
		await expect(banner(page)).toContainText('The open notebook is unchanged.');
		expect(await pageCells(page)).toEqual(before);
		expect(await page.evaluate(() => 'polluted' in {})).toBe(false);
		expect(dialogs.get(page)).toEqual([]);
		await expectHistoryKept(page);
		// Still working: the next pass runs.
		await button(page, 'Backward').click();
		await expect(cell(page, 'layers.0.neurons.0.activation_gradient')).not.toHaveAttribute(
			'data-value',
			''
		);
	});
}

test('a 50 MB file is refused by its size at once, and the page stays usable', async ({
	page
}, testInfo) => {
	const before = await withWork(page);
	const path = testInfo.outputPath('huge.json');
	await writeFile(path, Buffer.alloc(50 * 1024 * 1024, 0x20));
	await picker(page).setInputFiles(path);
	await expect(banner(page)).toContainText(
		'the file is 52,428,800 bytes (50 MB); a notebook file is at most 20,000,000 bytes'
	);
	expect(await pageCells(page)).toEqual(before);
	await button(page, 'Backward').click();
	await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});

test('a hostile file or a 50 MB file dropped onto the page is refused, nothing lost', async ({
	page
}) => {
	const before = await withWork(page);
	const [name, hostile] = HOSTILE[2];
	const refusal = parseNotebook(hostile);
	if (refusal.ok) throw new Error(`${name} was accepted`);
	await drop(page, 'infinite.json', hostile);
	await expect(banner(page)).toContainText('The file "infinite.json" could not be opened');
	await expect(banner(page)).toContainText(refusal.error);
	expect(await pageCells(page)).toEqual(before);

	await drop(page, 'huge.json', 50 * 1024 * 1024);
	await expect(banner(page)).toContainText(
		'The file "huge.json" could not be opened: the file is 52,428,800 bytes (50 MB)'
	);
	expect(await pageCells(page)).toEqual(before);
	await expect(page.getByText('Drop a notebook file to open it')).toHaveCount(0);
	await expectHistoryKept(page);
});

test('a pasted hostile notebook is refused with its message, nothing lost', async ({ page }) => {
	const before = await withWork(page);
	const hostile = HOSTILE[3][1];
	await page.locator('body').evaluate((body, hostile) => {
		const data = new DataTransfer();
		data.setData('text/plain', hostile);
		body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
	}, hostile);
	await expect(banner(page)).toContainText('The pasted notebook could not be opened');
	await expect(banner(page)).toContainText('"__proto__"');
	expect(await pageCells(page)).toEqual(before);
	await expectHistoryKept(page);
});

for (const [name, hostile] of HOSTILE) {
	test(`a link carrying ${name} is refused, nothing lost`, async ({ page }) => {
		const before = await withWork(page);
		const refusal = parseNotebook(hostile);
		await page.goto('/' + rawLink(hostile));
		await expect(banner(page)).toContainText("This link's notebook could not be opened");
		if (!refusal.ok) await expect(banner(page)).toContainText(refusal.error);
		expect(await pageCells(page)).toEqual(before);
	});
}

test('a damaged link is refused, nothing lost', async ({ page }) => {
	const before = await withWork(page);
	await page.goto('/#nb=%3Cimg%20src=x%20onerror=alert(1)%3E');
	await expect(banner(page)).toContainText('the link is damaged');
	expect(await pageCells(page)).toEqual(before);
});

const MARKUP = '<img src=x onerror=alert(1)>';
const HREF = '\\href{javascript:alert(1)}{x}';
const DEF = '\\def\\x{<b>bold</b>}\\x';
const SCRIPT = '<script>alert(2)</script>';
const labelled = {
	...article,
	labels: { inputs: [MARKUP, HREF], outputs: [DEF, SCRIPT] }
};

async function expectLiteralLabels(page: Page): Promise<void> {
	for (const label of [MARKUP, HREF, DEF, SCRIPT])
		await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
	expect(await page.locator('img, b, a[href^="javascript"], iframe, object, embed').count()).toBe(
		0
	);
	expect(
		await page
			.locator('script')
			.evaluateAll((s) => s.filter((e) => e.textContent?.includes('alert')).length)
	).toBe(0);
	// In the formula bar, too, a label is text beside the typeset maths.
	await cell(page, 'inputs.0').click();
	await expect(formulaBar(page)).toContainText(`Input 0 (${MARKUP})`);
	await cell(page, 'targets.0').click();
	await expect(formulaBar(page)).toContainText(`Target 0 (${DEF})`);
	expect(await page.locator('img, b, a[href^="javascript"]').count()).toBe(0);
}

test('labels with markup and TeX commands open as literal text, from a file and from a link', async ({
	page,
	browser
}) => {
	await withWork(page);
	await picker(page).setInputFiles({
		name: 'labels.json',
		mimeType: 'application/json',
		buffer: Buffer.from(serialiseNotebook(labelled))
	});
	await expectCells(page, startOf(labelled));
	await expectLiteralLabels(page);
	await button(page, 'Forward').click();
	await expectCells(page, step(startOf(labelled), 'pass'));
	// The samples table's headings and a run's legend and report name the columns by label too.
	await button(page, 'Edit data').click();
	await page.getByLabel('A samples table').check();
	await page.getByLabel('Iterations', { exact: true }).fill('100');
	await button(page, 'Run').click();
	await expect(page.locator('#run')).toHaveAttribute('data-status', 'finished', {
		timeout: 60_000
	});
	for (const label of [MARKUP, HREF])
		await expect(page.getByRole('grid', { name: 'Samples' })).toContainText(label);
	for (const label of [DEF, SCRIPT]) {
		await expect(page.locator('#run .legend').first()).toContainText(label);
		await expect(page.locator('#run-reports')).toContainText(label);
	}
	expect(await page.locator('img, b, a[href^="javascript"], iframe').count()).toBe(0);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	const otherDialogs = watchDialogs(other);
	await open(other, '/' + (await shareHash(labelled)));
	await expectCells(other, startOf(labelled));
	await expectLiteralLabels(other);
	expect(otherDialogs).toEqual([]);
	expect(dialogs.get(page)).toEqual([]);
	await fresh.close();
});
