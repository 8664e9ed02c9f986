/**
 * Overflow through NotebookState, the cases of issue 14: what is named, what
 * is refused, and that whatever the notebook then holds its own file, link and
 * autosave write and read back.
 */
import { describe, expect, it } from 'vitest';
import { netOf, type Notebook } from '$lib/engine/document/notebook.ts';
import { parseNotebook, serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { decodeShareLink, encodeShareLink } from '$lib/engine/document/share-link.ts';
import type { ActivationName } from '$lib/engine/maths/activations.ts';
import { LIMITS, type Net } from '$lib/engine/maths/model.ts';
import { HEAD_KEY, sessionParts } from './autosave-parts.ts';
import { decodeParts } from './autosave-read.ts';
import { NotebookState } from './notebook.svelte.ts';

const finite = (net: Net) =>
	net.layers.every((l) => l.neurons.every((n) => [n.bias, ...n.weights].every(Number.isFinite)));

/** The article's net with the given activation per layer and other fields changed. */
function article(activations: ActivationName[], change: Partial<Notebook> = {}): Notebook {
	const notebook = preset('article');
	return {
		...notebook,
		layers: notebook.layers.map((layer, l) => ({ ...layer, activation: activations[l] })),
		...change
	};
}

/** Export, share link and autosave each read back what they wrote. */
async function expectRoundTrips(sheet: NotebookState): Promise<void> {
	const notebook = sheet.toNotebook();
	const text = serialiseNotebook(notebook);
	expect(text).not.toContain('null');
	const parsed = parseNotebook(text);
	expect(parsed.ok && serialiseNotebook(parsed.notebook)).toBe(text);
	const linked = await decodeShareLink(await encodeShareLink(notebook));
	expect(linked.ok && serialiseNotebook(linked.notebook)).toBe(text);
	const { head, parts } = sessionParts({
		moment: sheet.moment,
		past: sheet.history.past,
		future: sheet.history.future,
		iterations: sheet.iterations.entries.map((e) => e.moment),
		predictions: sheet.predictions.toFile()
	});
	const stored = new Map([...parts].map(([key, text]) => [key, text()]));
	const saved = decodeParts(stored.set(HEAD_KEY, head));
	expect(saved.kind).toBe('restored');
	if (saved.kind === 'restored') expect(saved.session.moment.snapshot).toEqual(sheet.snapshot);
}

describe('overflow while stepping by hand', () => {
	it('refuses the Iteration whose Train would write ±∞ or NaN, so the linear net at η = 10 stays finite', async () => {
		const sheet = new NotebookState();
		sheet.load(article(['linear', 'linear', 'linear'], { learningRate: 10 }));
		const said: (string | undefined)[] = [];
		for (let k = 0; k < 9; k++) said.push(sheet.iteration());
		said.push(sheet.forward());
		const refusals = said.filter((s) => s !== undefined);
		expect(refusals.length).toBeGreaterThan(0);
		expect(refusals[0]).toMatch(
			/^Iteration was refused: Train would set “Layer \d, neuron \d: [a-z ]+\d*” to /
		);
		// Refused, the iteration is as it was: Forward then shows how its numbers overflow.
		expect(sheet.overflow).toMatchObject({ refused: false, pass: 'forward' });
		expect(finite(sheet.snapshot.net) && finite(sheet.snapshot.startNet)).toBe(true);
		await expectRoundTrips(sheet);
		// Undo is the way back: the iteration before, finite.
		const iteration = sheet.snapshot.iteration;
		sheet.undo();
		expect(sheet.snapshot.iteration).toBe(iteration - 1);
		expect(sheet.overflow).toBeUndefined();
	});

	it('names Forward’s infinite total, then Backward’s first, and refuses Train (weights 1e200, inputs 1e100)', async () => {
		const big = (notebook: Notebook) =>
			notebook.layers.map((layer) => ({
				...layer,
				neurons: layer.neurons.map((n) => ({ bias: 0, weights: n.weights.map(() => 1e200) }))
			}));
		const sheet = new NotebookState();
		const notebook = article(['linear', 'linear', 'linear']);
		sheet.load({ ...notebook, layers: big(notebook), inputs: [1e100, 1e100] });
		expect(sheet.forward()).toBeUndefined();
		// z = 0 + 1e200·1e100 + 1e200·1e100 = 2e300 in layer 0; layer 1's 3 · 1e200 · 2e300 overflows.
		expect(sheet.overflow).toMatchObject({
			address: 'layers.1.neurons.0.total',
			refused: false,
			pass: 'forward'
		});
		expect(sheet.overflow?.text).toBe(
			'Forward overflowed: “Layer 1, neuron 0: total” is ∞ (too large for a number), ' +
				'and the cells computed from it are not finite either. Undo goes back.'
		);
		expect(sheet.lastStep?.address).toBe('layers.1.neurons.0.total');
		expect(sheet.backward()).toBeUndefined();
		expect(sheet.overflow?.pass).toBe('backward');
		const before = sheet.snapshot;
		expect(sheet.train()).toMatch(/^Train was refused: /);
		expect(sheet.snapshot).toBe(before);
		await expectRoundTrips(sheet);
	});

	it('refuses Train at η = 1e308 with a linear last layer and targets ±50, naming the parameter', async () => {
		const sheet = new NotebookState();
		sheet.load(article(['tanh', 'tanh', 'linear'], { learningRate: 1e308, targets: [50, -50] }));
		sheet.forward();
		sheet.backward();
		expect(sheet.overflow).toBeUndefined();
		const net = sheet.snapshot.net;
		expect(sheet.train()).toMatch(
			/^Train was refused: Train would set “Layer 0, neuron 0: bias” to (−?∞ \(too large for a number\)|not a number)/
		);
		expect(sheet.overflow).toMatchObject({ address: 'layers.0.neurons.0.bias', refused: true });
		expect(sheet.snapshot.net).toBe(net);
		await expectRoundTrips(sheet);
	});

	it('takes pins of ±1e308, names the overflow they cause, and refuses the edit whose replay would train ∞', async () => {
		const sheet = new NotebookState();
		sheet.load(article(['linear', 'linear', 'linear']));
		sheet.forward();
		// E = ½ ((1e308 − t)² + …) overflows, though the value pinned is finite.
		expect(sheet.edit('layers.2.neurons.0.value', '1e308')).toBeUndefined();
		expect(sheet.overflow).toMatchObject({ address: 'loss', refused: false });
		expect(sheet.overflow?.text).toMatch(/^The edit overflowed: “Loss” is ∞/);
		expect(sheet.snapshot.overrides).toEqual({ 'layers.2.neurons.0.value': 1e308 });
		await expectRoundTrips(sheet);
		// After Train, a pin of δ = −1e308 at η = 10 replays into b ← b − 10 · (−1e308) = ∞: refused.
		const sheet2 = new NotebookState();
		sheet2.load(article(['linear', 'linear', 'linear'], { learningRate: 10 }));
		sheet2.iteration();
		const net = sheet2.snapshot.net;
		expect(sheet2.edit('layers.2.neurons.0.activation_gradient', '-1e308')).toMatch(
			/^The edit was refused: Train would set /
		);
		expect(sheet2.snapshot.net).toBe(net);
		expect(sheet2.snapshot.overrides).toEqual({});
		await expectRoundTrips(sheet2);
	});
});

describe('the most iterations a notebook counts', () => {
	it('opens a notebook at the maximum but steps no further, and says why', () => {
		const sheet = new NotebookState();
		sheet.load({ ...preset('xor'), iteration: LIMITS.maxIteration });
		const why =
			'The notebook has done 1,000,000,000,000,000 iterations, the most it counts; open another notebook to go on.';
		expect(sheet.whyNot('forward')).toBe(why);
		expect(sheet.forward()).toBe(why);
		expect(sheet.snapshot.iteration).toBe(LIMITS.maxIteration);
	});

	it('finishes the iteration that reaches the maximum, and then stops', () => {
		const sheet = new NotebookState();
		sheet.load({ ...preset('xor'), iteration: LIMITS.maxIteration - 1 });
		expect(sheet.iteration()).toBeUndefined();
		expect(sheet.toNotebook().iteration).toBe(LIMITS.maxIteration);
		expect(parseNotebook(serialiseNotebook(sheet.toNotebook())).ok).toBe(true);
		expect(sheet.forward()).toMatch(/the most it counts/);
		expect(netOf(sheet.toNotebook())).toEqual(sheet.snapshot.net);
	});
});

describe('a prediction of a cell that overflowed', () => {
	it('is checked, and filed without the engine’s ∞, so the file still reads back', async () => {
		const sheet = new NotebookState();
		const notebook = article(['linear', 'linear', 'linear']);
		sheet.load({ ...notebook, inputs: [1e300, 1e300] });
		sheet.predictions.on = true;
		// The outputs are about 1e298, so E = ½ Σ (a − t)² overflows.
		expect(sheet.predictions.guess('loss', '5')).toBeUndefined();
		sheet.forward();
		expect(sheet.predictions.guessOf('loss')?.engine).toBe(Infinity);
		expect(sheet.predictions.toFile()?.guesses).toEqual({ loss: { guess: 5 } });
		await expectRoundTrips(sheet);
	});
});
