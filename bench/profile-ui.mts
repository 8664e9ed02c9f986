/**
 * CPU profile of step clicks on a big net (PROFILE_SIZES, default 2-64-64-64-64-2): the
 * functions with the most self time. For finding what bounds a repaint; `npm run build`
 * first, then `PREVIEW_PORT=… npx tsx bench/profile-ui.mts`.
 */
import { chromium } from '@playwright/test';
import { initialiseNet } from '../src/lib/engine/fast/init.ts';
import { preset } from '../src/lib/engine/document/presets.ts';
import { shareHash } from '../src/lib/engine/document/share-link.ts';
import { startPreview } from '../scripts/preview.ts';
const port = Number(process.env.PREVIEW_PORT ?? 4196);
const stop = await startPreview(port);
const sizes = (process.env.PROFILE_SIZES ?? '2-64-64-64-64-2').split('-').map(Number);
const net = initialiseNet(sizes, 'tanh', 7);
const nb = {
	...preset('article'),
	inputs: [0.3, 0.6],
	targets: [0.2, 0.4],
	layers: net.layers.map((l) => ({ neurons: l.neurons })),
	labels: undefined,
	dataset: undefined
};
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
await p.goto(`http://localhost:${port}/` + (await shareHash(nb)));
await p.locator('html[data-ready]').waitFor({ state: 'attached' });
await p.waitForTimeout(500);
const cdp = await p.context().newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 5; i++) {
	for (const name of ['Forward', 'Backward', 'Train']) {
		await p.evaluate(async (name) => {
			const button = [...document.querySelectorAll('button')].find(
				(b) => b.textContent?.trim() === name
			)!;
			button.click();
			await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
		}, name);
	}
}
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const dt = profile.timeDeltas!;
const samples = profile.samples!;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < samples.length; i++) {
	const n = byId.get(samples[i])!;
	const f = n.callFrame;
	const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
	self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', total.toFixed(0));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25))
	console.log(v.toFixed(1).padStart(8), k);
await b.close();
stop();
