/**
 * How the UI benchmarks time a click: inside the page, from just before
 * `button.click()` to a `setTimeout` queued from the next
 * `requestAnimationFrame` (it runs after the frame holding the update has
 * been rendered), once the page has settled. Shared by `npm run bench:ui`'s
 * everyday nets and its limit nets (ui-limits.ts).
 */
import type { Page } from '@playwright/test';

/** Resolves once the window has not scrolled for a few frames: the last step's follow has landed. */
async function settle(page: Page): Promise<void> {
	await page.evaluate(async () => {
		let still = 0;
		let at = scrollY;
		for (let frames = 0; still < 6 && frames < 240; frames++) {
			await new Promise((resolve) => requestAnimationFrame(resolve));
			still = scrollY === at ? still + 1 : 0;
			at = scrollY;
		}
	});
}

export interface Click {
	paint: number;
	script: number;
	/** To the step's cell selected and painted (NaN when following selected nothing new). */
	follow: number;
}

/** Milliseconds from clicking `name` to the next painted frame, and to the DOM updated (script only). */
async function clickToPaint(page: Page, name: string): Promise<Click> {
	await settle(page);
	return page.evaluate(async (name) => {
		// Inline, not a named helper: tsx would wrap it in a function the page lacks.
		const was = document.querySelector('.formula-bar code')?.textContent;
		// By accessible name: a finer step's text is short on a phone, its aria-label the full name.
		const button = [...document.querySelectorAll('button')].find(
			(b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name
		);
		if (!button || button.disabled) throw new Error(`${name} cannot be clicked`);
		const start = performance.now();
		button.click();
		// Svelte applies updates in a microtask: a resolved promise's callback runs after them.
		await new Promise<void>((resolve) =>
			queueMicrotask(() => Promise.resolve().then(() => resolve()))
		);
		const script = performance.now() - start;
		await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
		const paint = performance.now() - start;
		let follow = NaN;
		for (let frames = 0; frames < 30 && Number.isNaN(follow); frames++) {
			await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
			if (document.querySelector('.formula-bar code')?.textContent !== was)
				follow = performance.now() - start;
		}
		return { paint, script, follow };
	}, name);
}

export const BUTTONS = ['Forward', 'Backward', 'Train', 'Next neuron'] as const;

/** `rounds` times: Forward, Backward, Train, then Next neuron, each timed; Iteration finishes the round. */
export async function measureClicks(page: Page, rounds: number): Promise<Record<string, Click[]>> {
	await page.waitForTimeout(300);
	const times: Record<string, Click[]> = Object.fromEntries(BUTTONS.map((b) => [b, []]));
	for (let round = 0; round < rounds; round++) {
		for (const name of ['Forward', 'Backward', 'Train'] as const)
			times[name].push(await clickToPaint(page, name));
		times['Next neuron'].push(await clickToPaint(page, 'Next neuron'));
		await clickToPaint(page, 'Iteration'); // finish that iteration so the next round starts at Forward
	}
	return times;
}
