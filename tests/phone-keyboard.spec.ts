/**
 * On a phone: every number field asks for a number keyboard — decimal for
 * cells (a weight is -0.25), numeric for counts — and the pin of an
 * overridden cell is drawn, not an emoji that a phone without the font
 * shows as a box.
 */
import { expect, test, type Page } from '@playwright/test';
import { button, cell, open, typeInto, watchConsole } from './support/page.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** The inputmode of the input `locate` finds. */
const modeOf = (page: Page, selector: string) =>
	page.locator(selector).first().getAttribute('inputmode');

test("the cells' editors open a decimal keyboard, the counts a numeric one", async ({ page }) => {
	const messages = watchConsole(page);
	await open(page);
	// On a phone the weights scroll beneath the frozen z and a columns: reach one as a learner would, by arrow.
	await cell(page, 'layers.0.neurons.0.bias').click();
	await page.keyboard.press('ArrowRight');
	await expect(cell(page, 'layers.0.neurons.0.weights.0')).toBeFocused();
	await page.keyboard.press('F2');
	await expect(cell(page, 'layers.0.neurons.0.weights.0').locator('input')).toHaveAttribute(
		'inputmode',
		'decimal'
	);
	await page.keyboard.press('Escape');

	await button(page, 'Edit data').click();
	await page.getByLabel('A samples table').check();
	await page.locator('[data-sample="0.1"]').dblclick();
	await expect(page.locator('[data-sample="0.1"] input')).toHaveAttribute('inputmode', 'decimal');
	await page.keyboard.press('Escape');
	expect(await modeOf(page, '#fill-count')).toBe('numeric');

	expect(await modeOf(page, '#run input[name="iterations"]')).toBe('numeric');
	expect(await modeOf(page, '#run input[name="report-every"]')).toBe('numeric');
	await button(page, 'Edit network').click();
	const steppers = page.locator('#network .stepper input');
	expect(await steppers.count()).toBeGreaterThan(0);
	for (const mode of await steppers.evaluateAll((inputs) =>
		inputs.map((i) => i.getAttribute('inputmode'))
	))
		expect(mode).toBe('numeric');
	expect(messages).toEqual([]);
});

test('a pinned cell shows a drawn pin with a name, in its colour, without an emoji', async ({
	page
}) => {
	const messages = watchConsole(page);
	await open(page);
	await button(page, 'Forward').click();
	const pinned = cell(page, 'layers.0.neurons.1.value');
	await typeInto(page, 'layers.0.neurons.1.value', '0.5');
	await expect(pinned).toHaveClass(/\bpinned\b/);
	const pin = pinned.getByRole('img', { name: 'Pinned' });
	await expect(pin).toBeVisible();
	expect(await pinned.textContent()).not.toMatch(/\p{Extended_Pictographic}/u);

	// The screenshot of the pin holds pixels of the pinned colour (#7e22ce), drawn by the page itself.
	const png = (await pin.screenshot()).toString('base64');
	const coloured = await page.evaluate(async (data) => {
		// A bitmap from bytes, not an <img>: the page's CSP does not allow data: images.
		const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
		const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
		const canvas = new OffscreenCanvas(image.width, image.height);
		const context = canvas.getContext('2d')!;
		context.drawImage(image, 0, 0);
		const { data: pixels } = context.getImageData(0, 0, image.width, image.height);
		let count = 0;
		for (let i = 0; i < pixels.length; i += 4) {
			const [r, g, b] = [pixels[i], pixels[i + 1], pixels[i + 2]];
			if (Math.abs(r - 0x7e) < 40 && Math.abs(g - 0x22) < 40 && Math.abs(b - 0xce) < 40) count++;
		}
		return count;
	}, png);
	expect(coloured).toBeGreaterThan(10);
	expect(messages).toEqual([]);
});
