import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleNotebook } from '../__fixtures__/nets.ts';
import type { Notebook } from './notebook.ts';
import { MAX_NOTEBOOK_BYTES, serialiseNotebook } from './notebook-file.ts';
import {
	MAX_SHARE_BYTES,
	MAX_SHARE_DATA_CHARS,
	decodeShareLink,
	encodeShareLink,
	notebookDataFromHash,
	shareHash
} from './share-link.ts';

/** Every number in a value, in document order, as the 64 bits of its double. */
function bitsOf(value: unknown): string[] {
	const bits: string[] = [];
	const view = new DataView(new ArrayBuffer(8));
	const visit = (v: unknown) => {
		if (typeof v === 'number') {
			view.setFloat64(0, v);
			bits.push(view.getBigUint64(0).toString(16).padStart(16, '0'));
		} else if (v && typeof v === 'object') Object.values(v).forEach(visit);
	};
	visit(value);
	return bits;
}

/** Raw DEFLATE of `bytes` in base64url, written independently of share-link.ts (Node's Buffer). */
async function deflateData(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
	const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
	const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
	return Buffer.from(compressed).toString('base64url');
}

const text = (s: string) => new TextEncoder().encode(s);

async function refusal(data: string): Promise<string> {
	const result = await decodeShareLink(data);
	return result.ok ? 'accepted' : result.error;
}

describe('the share link round trip', () => {
	it('gives back the notebook bit for bit, with -0, 5e-324, 0.1 + 0.2, the largest double and unknown fields', async () => {
		const base = articleNotebook();
		const notebook: Notebook = {
			...base,
			learningRate: 0.1 + 0.2,
			inputs: [-0, 5e-324],
			targets: [1.7976931348623157e308, -2.2250738585072014e-308],
			labels: { inputs: ['width ✓', 'höhe "h"'], outputs: ['<b>area</b>', '\u{1f4d0}'] },
			samples: [{ inputs: [0.2, 0.3], targets: [0.06, 0.25] }],
			seed: 4294967295,
			overrides: { loss: -0 },
			iteration: 12,
			view: { zoom: 1.25, nested: [[-0]] }
		};
		const result = await decodeShareLink(await encodeShareLink(notebook));
		expect(result).toEqual({ ok: true, notebook });
		expect(result.ok && bitsOf(result.notebook)).toEqual(bitsOf(notebook));
		expect(result.ok && Object.is(result.notebook.inputs[0], -0)).toBe(true);
	});

	it('gives back random weights bit for bit', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
					minLength: 17,
					maxLength: 17
				}),
				async (numbers) => {
					let n = 0;
					const base = articleNotebook();
					const notebook: Notebook = {
						...base,
						layers: base.layers.map((layer) => ({
							neurons: layer.neurons.map((neuron) => ({
								bias: numbers[n++ % 17],
								weights: neuron.weights.map(() => numbers[n++ % 17])
							}))
						}))
					};
					const result = await decodeShareLink(await encodeShareLink(notebook));
					expect(result.ok && bitsOf(result.notebook)).toEqual(bitsOf(notebook));
				}
			),
			{ numRuns: 100 }
		);
	});

	it('writes base64url without padding, shorter than the notebook JSON', async () => {
		const data = await encodeShareLink(articleNotebook());
		expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
		expect(data.length % 4).not.toBe(1);
		expect(data.length).toBeLessThan(
			serialiseNotebook(articleNotebook(), { compact: true }).length
		);
	});

	it('carries the compact notebook JSON, raw-deflated', async () => {
		const notebook = articleNotebook();
		const data = await encodeShareLink(notebook);
		const bytes = Buffer.from(data, 'base64url');
		const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
		expect(await new Response(stream).text()).toBe(serialiseNotebook(notebook, { compact: true }));
	});

	it('makes a #nb= hash whose data the hash reader gives back', async () => {
		const notebook = articleNotebook(3);
		const hash = await shareHash(notebook);
		expect(hash.startsWith('#nb=')).toBe(true);
		const data = notebookDataFromHash(hash);
		expect(data).toBe(await encodeShareLink(notebook));
		expect(await decodeShareLink(data ?? '')).toEqual({ ok: true, notebook });
	});
});

describe('reading the data from a location hash', () => {
	it('finds the data after #nb=, alone or among other parameters', () => {
		expect(notebookDataFromHash('#nb=abc-_9')).toBe('abc-_9');
		expect(notebookDataFromHash('nb=abc')).toBe('abc');
		expect(notebookDataFromHash('#view=2&nb=abc&x=1')).toBe('abc');
		expect(notebookDataFromHash('#nb=')).toBe('');
	});

	it('gives undefined when the hash carries no notebook', () => {
		expect(notebookDataFromHash('')).toBeUndefined();
		expect(notebookDataFromHash('#')).toBeUndefined();
		expect(notebookDataFromHash('#section-2')).toBeUndefined();
		expect(notebookDataFromHash('#xnb=abc')).toBeUndefined();
	});
});

describe('refusing a link that does not decode', () => {
	it('refuses an empty link', async () => {
		expect(await refusal('')).toBe('the link carries no notebook');
	});

	it('refuses characters outside base64url, padding and impossible lengths', async () => {
		const message =
			"the link is damaged: its data is not base64url (only A–Z, a–z, 0–9, '-' and '_')";
		expect(await refusal('not a link!')).toBe(message);
		expect(await refusal('ab+/')).toBe(message);
		expect(await refusal('abc=')).toBe(message);
		expect(await refusal('abcde')).toBe(message);
		expect(await refusal('abcé')).toBe(message);
	});

	it('refuses data that is not DEFLATE', async () => {
		const message = 'the link is damaged: its data does not inflate (it may have been cut short)';
		expect(await refusal('____')).toBe(message);
		expect(await refusal('Z2FyYmFnZSBnYXJiYWdl')).toBe(message);
	});

	it('refuses a link cut short', async () => {
		const data = await encodeShareLink(articleNotebook());
		expect(await refusal(data.slice(0, 4 * Math.floor(data.length / 8)))).toBe(
			'the link is damaged: its data does not inflate (it may have been cut short)'
		);
	});

	it('refuses valid DEFLATE of something that is not JSON', async () => {
		expect(await refusal(await deflateData(text('hello, world')))).toMatch(
			/^the notebook is not valid JSON: ./
		);
	});

	it('refuses valid DEFLATE of bytes that are not UTF-8', async () => {
		expect(await refusal(await deflateData(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toBe(
			"the link's notebook is not UTF-8 text"
		);
	});

	it('refuses JSON that is not a notebook with the notebook file’s message', async () => {
		expect(await refusal(await deflateData(text('{"hello": 1}')))).toBe(
			'this is not a Gradsheet notebook: "format" must be "gradsheet-notebook"'
		);
		const newer = JSON.stringify({ format: 'gradsheet-notebook', version: 3 });
		expect(await refusal(await deflateData(text(newer)))).toBe(
			'this notebook was written by a newer Gradsheet (version 3); this one reads version 1'
		);
		const hostile = serialiseNotebook(articleNotebook()).replace('{', '{"__proto__": {"x": 1},');
		expect(await refusal(await deflateData(text(hostile)))).toBe(
			'the notebook has a field named "__proto__", which is not allowed'
		);
	});

	it('stops inflating a deflate bomb at the size limit', async () => {
		expect(MAX_SHARE_BYTES).toBe(MAX_NOTEBOOK_BYTES);
		const bomb = await deflateData(new Uint8Array(MAX_SHARE_BYTES + 5_000_000));
		expect(bomb.length).toBeLessThan(40_000);
		expect(await refusal(bomb)).toBe(
			"the link's notebook inflates to more than the limit of 20000000 bytes"
		);
	});

	it('refuses data longer than any notebook could need without decoding it', async () => {
		expect(await refusal('A'.repeat(MAX_SHARE_DATA_CHARS + 1))).toBe(
			`the link's data is ${MAX_SHARE_DATA_CHARS + 1} characters long; the limit is ${MAX_SHARE_DATA_CHARS}`
		);
	});

	it('reports input that is not even a string instead of throwing', async () => {
		expect(await refusal(undefined as unknown as string)).toBe('the link carries no notebook');
		expect(await refusal(42 as unknown as string)).toBe('the link carries no notebook');
	});
});
