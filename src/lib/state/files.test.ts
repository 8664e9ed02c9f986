import { describe, expect, it } from 'vitest';
import { allAddresses } from '$lib/engine/maths/addresses.ts';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import { MAX_NOTEBOOK_BYTES, serialiseNotebook } from '$lib/engine/document/notebook-file.ts';
import { step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import {
	cellsCsv,
	gridCsv,
	csvField,
	dropRefusal,
	fileName,
	MAX_LINK_CHARS,
	shareLink,
	inTextField,
	isNotebookPaste,
	readNotebookFile,
	shareUrl
} from './files.ts';
import { momentOf } from './moment.ts';

/** RFC 4180 rows, for reading back what cellsCsv wrote. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted && c === '"' && text[i + 1] === '"') {
			field += '"';
			i++;
		} else if (quoted) {
			if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') {
			quoted = true;
		} else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	return rows;
}

describe('CSV of the current iteration', () => {
	const notebook = preset('article');
	const afterForward = step(momentOf(notebook).start, 'pass');

	it('lists every cell with its address, its label and its value at full precision', () => {
		const text = cellsCsv(afterForward, notebook.labels);
		expect(text.startsWith('\uFEFFaddress,label,value\r\n')).toBe(true);
		const rows = parseCsv(text.slice(1));
		const addresses = allAddresses(layerSizes(afterForward.net));
		expect(rows.slice(1).map((r) => r[0])).toEqual(addresses);
		const byAddress = new Map(rows.slice(1).map((r) => [r[0], r]));
		expect(byAddress.get('inputs.0')![1]).toBe('Input 0 (width)');
		expect(byAddress.get('layers.1.neurons.2.weights.1')![1]).toBe('Layer 1, neuron 2: weight 1');
		const value = cellValue(afterForward, 'layers.2.neurons.1.value')!;
		expect(byAddress.get('layers.2.neurons.1.value')![2]).toBe(String(value));
		expect(Number(byAddress.get('layers.2.neurons.1.value')![2])).toBe(value);
	});

	it('leaves the cells the iteration has not computed yet empty', () => {
		const rows = parseCsv(cellsCsv(afterForward, notebook.labels).slice(1));
		const gradient = rows.find((r) => r[0] === 'layers.0.neurons.0.activation_gradient')!;
		expect(gradient[2]).toBe('');
		expect(rows.find((r) => r[0] === 'loss')![2]).toBe(String(afterForward.loss));
	});

	it('quotes labels with commas, quotes and line breaks, and they read back whole', () => {
		const labels = { inputs: ['a, "b"\nc', '=HYPERLINK("x")'] };
		const rows = parseCsv(cellsCsv(afterForward, labels).slice(1));
		expect(rows.find((r) => r[0] === 'inputs.0')![1]).toBe('Input 0 (a, "b"\nc)');
		const formula = rows.find((r) => r[0] === 'inputs.1')![1];
		// A spreadsheet reads a field beginning with = as a formula: a label never begins one.
		expect(formula).toBe('Input 1 (=HYPERLINK("x"))');
		for (const row of rows) for (const field of row) expect(field).not.toMatch(/^[=+@]/);
	});

	it('quotes only the fields that need it', () => {
		expect(csvField('plain text')).toBe('plain text');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
	});
});

describe('reading a notebook file', () => {
	it('refuses a file over the limit by its size, without reading it', async () => {
		let read = false;
		const file = {
			size: 50 * 1024 * 1024,
			text: async () => ((read = true), '')
		};
		const result = await readNotebookFile(file);
		expect(read).toBe(false);
		expect(result).toEqual({
			ok: false,
			error: `the file is 52,428,800 bytes (50 MB); a notebook file is at most ${MAX_NOTEBOOK_BYTES.toLocaleString('en')} bytes (19 MB)`
		});
	});

	it('reads a file at the limit with a byte-order mark; one byte more is refused', async () => {
		const file = (size: number) => ({ size, text: async () => 'read' });
		expect(await readNotebookFile(file(MAX_NOTEBOOK_BYTES + 3))).toEqual({
			ok: true,
			text: 'read'
		});
		expect((await readNotebookFile(file(MAX_NOTEBOOK_BYTES + 4))).ok).toBe(false);
	});

	it('reads a file within the limit as text', async () => {
		const text = serialiseNotebook(preset('xor'));
		expect(await readNotebookFile(new File([text], 'xor.json'))).toEqual({ ok: true, text });
	});
});

describe('pasting', () => {
	it('takes a JSON object as a notebook', () => {
		expect(isNotebookPaste(serialiseNotebook(preset('xor')))).toBe(true);
		expect(isNotebookPaste('  {"format": "something else"}\n')).toBe(true);
	});

	it('leaves numbers, tab-separated blocks, lists and broken JSON to others', () => {
		expect(isNotebookPaste('0.5')).toBe(false);
		expect(isNotebookPaste('0.5\t0.25\n0.1\t0.2')).toBe(false);
		expect(isNotebookPaste('[1, 2]')).toBe(false);
		expect(isNotebookPaste('{not json}')).toBe(false);
		expect(isNotebookPaste('{"a": 1} and more')).toBe(false);
	});

	it('takes a notebook after a byte-order mark or before trailing NULs', () => {
		const text = serialiseNotebook(preset('xor'));
		expect(isNotebookPaste('\uFEFF' + text)).toBe(true);
		expect(isNotebookPaste(text + '\0\0')).toBe(true);
		expect(isNotebookPaste('\0' + text)).toBe(false);
	});

	it('takes an object too long to parse, so that its refusal can name the limit', () => {
		expect(isNotebookPaste(`{"x":"${'a'.repeat(MAX_NOTEBOOK_BYTES)}"}`)).toBe(true);
	});

	it('knows a text field from the rest of the page', () => {
		const field = { closest: (s: string) => (s.includes('input') ? {} : null) };
		expect(inTextField(field as unknown as EventTarget)).toBe(true);
		expect(inTextField({ closest: () => null } as unknown as EventTarget)).toBe(false);
		expect(inTextField(null)).toBe(false);
		expect(inTextField({} as EventTarget)).toBe(false);
	});
});

describe('names and links', () => {
	it('builds the share link on this page, replacing any hash', () => {
		const at = { origin: 'https://example.org', pathname: '/gradsheet/', search: '' };
		expect(shareUrl(at, '#nb=abc')).toBe('https://example.org/gradsheet/#nb=abc');
	});

	it('gives a link browsers open, and none past 2 MiB: the file is offered instead', async () => {
		const at = { origin: 'https://example.org', pathname: '/', search: '' };
		const short = await shareLink(preset('xor'), at);
		expect(short.ok && short.link.startsWith('https://example.org/#nb=')).toBe(true);
		// Random numbers barely compress: 60,000 samples make a link of about 4 MB.
		let seed = 1;
		const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
		const samples = Array.from({ length: 60_000 }, () => ({
			inputs: [random(), random()],
			targets: [random(), random()]
		}));
		const long = await shareLink({ ...preset('article'), samples }, at);
		expect(long.ok).toBe(false);
		if (long.ok) return;
		const length = Number(
			/would be ([\d,]+) characters/.exec(long.message)![1].replaceAll(',', '')
		);
		expect(length).toBeGreaterThan(MAX_LINK_CHARS);
		expect(long.message).toContain('browsers open links of at most 2,097,152');
		expect(long.message).toContain('Export notebook');
		expect(MAX_LINK_CHARS).toBe(2_097_152);
	});

	it('refuses a drop of several files, naming them', () => {
		expect(dropRefusal([])).toBeUndefined();
		expect(dropRefusal(['a.json'])).toBeUndefined();
		expect(dropRefusal(['a.json', 'b.json'])).toBe(
			'The 2 files dropped ("a.json", "b.json") could not be opened: one notebook opens at a time, so drop just one file. The open notebook is unchanged.'
		);
		expect(dropRefusal(['1', '2', '3', '4'])).toContain('("1", "2", "3", …)');
	});

	it('names files by the iteration', () => {
		expect(fileName(3, 'json')).toBe('gradsheet-iteration-3.json');
		expect(fileName(0, 'csv')).toBe('gradsheet-iteration-0.csv');
	});
});

describe('the learned-function map as CSV', () => {
	it('writes one row per point, the inputs then each output, full precision, under named columns', () => {
		const grid = {
			xs: [0, 1],
			ys: [0.5],
			inputs: [
				[0, 0.5],
				[1, 0.5]
			],
			outputs: [Float64Array.of(0.1 + 0.2, -1e-20), Float64Array.of(1 / 3, 2)]
		};
		const text = gridCsv(grid, { inputs: ['width', 'height'], outputs: ['=area'] });
		expect(text.split('\r\n')).toEqual([
			'\uFEFFinput 0: width,input 1: height,output 0: =area,output 1',
			`0,0.5,${0.1 + 0.2},${1 / 3}`,
			'1,0.5,-1e-20,2',
			''
		]);
	});
});
