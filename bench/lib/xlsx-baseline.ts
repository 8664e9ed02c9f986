/**
 * The "before" of `npm run bench:xlsx`: the exporter's writer as first written
 * (commit f0cff39), kept as it was so that one run can measure it beside
 * src/lib/export/xlsx/workbook.ts. Each cell gets a style object of its own
 * (numFmt, fill and font set one by one), which exceljs serialises per cell;
 * the file is deflated at JSZip's default level.
 */
import ExcelJS from 'exceljs';
import {
	cellRef,
	type Format,
	type NumberCell,
	type SheetPlan,
	type TextStyle
} from '../../src/lib/export/xlsx/plan.ts';

const NUMBER_FORMATS: Readonly<Record<Format, string>> = {
	number: '0.000000',
	gradient: '0.000E+00',
	percent: '0.00" %"',
	general: 'General'
};

const solid = (argb: string): ExcelJS.Fill => ({
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb }
});
const INPUT_FILL = solid('FFFFF2CC');
const PINNED_FILL = solid('FFFCE4D6');
const HEADER_FILL = solid('FFE8EEF6');

const FONTS: Readonly<Record<TextStyle, Partial<ExcelJS.Font>>> = {
	title: { bold: true, size: 13 },
	caption: { bold: true },
	header: { bold: true },
	note: { italic: true, color: { argb: 'FF555555' } }
};

/** A number a cell can hold: an overflow becomes the error a spreadsheet would show. */
const cached = (x: number): number | ExcelJS.CellErrorValue =>
	Number.isFinite(x) ? x : { error: '#NUM!' };

function writeNumber(cell: ExcelJS.Cell, plan: NumberCell): void {
	cell.value =
		plan.formula === undefined ? plan.value : { formula: plan.formula, result: cached(plan.value) };
	cell.numFmt = NUMBER_FORMATS[plan.format];
	if (plan.input) cell.fill = INPUT_FILL;
	if (plan.pinned !== undefined) {
		cell.fill = PINNED_FILL;
		cell.note = plan.pinned;
	}
}

/** Characters a number takes in its format, with room to spare. */
const NUMBER_WIDTH = 12;

/**
 * Each column as wide as its headers and labels (titles, notes and captions
 * may run on into the empty cells beside them), within bounds.
 */
function columnWidths(plan: SheetPlan): number[] {
	const widths: number[] = [];
	for (const row of plan.rows)
		row.forEach((cell, c) => {
			const wide =
				cell?.kind === 'number'
					? NUMBER_WIDTH
					: cell && (cell.style === undefined || cell.style === 'header')
						? cell.text.length + 2
						: 0;
			widths[c] = Math.min(Math.max(widths[c] ?? 6, wide), 48);
		});
	return widths;
}

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
	const sheet = workbook.addWorksheet(plan.name);
	columnWidths(plan).forEach((width, c) => (sheet.getColumn(c + 1).width = width));
	plan.rows.forEach((row, r) =>
		row.forEach((planned, c) => {
			if (!planned) return;
			const cell = sheet.getCell(r + 1, c + 1);
			if (planned.kind === 'text') {
				// Always a string value, never a formula: a label like "=1+1" stays text.
				cell.value = planned.text;
				if (planned.style) cell.font = FONTS[planned.style];
				if (planned.style === 'header') {
					cell.fill = HEADER_FILL;
					// Over numbers, which stand to the right.
					if (c > 0) cell.alignment = { horizontal: 'right' };
				}
				return;
			}
			writeNumber(cell, planned);
			// Added to the workbook's list directly: a cell's own `name` setter rescans every name.
			if (planned.name)
				workbook.definedNames.add(`${plan.name}!${cellRef(r, c, true)}`, planned.name);
		})
	);
}

/** The workbook of the sheets in `plan`. */
export function buildWorkbook(plan: readonly SheetPlan[]): ExcelJS.Workbook {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Gradsheet';
	// Spreadsheets recompute every formula on opening, rather than trust the cached values.
	workbook.calcProperties.fullCalcOnLoad = true;
	for (const sheet of plan) writeSheet(workbook, sheet);
	return workbook;
}
