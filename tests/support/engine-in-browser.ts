/**
 * run-reference.ts bundled for the browser and loaded into a blank page of
 * the test's own Chromium: the engine's numbers as that browser computes
 * them. A blank page has no Content Security Policy to refuse the script.
 */
import type { Browser, Page } from '@playwright/test';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type * as Reference from './run-reference.ts';

let bundle: Promise<string> | undefined;

function bundled(): Promise<string> {
	bundle ??= build({
		entryPoints: [fileURLToPath(new URL('./run-reference.ts', import.meta.url))],
		bundle: true,
		format: 'iife',
		globalName: 'runReference',
		platform: 'browser',
		write: false
	}).then((out) => out.outputFiles[0].text);
	return bundle;
}

declare global {
	var runReference: typeof Reference;
}

/** A blank page of `browser` with `globalThis.runReference` = run-reference.ts. */
export async function enginePage(browser: Browser): Promise<Page> {
	const page = await browser.newPage();
	await page.setContent('<!doctype html><title>engine</title>');
	await page.addScriptTag({ content: await bundled() });
	return page;
}
