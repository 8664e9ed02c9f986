/**
 * The Content Security Policy: a <meta> policy in the page that allows no
 * inline script and no eval, and that nothing the app does on load, while
 * stepping, selecting (KaTeX), running in the worker, checking gradients or
 * saving ever trips.
 */
import { expect, test, type Page } from '@playwright/test';
import { serialiseNotebook } from '../src/lib/engine/document/notebook-file.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { button, cell, formulaBar, open, watchConsole } from './support/page.ts';

/** The policy's directives, by name. */
async function policy(page: Page): Promise<Map<string, string[]>> {
	const content = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	expect(content, 'the page carries a CSP meta tag').toBeTruthy();
	return new Map(
		content!
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...values]) => [name, values])
	);
}

/** Collects CSP violations the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.violatedDirective}: ${event.blockedURI}`)
		);
	});
	return () =>
		page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('the page carries a strict policy: no inline script, no eval, no plug-ins', async ({
	page
}) => {
	await open(page);
	const directives = await policy(page);
	const scripts = directives.get('script-src') ?? directives.get('default-src')!;
	expect(scripts).toContain("'self'");
	expect(scripts).not.toContain("'unsafe-inline'");
	expect(scripts).not.toContain("'unsafe-eval'");
	// Not even SvelteKit's bootstrap is inline: the build moves it into a file (scripts/externalize-bootstrap.js).
	expect(scripts).toEqual(["'self'"]);
	expect(await page.locator('script:not([src])').count()).toBe(0);
	expect(directives.get('default-src')).toEqual(["'self'"]);
	expect(directives.get('object-src')).toEqual(["'none'"]);
	expect(directives.get('base-uri')).toEqual(["'self'"]);
});

test('nothing trips the policy on load, stepping, selecting, importing, running, checking and saving', async ({
	page
}) => {
	const messages = watchConsole(page);
	const violations = await watchViolations(page);
	await open(page);
	for (const name of ['Forward', 'Backward', 'Train', 'Next neuron', 'Next layer', 'Iteration'])
		await button(page, name).click();
	await cell(page, 'layers.1.neurons.0.activation_gradient').click();
	await expect(formulaBar(page).locator('.katex').first()).toBeVisible();
	await page.getByLabel('Import notebook', { exact: true }).setInputFiles({
		name: 'xor.json',
		mimeType: 'application/json',
		buffer: Buffer.from(serialiseNotebook(preset('xor')))
	});
	await button(page, 'Iteration').click();
	// A run in the worker, its chart and report, then the gradient check and both editors.
	await page.getByLabel('Iterations', { exact: true }).fill('1000');
	await button(page, 'Run').click();
	await expect(page.locator('#run')).toHaveAttribute('data-status', 'finished', {
		timeout: 60_000
	});
	await button(page, 'Forward').click();
	await button(page, 'Backward').click();
	await button(page, 'Check gradients').click();
	await expect(page.locator('#gradient-check-results')).toContainText('agree');
	await button(page, 'Edit network').click();
	await button(page, 'Edit data').click();
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await button(page, 'Train').click();
	expect(await violations()).toEqual([]);
	expect(messages.filter((m) => /Content Security Policy|CSP/i.test(m))).toEqual([]);
	expect(messages).toEqual([]);
});

test('an inline script injected into the page is blocked by the policy', async ({ page }) => {
	const violations = await watchViolations(page);
	await open(page);
	const ran = await page.evaluate(async () => {
		const script = document.createElement('script');
		script.textContent = 'window.injectedRan = true';
		document.body.append(script);
		await new Promise((resolve) => setTimeout(resolve, 50));
		return 'injectedRan' in window;
	});
	expect(ran).toBe(false);
	expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
});
