/**
 * The "before" of `npm run bench:xlsx`: the cell styles of the exporter as
 * first written (commit f0cff39). Each cell's format, fill, font and
 * alignment are set one by one, which gives it a style object of its own,
 * serialised by exceljs once per cell; workbook.ts now shares one object per
 * look. Everything else is the exporter's own.
 */
import type ExcelJS from 'exceljs';
import {
	buildWorkbook,
	FONTS,
	HEADER_FILL,
	INPUT_FILL,
	NUMBER_FORMATS,
	PINNED_FILL,
	type CellStyles
} from '../../src/lib/export/xlsx/workbook.ts';
import type { SheetPlan } from '../../src/lib/export/xlsx/plan.ts';

const PER_CELL_STYLES: CellStyles = {
	number(cell, plan) {
		cell.numFmt = NUMBER_FORMATS[plan.format];
		if (plan.input) cell.fill = INPUT_FILL;
		if (plan.pinned !== undefined) cell.fill = PINNED_FILL;
	},
	text(cell, plan, column) {
		if (plan.style) cell.font = FONTS[plan.style];
		if (plan.style === 'header') {
			cell.fill = HEADER_FILL;
			if (column > 0) cell.alignment = { horizontal: 'right' };
		}
	}
};

/** The workbook of `plan`, styled cell by cell as at first. */
export const buildBaseline = (plan: readonly SheetPlan[]): ExcelJS.Workbook =>
	buildWorkbook(plan, PER_CELL_STYLES);
