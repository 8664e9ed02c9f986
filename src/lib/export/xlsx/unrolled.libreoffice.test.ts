/**
 * The unrolled sheet trains in a real spreadsheet: LibreOffice recalculates
 * it with every cached value dropped, and row k's biases and weights must be
 * the fast trainer's after k iterations (to 1e-9 relative, 1e-15 absolute) —
 * for the article's net on its rectangles, a sigmoid–ReLU–sigmoid net on a
 * samples table, and that net again after eta is changed in the workbook.
 */
import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { allAddresses, parseAddress } from '../../engine/maths/addresses.ts';
import { cellInput } from '../../engine/maths/cells/values.ts';
import { sampleAt, type DataSource } from '../../engine/fast/data.ts';
import { layerSizes, type Net } from '../../engine/maths/model.ts';
import { dataSourceOf, netOf } from '../../engine/document/notebook.ts';
import { preset } from '../../engine/document/presets.ts';
import { createSnapshot, type Snapshot } from '../../engine/maths/snapshot.ts';
import { createTrainer } from '../../engine/fast/trainer.ts';
import { seededSnapshot } from '../../engine/__fixtures__/nets.ts';
import { cellName } from './names.ts';
import { planWorkbook } from './sheets.ts';
import { recalculate, requireSoffice, sofficeForTests } from './testing/libreoffice.ts';
import { agrees } from './testing/oracle.ts';
import {
	editedBytes,
	loadWorkbook,
	shownNumber,
	strippedBytes,
	unrolledRows
} from './testing/workbooks.ts';
import type { UnrolledOptions } from './unrolled.ts';
import { buildWorkbook } from './workbook.ts';

const { soffice, run } = sofficeForTests();
const ITERATIONS = 20;

/** A start on its source's sample, as the notebook is at the start of an iteration. */
function onSample(net: Net, learningRate: number, source: DataSource, iteration: number) {
	const { inputs, targets } = sampleAt(source, iteration);
	return createSnapshot({ net, inputs, targets, learningRate, iteration });
}

const article = preset('article');
const rectangles = dataSourceOf(article);
/** Six rows of three inputs and two targets, hand-picked, some ReLU totals below 0. */
const table: DataSource = {
	kind: 'table',
	samples: [
		[0.5, -0.2, 0.9, 0.3, 0.7],
		[-0.8, 0.1, 0.4, 0.6, 0.2],
		[0.05, 0.95, -0.5, 0.1, 0.9],
		[1, 1, -1, 0.8, 0.4],
		[-0.3, -0.6, 0.2, 0.5, 0.5],
		[0.7, 0.3, 0.3, 0.2, 0.1]
	].map((row) => ({ inputs: row.slice(0, 3), targets: row.slice(3) }))
};
const mixed = seededSnapshot([3, 4, 3, 2], ['sigmoid', 'relu', 'sigmoid'], 4);

const CASES: Record<string, { start: Snapshot; source: DataSource }> = {
	article: { start: onSample(netOf(article), 0.001, rectangles, 3), source: rectangles },
	mixed: { start: onSample(mixed.net, 0.3, table, 2), source: table }
};
const ETA = 0.05;

const exported = (name: string) => {
	const { start, source } = CASES[name];
	const unrolled: UnrolledOptions = { iterations: ITERATIONS, source };
	return buildWorkbook(planWorkbook(start, {}, unrolled));
};

/** The fast trainer's parameters after 0, 1, …, ITERATIONS iterations from `start`. */
function trainerNets(start: Snapshot, source: DataSource, learningRate = start.learningRate) {
	const trainer = createTrainer(start.net, learningRate, source, { iteration: start.iteration });
	const nets = [trainer.net()];
	for (let k = 0; k < ITERATIONS; k++) {
		trainer.run(1);
		nets.push(trainer.net());
	}
	return nets;
}

/** Where row k's parameters are not `nets[k]`'s, with both numbers. */
function disagreements(workbook: ExcelJS.Workbook, nets: readonly Net[]): string[] {
	const rows = unrolledRows(workbook);
	expect(rows).toHaveLength(ITERATIONS + 1);
	const parameters = allAddresses(layerSizes(nets[0])).filter((a) =>
		['bias', 'weights'].includes(parseAddress(a)?.kind ?? '')
	);
	return rows.flatMap((cells, k) => {
		const s = createSnapshot({ net: nets[k], inputs: [], targets: [], learningRate: 0 });
		return parameters.flatMap((addr) => {
			const expected = cellInput(s, addr)!;
			const actual = shownNumber(cells.get(cellName(addr))!);
			return agrees(actual, expected)
				? []
				: [`row ${k} ${cellName(addr)}: ${actual} ≠ ${expected}`];
		});
	});
}

let recalculated: Record<string, ExcelJS.Workbook>;

beforeAll(async () => {
	if (!run) return;
	const files: Record<string, Uint8Array> = {};
	for (const name of Object.keys(CASES)) files[name] = await strippedBytes(exported(name));
	files['mixed-eta'] = await editedBytes(exported('mixed'), 'eta', ETA);
	const saved = await recalculate(requireSoffice(soffice), files);
	recalculated = {};
	for (const [name, bytes] of Object.entries(saved)) recalculated[name] = await loadWorkbook(bytes);
}, 240_000);

describe.runIf(run)('the unrolled sheet recalculated by LibreOffice', () => {
	it.each(Object.keys(CASES))(
		'trains the %s net: row k’s b and w are the trainer’s after k iterations',
		(name) => {
			const { start, source } = CASES[name];
			const nets = trainerNets(start, source);
			// Training moved every parameter, so rows that stayed put would not pass.
			expect(nets.at(-1)).not.toEqual(nets[0]);
			expect(disagreements(recalculated[name], nets)).toEqual([]);
		}
	);

	it('tries both branches of ReLU: some rows’ ReLU values are 0 and some above', () => {
		const values = unrolledRows(recalculated.mixed).flatMap((cells) =>
			[0, 1, 2].map((j) => shownNumber(cells.get(`a_1_${j}`)!)!)
		);
		expect(values.some((a) => a === 0) && values.some((a) => a > 0)).toBe(true);
	});

	it('trains again at the new rate after eta is changed on the Inputs sheet', () => {
		const { start, source } = CASES.mixed;
		expect(disagreements(recalculated['mixed-eta'], trainerNets(start, source, ETA))).toEqual([]);
	});

	it.each(Object.keys(CASES))(
		'recalculates every a, δ and E of the %s net to the engine’s cached number',
		(name) => {
			const original = unrolledRows(exported(name));
			const wrong: string[] = [];
			unrolledRows(recalculated[name]).forEach((cells, k) =>
				cells.forEach((cell, header) => {
					const cached = shownNumber(original[k].get(header)!);
					if (!agrees(shownNumber(cell), cached!)) wrong.push(`row ${k} ${header}`);
				})
			);
			expect(wrong).toEqual([]);
		}
	);
});
