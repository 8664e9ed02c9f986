/**
 * The exported workbook recalculated by a real spreadsheet: LibreOffice opens
 * it with every cached value dropped, recalculates, and each cell must come
 * out as the engine computes it — for the article's net, a net with sigmoid
 * and ReLU layers, a pinned cell, and after a weight or an input is changed in
 * the workbook itself. Under CI a missing LibreOffice fails; elsewhere these
 * tests are skipped with a note.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATIONS, ACTIVATION_NAMES } from '../../engine/maths/activations.ts';
import { editStart } from '../../engine/maths/edits.ts';
import { netOf } from '../../engine/document/notebook.ts';
import { step } from '../../engine/maths/passes.ts';
import { preset } from '../../engine/document/presets.ts';
import { createSnapshot, type Snapshot } from '../../engine/maths/snapshot.ts';
import { seededSnapshot } from '../../engine/__fixtures__/nets.ts';
import { planWorkbook } from './sheets.ts';
import { buildWorkbook } from './workbook.ts';
import { recalculate, requireSoffice, sofficeForTests } from './testing/libreoffice.ts';
import { agrees, engineNumbers, startOf } from './testing/oracle.ts';
import {
	editedBytes,
	loadWorkbook,
	namedCells,
	shownNumber,
	strippedBytes
} from './testing/workbooks.ts';
import type ExcelJS from 'exceljs';

const { soffice, run } = sofficeForTests();

const article = preset('article');
const articleStart = createSnapshot({
	net: netOf(article),
	inputs: article.inputs,
	targets: article.targets,
	learningRate: article.learningRate,
	iteration: 4
});
const mixedStart = seededSnapshot([3, 4, 3, 2], ['sigmoid', 'relu', 'sigmoid'], 4);
/** A layer of every activation of the table, so that each one's spreadsheet formulas are tried. */
const everyStart = seededSnapshot(
	[3, ...ACTIVATION_NAMES.map(() => 4), 2],
	[...ACTIVATION_NAMES, 'linear'],
	6
);
const pinnedStart = createSnapshot({
	...articleStart,
	overrides: { 'layers.1.neurons.1.value': 0.3, 'layers.0.neurons.2.activation_gradient': 0.01 }
});

/** Each case: the snapshot exported (mid-iteration, as the page holds it), and its start. */
const CASES: Record<string, Snapshot> = {
	article: step(articleStart, 'pass'),
	mixed: step(step(mixedStart, 'pass'), 'layer'),
	pinned: pinnedStart,
	every: step(everyStart, 'iteration')
};

/** Changes made in the workbook, as the engine's edits: [case, address, name, new number]. */
const EDITS = [
	['article', 'layers.1.neurons.0.weights.2', 'w_1_0_2', 0.7],
	['mixed', 'inputs.1', 'x_1', -0.45],
	['mixed', 'learning_rate', 'eta', 0.5]
] as const;

const exported = (s: Snapshot) => buildWorkbook(planWorkbook(s));

let recalculated: Record<string, ExcelJS.Workbook>;

beforeAll(async () => {
	if (!run) return;
	const files: Record<string, Uint8Array> = {};
	for (const [name, s] of Object.entries(CASES)) files[name] = await strippedBytes(exported(s));
	for (const [name, , cell, value] of EDITS)
		files[`${name}-${cell}`] = await editedBytes(exported(CASES[name]), cell, value);
	const saved = await recalculate(requireSoffice(soffice), files);
	recalculated = {};
	for (const [name, bytes] of Object.entries(saved)) recalculated[name] = await loadWorkbook(bytes);
}, 240_000);

/** The names whose recalculated number is not the engine's, with both numbers. */
function disagreements(workbook: ExcelJS.Workbook, expected: Map<string, number>): string[] {
	const cells = namedCells(workbook);
	expect([...cells.keys()].sort()).toEqual([...expected.keys()].sort());
	return [...expected].flatMap(([name, value]) => {
		const actual = shownNumber(cells.get(name)!);
		return agrees(actual, value) ? [] : [`${name}: ${actual} ≠ ${value}`];
	});
}

describe.runIf(run)('an exported workbook recalculated by LibreOffice', () => {
	it('has a ReLU layer with totals on both sides of 0, so both branches of its formulas are tried', () => {
		const totals = step(mixedStart, 'pass').totals[1];
		expect(totals.some((z) => z < 0) && totals.some((z) => z > 0)).toBe(true);
	});

	it('has a layer of every activation with totals on both sides of 0 where f has a kink', () => {
		const forward = step(everyStart, 'pass');
		forward.startNet.layers.forEach((layer, l) => {
			if (ACTIVATIONS[layer.activation].kink === undefined) return;
			const totals = forward.totals[l];
			expect(totals.some((z) => z < 0) && totals.some((z) => z > 0), layer.activation).toBe(true);
		});
	});

	it.each(Object.keys(CASES))(
		'recalculates every named cell of the %s net to the engine’s number',
		(name) => {
			expect(disagreements(recalculated[name], engineNumbers(startOf(CASES[name])))).toEqual([]);
		}
	);

	it.each(Object.keys(CASES))(
		'recalculates every other formula of the %s net (mirrors, f′(a), Σ) to the cached number',
		(name) => {
			const original = exported(CASES[name]);
			const wrong: string[] = [];
			let compared = 0;
			original.eachSheet((sheet) =>
				sheet.eachRow((row) =>
					row.eachCell((cell) => {
						const cached = shownNumber(cell);
						if (cached === undefined || typeof cell.value === 'number') return;
						const actual = shownNumber(
							recalculated[name].getWorksheet(sheet.name)!.getCell(cell.address)
						);
						compared++;
						if (!agrees(actual, cached))
							wrong.push(`${sheet.name}!${cell.address}: ${actual} ≠ ${cached}`);
					})
				)
			);
			expect(wrong).toEqual([]);
			expect(compared).toBeGreaterThan(50);
		}
	);

	it.each(EDITS)(
		'after %s’s %s (%s) is changed to %d in the workbook, recalculates as the notebook’s edit',
		(name, address, cell, value) => {
			const result = editStart(startOf(CASES[name]), address, value);
			if (!result.ok) throw new Error(result.error);
			const expected = engineNumbers(result.start);
			const before = engineNumbers(startOf(CASES[name]));
			// The change reaches the trained weights: the comparison is not of numbers that stayed put.
			const trained = [...expected].filter(([n]) => n.endsWith('_new'));
			const changed = trained.filter(([n, x]) => x !== before.get(n));
			expect(changed.length).toBeGreaterThan(trained.length / 2);
			expect(disagreements(recalculated[`${name}-${cell}`], expected)).toEqual([]);
		}
	);
});
