/** Reading and changing exported workbooks in tests, with exceljs. */
import ExcelJS from 'exceljs';

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	return workbook;
}

async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The number a cell shows: its own, or its formula's cached result. Read
 * through `cell.result`: exceljs's `value` of a formula drops a result of 0.
 */
export function shownNumber(cell: ExcelJS.Cell): number | undefined {
	if (typeof cell.value === 'number') return cell.value;
	return cell.formula && typeof cell.result === 'number' ? cell.result : undefined;
}

/** The cell each defined name refers to (one cell per name, as the export writes them). */
export function namedCells(workbook: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
	const cells = new Map<string, ExcelJS.Cell>();
	for (const { name, ranges } of workbook.definedNames.model) {
		const [sheet, ref] = ranges[0].split('!');
		const cell = workbook
			.getWorksheet(sheet.replace(/^'|'$/g, ''))
			?.getCell(ref.replaceAll('$', ''));
		if (cell) cells.set(name, cell);
	}
	return cells;
}

/** Every formula's cached result dropped, so that only a recalculation can fill it in. */
function dropCachedValues(workbook: ExcelJS.Workbook): void {
	workbook.eachSheet((sheet) =>
		sheet.eachRow((row) =>
			row.eachCell((cell) => {
				if (cell.formula) cell.value = { formula: cell.formula, date1904: false };
			})
		)
	);
}

/** The workbook's file with every cached result dropped: only a recalculation fills them in. */
export async function strippedBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
	dropCachedValues(workbook);
	return workbookBytes(workbook);
}

/** The workbook's file read back, with the cell named `name` set to `value` and cached results dropped. */
export async function editedBytes(
	workbook: ExcelJS.Workbook,
	name: string,
	value: number
): Promise<Uint8Array> {
	const copy = await loadWorkbook(await workbookBytes(workbook));
	namedCells(copy).get(name)!.value = value;
	return strippedBytes(copy);
}

/** Each row of the Unrolled sheet below its header, as a map from its header's name to the cell. */
export function unrolledRows(workbook: ExcelJS.Workbook): Map<string, ExcelJS.Cell>[] {
	const sheet = workbook.getWorksheet('Unrolled')!;
	let header: string[] | undefined;
	const rows: Map<string, ExcelJS.Cell>[] = [];
	sheet.eachRow((row) => {
		if (header) {
			const cells = new Map<string, ExcelJS.Cell>();
			header.forEach((name, c) => cells.set(name, row.getCell(c + 1)));
			rows.push(cells);
		} else if (row.getCell(1).value === 'iteration')
			header = (row.values as unknown[]).slice(1).map(String);
	});
	return rows;
}
