/**
 * The article's net's worked example, read back from its Markdown: every
 * number in its maths is the engine's, to the digits it shows (results to the
 * page's digits, Train's new numbers to the digits that tell old from new),
 * and every cell the iteration has computed so far is written out once.
 */
import { describe, expect, test } from 'vitest';
import { allAddresses, isParameter } from '$lib/engine/maths/addresses.ts';
import { formulaOf } from '$lib/engine/maths/cells/cells.ts';
import { isComputedKind } from '$lib/engine/maths/cells/kinds.ts';
import { parseAddress } from '$lib/engine/maths/addresses.ts';
import { cellInput, cellValue, isTrained } from '$lib/engine/maths/cells/values.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import { momentOf } from '$lib/state/moment.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import { workedExample } from './build.ts';
import { workedMarkdown } from './markdown.ts';
import { readBack, showsNumber, type ReadLine } from './testing/read-back.ts';

const notebook = preset('article');
const start = momentOf(notebook).start;
const sizes = layerSizes(start.net);

const markdownOf = (s: Snapshot, precision = 4) =>
	workedMarkdown(workedExample(s, precision, notebook.labels), precision);

const computed = (a: string) => isComputedKind(parseAddress(a)!.kind);

/** The lines the worked example must have at `s`: every number set, and every cell computed so far. */
function expectedLines(s: Snapshot): string[] {
	const addresses = allAddresses(sizes).filter((a) => a !== 'iteration');
	const given = addresses.filter((a) => !computed(a)).map((a) => `set ${a}`);
	const done = addresses
		.filter((a) => (computed(a) ? cellValue(s, a) !== undefined : isTrained(s, a)))
		.map((a) => `computed ${a}`);
	return [...given, ...done].sort();
}

/** The engine's number for a line: a number set as the iteration read it, a computed one (or Train's new one) now. */
const engineNumber = (s: Snapshot, line: ReadLine) =>
	line.computed ? cellValue(s, line.address)! : cellInput(s, line.address)!;

function checkEvery(s: Snapshot, lines: readonly ReadLine[]): void {
	for (const line of lines) {
		const where = `${line.address}: ${line.result.text}`;
		expect(showsNumber(line.result, engineNumber(s, line)), where).toBe(true);
		if (!line.computed) continue;
		const formula = formulaOf(s.net, line.address)!;
		const reads = [...(isParameter(line.address) ? [line.address] : []), ...formula.precedents];
		const inputs = reads.map((p) => cellInput(s, p)!);
		// Each number substituted is one of the formula's inputs or one of its own constants…
		for (const n of line.substituted)
			expect(
				inputs.some((x) => showsNumber(n, x)) || line.constants.includes(n.value),
				`${line.address} substitutes ${n.text}`
			).toBe(true);
		// …and each input is substituted.
		for (const [k, x] of inputs.entries())
			expect(
				line.substituted.some((n) => showsNumber(n, x)),
				`${line.address} reads ${reads[k]} = ${x}`
			).toBe(true);
	}
}

describe("the article's net's worked example, read back from its Markdown", () => {
	const moments: [string, Snapshot][] = [
		['before any step', start],
		['after Forward', step(start, 'pass')],
		['part-way through Backward', step(step(step(start, 'pass'), 'neuron'), 'neuron')],
		['after Backward', step(step(start, 'pass'), 'pass')],
		['after a whole iteration', step(start, 'iteration')]
	];

	test.each(moments)('%s: every cell computed so far is written out once', (_, s) => {
		const lines = readBack(markdownOf(s), sizes);
		const written = lines.map((l) => `${l.computed ? 'computed' : 'set'} ${l.address}`).sort();
		expect(written).toEqual(expectedLines(s));
	});

	test.each(moments)(
		'%s: every number in its maths is the engine’s, to the digits shown',
		(_, s) => {
			const lines = readBack(markdownOf(s), sizes);
			expect(lines.length).toBeGreaterThan(0);
			checkEvery(s, lines);
		}
	);

	test('at 9 digits too, and the update of a weight shows old and new apart', () => {
		const s = step(start, 'iteration');
		const lines = readBack(markdownOf(s, 9), sizes);
		checkEvery(s, lines);
		const weight = lines.find((l) => l.address === 'layers.0.neurons.0.weights.0' && l.update)!;
		expect(weight.result.value).not.toBe(cellInput(s, weight.address));
	});

	test('a pass not run yet says so', () => {
		const text = markdownOf(step(start, 'pass'));
		expect(text).toContain('Backward has not run yet in this iteration.');
		expect(text).toContain('Train has not run yet in this iteration.');
		expect(text).not.toContain('Forward has not run yet');
	});
});
