/**
 * One number grammar for a cell typed into and a block pasted: the same
 * texts typed into one input and pasted into the other are accepted as the
 * same number or refused alike. Typing once took `1_000` and `1__0` (it
 * dropped every underscore) while a paste refused both.
 */
import { expect, test, type Page } from '@playwright/test';
import { cell, open, typeInto, watchConsole } from './support/page.ts';

/** Pastes `text` at the cell `address` as the clipboard would, with Ctrl/Cmd+V. */
async function pasteInto(page: Page, address: string, text: string): Promise<void> {
	await cell(page, address).click();
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await page.keyboard.press('ControlOrMeta+V');
}

/** What became of the cell: its new value, or 'refused' (an alert beside it, the value kept). */
async function outcome(page: Page, address: string, before: string): Promise<string> {
	const target = cell(page, address);
	const refused = target.getByRole('alert');
	await expect(refused.or(target.and(page.locator(`:not([data-value="${before}"])`)))).toHaveCount(
		1
	);
	if (await refused.isVisible()) {
		await expect(target).toHaveAttribute('data-value', before);
		await page.keyboard.press('Escape');
		await expect(refused).toHaveCount(0);
		return 'refused';
	}
	return (await target.getAttribute('data-value'))!;
}

// Accepted texts set both cells to the same value, so each follows a refused one or a new value.
const TEXTS: [string, string][] = [
	['1_000', '1000'],
	['1__0', 'refused'],
	['0.000_5', '0.0005'],
	['-2.5E-1', '-0.25'],
	['0,5', 'refused'],
	['1e999', 'refused'],
	['.5_5', '0.55']
];

// Fourteen edits, each waited for: a loaded machine needs more than the default 30 s.
test.setTimeout(90_000);

test('a text typed into a cell and the same text pasted into one give the same number, or the same refusal', async ({
	page,
	context
}) => {
	const messages = watchConsole(page);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await open(page);
	for (const [text, expected] of TEXTS) {
		const typedBefore = (await cell(page, 'inputs.0').getAttribute('data-value'))!;
		await typeInto(page, 'inputs.0', text);
		const typed = await outcome(page, 'inputs.0', typedBefore);
		const pastedBefore = (await cell(page, 'inputs.1').getAttribute('data-value'))!;
		await pasteInto(page, 'inputs.1', text);
		const pasted = await outcome(page, 'inputs.1', pastedBefore);
		expect({ text, typed, pasted }).toEqual({ text, typed: expected, pasted: expected });
	}
	expect(messages).toEqual([]);
});
