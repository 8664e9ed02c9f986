/**
 * The plan written out with exceljs: cells, cached values, number formats,
 * styles and defined names. The page imports this module only when the user
 * asks for a workbook, so exceljs never weighs on the first paint.
 */
import ExcelJS from 'exceljs';
import {
	cellRef,
	type Format,
	type NumberCell,
	type SheetPlan,
	type TextCell,
	type TextStyle
} from './plan.ts';
import type { XlsxRequest } from './request.ts';
import { planWorkbook } from './sheets.ts';
import { xmlText } from './xml-text.ts';

export const NUMBER_FORMATS: Readonly<Record<Format, string>> = {
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
export const INPUT_FILL = solid('FFFFF2CC');
export const PINNED_FILL = solid('FFFCE4D6');
export const HEADER_FILL = solid('FFE8EEF6');

export const FONTS: Readonly<Record<TextStyle, Partial<ExcelJS.Font>>> = {
	title: { bold: true, size: 13 },
	caption: { bold: true },
	header: { bold: true },
	note: { italic: true, color: { argb: 'FF555555' } }
};

/** A number a cell can hold: an overflow becomes the error a spreadsheet would show. */
const cached = (x: number): number | ExcelJS.CellErrorValue =>
	Number.isFinite(x) ? x : { error: '#NUM!' };

/**
 * One style object per look, shared by every cell that has it: exceljs maps a
 * style object it has seen to its style id through a WeakMap, whereas setting
 * numFmt or fill on a cell gives it a style object of its own, serialised
 * once per cell. Never mutated after it is made (a cell's setters would).
 */
const shared = <K extends string, V>(make: (key: K) => V) => {
	const made = new Map<K, V>();
	return (key: K): V => {
		let style = made.get(key);
		if (style === undefined) made.set(key, (style = make(key)));
		return style;
	};
};

type Look = 'input' | 'pinned' | 'computed';

const numberStyle = shared((key: `${Format} ${Look}`): Partial<ExcelJS.Style> => {
	const [format, look] = key.split(' ') as [Format, Look];
	const fill = look === 'input' ? INPUT_FILL : look === 'pinned' ? PINNED_FILL : undefined;
	return { numFmt: NUMBER_FORMATS[format], ...(fill ? { fill } : {}) };
});

const textStyle = shared((key: `${TextStyle | 'plain'} ${boolean}`): Partial<ExcelJS.Style> => {
	const [style, overNumbers] = key.split(' ') as [TextStyle | 'plain', string];
	if (style === 'plain') return {};
	if (style !== 'header') return { font: FONTS[style] };
	// A header over numbers stands right, as they do.
	const alignment = overNumbers === 'true' ? { alignment: { horizontal: 'right' as const } } : {};
	return { font: FONTS.header, fill: HEADER_FILL, ...alignment };
});

/** How cells look: the number's format and fill, a text's font, fill and alignment. */
export interface CellStyles {
	number(cell: ExcelJS.Cell, plan: NumberCell): void;
	/** `column` counted from 0. */
	text(cell: ExcelJS.Cell, plan: TextCell, column: number): void;
}

/** The looks, each one shared style object. */
const SHARED_STYLES: CellStyles = {
	number(cell, plan) {
		const look: Look = plan.pinned !== undefined ? 'pinned' : plan.input ? 'input' : 'computed';
		cell.style = numberStyle(`${plan.format} ${look}`);
	},
	text(cell, plan, column) {
		// Plain text too: a cell's own empty style would be serialised once per cell.
		cell.style = textStyle(`${plan.style ?? 'plain'} ${column > 0}`);
	}
};

function writeNumber(cell: ExcelJS.Cell, plan: NumberCell, styles: CellStyles): void {
	cell.value =
		plan.formula === undefined ? plan.value : { formula: plan.formula, result: cached(plan.value) };
	styles.number(cell, plan);
	if (plan.pinned !== undefined) cell.note = plan.pinned;
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

function writeSheet(workbook: ExcelJS.Workbook, plan: SheetPlan, styles: CellStyles): void {
	const sheet = workbook.addWorksheet(plan.name);
	columnWidths(plan).forEach((width, c) => (sheet.getColumn(c + 1).width = width));
	plan.rows.forEach((row, r) =>
		row.forEach((planned, c) => {
			if (!planned) return;
			const cell = sheet.getCell(r + 1, c + 1);
			if (planned.kind === 'text') {
				// Always a string value, never a formula: a label like "=1+1" stays text.
				cell.value = xmlText(planned.text);
				styles.text(cell, planned, c);
				return;
			}
			writeNumber(cell, planned, styles);
			// Added to the workbook's list directly: a cell's own `name` setter rescans every name.
			if (planned.name)
				workbook.definedNames.add(`${plan.name}!${cellRef(r, c, true)}`, planned.name);
		})
	);
}

/** The workbook of the sheets in `plan` (`styles`: for the benchmark's first writer). */
export function buildWorkbook(
	plan: readonly SheetPlan[],
	styles: CellStyles = SHARED_STYLES
): ExcelJS.Workbook {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Gradsheet';
	// Spreadsheets recompute every formula on opening, rather than trust the cached values.
	workbook.calcProperties.fullCalcOnLoad = true;
	for (const sheet of plan) writeSheet(workbook, sheet, styles);
	return workbook;
}

/** The .xlsx file `request` asks for: the iteration its snapshot is in. */
export async function iterationXlsx(request: XlsxRequest): Promise<Uint8Array<ArrayBuffer>> {
	const plan = planWorkbook(request.snapshot, request.labels, request.unrolled);
	const buffer = await buildWorkbook(plan).xlsx.writeBuffer();
	return new Uint8Array(buffer);
}
