/**
 * Files in and out of the notebook: the CSV of the current iteration's cells,
 * reading a dropped or picked file, recognising pasted notebook JSON, the
 * share link's address. Everything read goes on to the engine's parser
 * (NotebookState.openText); these helpers only decide what to hand it.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import { allAddresses } from '$lib/engine/maths/addresses.ts';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import { describeAddress, type Labels } from '$lib/engine/maths/cells/words.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import type { Notebook } from '$lib/engine/document/notebook.ts';
import {
	MAX_NOTEBOOK_BYTES,
	notebookBody,
	notebookFile,
	parseNotebook
} from '$lib/engine/document/notebook-file.ts';
import { quote } from '$lib/engine/document/notebook-schema.ts';
import { shareHash } from '$lib/engine/document/share-link.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import type { OutputGrid } from '$lib/engine/fast/grid.ts';
import { xlsxFrom, type XlsxRequest } from '$lib/export/xlsx/request.ts';
import { spawnXlsxWorker } from '$lib/workers/spawn.ts';

// ── CSV ──

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line
 * break, quotes doubled. Labels never begin a field — describeAddress puts a
 * fixed word first — so a label like `=HYPERLINK(…)` cannot become a formula.
 */
export function csvField(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Every cell of the snapshot's iteration: address, label, value — the value
 * as `data-value` writes it (String(x), full precision), empty while pending.
 * CRLF line ends and a byte-order mark, so Excel reads labels as UTF-8.
 */
export function cellsCsv(snapshot: Snapshot, labels?: Labels): string {
	const rows = [['address', 'label', 'value']];
	for (const address of allAddresses(layerSizes(snapshot.net))) {
		const value = cellValue(snapshot, address);
		rows.push([
			address,
			describeAddress(address, labels),
			value === undefined ? '' : String(value)
		]);
	}
	return '\uFEFF' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * The learned-function map's grid (fast/grid.ts): one row per point, every
 * input first, then each output, full precision; a header naming them with
 * a fixed word first, as cellsCsv does, so a label cannot become a formula.
 */
export function gridCsv(grid: OutputGrid, labels?: Labels): string {
	const inputs = grid.inputs[0]?.length ?? 0;
	const name = (what: string, i: number, label: string | undefined) =>
		label ? `${what} ${i}: ${label}` : `${what} ${i}`;
	const header = [
		...Array.from({ length: inputs }, (_, i) => name('input', i, labels?.inputs?.[i])),
		...grid.outputs.map((_, k) => name('output', k, labels?.outputs?.[k]))
	];
	const rows = grid.inputs.map((point, p) =>
		[...point, ...grid.outputs.map((output) => output[p])].map(String)
	);
	return (
		'\uFEFF' + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n'
	);
}

// ── Reading files ──

export type FileText = { ok: true; text: string } | { ok: false; error: string };

/** Bytes shown in a message: "52,428,800 bytes (50 MB)". */
function bytes(n: number): string {
	const mb = n / 1024 / 1024;
	return `${formatCount(n)} bytes${mb >= 1 ? ` (${Math.round(mb)} MB)` : ''}`;
}

/** Room for a byte-order mark, which the parser takes off before it counts. */
const MAX_FILE_BYTES = MAX_NOTEBOOK_BYTES + 3;

/**
 * A file's text, refused by its size before a byte is read: a file over the
 * parser's limit (with a byte-order mark) cannot be a notebook, and reading
 * 50 MB only to refuse it would stall the page.
 */
export async function readNotebookFile(file: Pick<File, 'size' | 'text'>): Promise<FileText> {
	if (file.size > MAX_FILE_BYTES)
		return {
			ok: false,
			error: `the file is ${bytes(file.size)}; a notebook file is at most ${bytes(MAX_NOTEBOOK_BYTES)}`
		};
	try {
		return { ok: true, text: await file.text() };
	} catch {
		return { ok: false, error: 'the file could not be read' };
	}
}

// ── Paste ──

/**
 * Whether pasted text is meant as a notebook: a JSON object. Anything else —
 * a number for a cell, a tab-separated block from a spreadsheet — is left to
 * whoever else handles the paste. Text too long to parse still counts if it
 * looks like an object, so that its refusal names the size limit.
 */
export function isNotebookPaste(text: string): boolean {
	const body = notebookBody(text).trim();
	if (!body.startsWith('{') || !body.endsWith('}')) return false;
	if (body.length > MAX_NOTEBOOK_BYTES) return true;
	try {
		const value: unknown = JSON.parse(body);
		return typeof value === 'object' && value !== null && !Array.isArray(value);
	} catch {
		return false;
	}
}

/** Whether a paste or key press is aimed at a text field, which handles it as text. */
export function inTextField(target: EventTarget | null): boolean {
	const element = target as Element | null;
	return (
		typeof element?.closest === 'function' &&
		element.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !==
			null
	);
}

// ── Names and links ──

/** The link that opens `hash` (`#nb=…`) on this page, without any hash it already has. */
export function shareUrl(location: Pick<Location, 'origin' | 'pathname' | 'search'>, hash: string) {
	return location.origin + location.pathname + location.search + hash;
}

/**
 * The longest link, whole, that browsers open: Chromium refuses URLs over
 * 2 MiB (its url::kMaxURLChars), and Firefox's limit is higher.
 */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;

export type Shared = { ok: true; link: string } | { ok: false; message: string };

/**
 * The share link to `notebook` on this page, or why there is none: a link
 * longer than browsers open, or a notebook over the file limit, which the
 * link's reader would refuse as the file's does.
 */
export async function shareLink(
	notebook: Notebook,
	location: Pick<Location, 'origin' | 'pathname' | 'search'>
): Promise<Shared> {
	const file = notebookFile(notebook);
	if (!file.ok) return { ok: false, message: `The notebook cannot be shared: ${file.error}.` };
	const link = shareUrl(location, await shareHash(notebook));
	if (link.length <= MAX_LINK_CHARS) return { ok: true, link };
	return {
		ok: false,
		message: `The share link would be ${formatCount(link.length)} characters long, and browsers open links of at most ${formatCount(MAX_LINK_CHARS)}. Share the notebook file instead: Export notebook saves it, and Import notebook (or a drop) opens it.`
	};
}

/** Why a drop of `names` is refused (more than one file), or undefined. */
export function dropRefusal(names: readonly string[]): string | undefined {
	if (names.length <= 1) return undefined;
	const listed = names.slice(0, 3).map(quote).join(', ') + (names.length > 3 ? ', …' : '');
	return couldNotOpen(
		`The ${names.length} files dropped (${listed})`,
		'one notebook opens at a time, so drop just one file'
	);
}

/** A file name for the notebook at `iteration`: gradsheet-iteration-3.json. */
export function fileName(iteration: number, extension: 'json' | 'csv' | 'xlsx'): string {
	return `gradsheet-iteration-${iteration}.${extension}`;
}

/** What a refused file, paste or link says: which one, why, and that nothing was lost. */
export function couldNotOpen(what: string, error: string): string {
	return `${what} could not be opened: ${error}. The open notebook is unchanged.`;
}

export type Opened = { ok: true; notebook: Notebook } | { ok: false; message: string };

/** Notebook text from `what` (a file, a paste) through the engine's parser; a refusal as the banner says it. */
export function notebookFromText(text: string, what: string): Opened {
	const result = parseNotebook(text);
	return result.ok ? result : { ok: false, message: couldNotOpen(what, result.error) };
}

/** Saves `data` (text or bytes) as a download named `name`. */
export function download(name: string, data: string | Uint8Array<ArrayBuffer>, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.click();
	// Some browsers start reading the blob after click returns.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Saves the iteration `request.snapshot` is in as an .xlsx workbook named
 * `name`. The workbook is made in a worker of its own (and exceljs loaded
 * there), so the page stays responsive while a large net's file is written.
 */
export async function downloadXlsx(
	request: XlsxRequest,
	name: string,
	spawn: () => Worker = spawnXlsxWorker
) {
	download(name, await xlsxFrom(spawn(), request), XLSX_TYPE);
}
