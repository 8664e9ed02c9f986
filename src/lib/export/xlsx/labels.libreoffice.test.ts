/**
 * Labels that XML cannot hold, in a workbook LibreOffice recalculates: every
 * text of every sheet comes back (the forbidden characters as U+FFFD), so one
 * bad label never takes the others with it, and every number still agrees
 * with the engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { netOf } from '../../engine/document/notebook.ts';
import { preset } from '../../engine/document/presets.ts';
import { step } from '../../engine/maths/passes.ts';
import { createSnapshot } from '../../engine/maths/snapshot.ts';
import { planWorkbook } from './sheets.ts';
import { buildWorkbook } from './workbook.ts';
import { recalculate, requireSoffice, sofficeForTests } from './testing/libreoffice.ts';
import { agrees, engineNumbers, startOf } from './testing/oracle.ts';
import { loadWorkbook, namedCells, shownNumber, strippedBytes } from './testing/workbooks.ts';
import { cellRef } from './plan.ts';
import { xmlText } from './xml-text.ts';
import type ExcelJS from 'exceljs';

const { soffice, run } = sofficeForTests();

const article = preset('article');
const s = step(
	createSnapshot({
		net: netOf(article),
		inputs: article.inputs,
		targets: article.targets,
		learningRate: article.learningRate,
		iteration: 0
	}),
	'pass'
);
/** Every character XML forbids, beside labels that are fine: an emoji, a right-to-left override, a "=" first. */
const LABELS = {
	inputs: ['wi\uFFFFdth\uFFFE', 'h\u0001e\u0008i\u001Fght\u0000'],
	outputs: ['area \uD800 then \uDC00 alone', '=1+1 circ. 😀 \u202Eltr\u202C\tend']
};
const plan = planWorkbook(s, LABELS);

/** Every text cell of the plan: sheet, cell reference, text. */
const texts = plan.flatMap((sheet) =>
	sheet.rows.flatMap((row, r) =>
		row.flatMap((cell, c) =>
			cell?.kind === 'text' ? [[sheet.name, cellRef(r, c), cell.text] as const] : []
		)
	)
);

/** A cell's text as exceljs reads it: plain, or the runs of rich text joined. */
function textOf(cell: ExcelJS.Cell): string | undefined {
	const value = cell.value;
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object' && 'richText' in value)
		return value.richText.map((run) => run.text).join('');
	return undefined;
}

let recalculated: ExcelJS.Workbook;

beforeAll(async () => {
	if (!run) return;
	const bytes = await strippedBytes(buildWorkbook(plan));
	const saved = await recalculate(requireSoffice(soffice), { labels: bytes });
	recalculated = await loadWorkbook(saved.labels);
}, 120_000);

describe.runIf(run)('labels XML cannot hold, recalculated by LibreOffice', () => {
	it('keeps every text of every sheet, each forbidden character as U+FFFD', () => {
		const lost = texts.flatMap(([sheet, ref, text]) => {
			const actual = textOf(recalculated.getWorksheet(sheet)!.getCell(ref));
			return actual === xmlText(text) ? [] : [`${sheet}!${ref}: ${JSON.stringify(actual)}`];
		});
		expect(lost).toEqual([]);
		// The labels are there, with their good characters: none was dropped whole.
		const names = recalculated.getWorksheet('Names')!;
		const meanings: string[] = [];
		names.eachRow((row) => meanings.push(textOf(row.getCell(4)) ?? ''));
		expect(meanings).toContain('Input 0 (wi\uFFFDdth\uFFFD)');
		expect(meanings).toContain('Target 1 (=1+1 circ. 😀 \u202Eltr\u202C\tend)');
		expect(texts.length).toBeGreaterThan(100);
	});

	it('says so on the Inputs sheet', () => {
		const inputs: string[] = [];
		recalculated
			.getWorksheet('Inputs')!
			.eachRow((row) => inputs.push(textOf(row.getCell(1)) ?? ''));
		expect(inputs).toContain(
			'3 labels hold characters that a workbook cannot hold (control characters, U+FFFE, U+FFFF or half a surrogate pair); each is written as \uFFFD.'
		);
	});

	it('recalculates every named cell to the engine’s number', () => {
		const cells = namedCells(recalculated);
		const wrong = [...engineNumbers(startOf(s))].filter(
			([name, value]) => !agrees(shownNumber(cells.get(name)!), value)
		);
		expect(wrong).toEqual([]);
	});
});
