/**
 * The share link (PRODUCT.md, "Share link"): `#nb=<data>`, where `<data>` is
 * the notebook's JSON (UTF-8), compressed with raw DEFLATE and written in
 * base64url without padding. Only web-platform streams, so it runs in Node,
 * the page and a Web Worker. Decoding never throws: a link that does not
 * decode is a ParseResult error, and the page keeps the notebook it had.
 */
import type { Notebook } from './notebook.ts';
import {
	MAX_NOTEBOOK_BYTES,
	parseNotebook,
	serialiseNotebook,
	type ParseResult
} from './notebook-file.ts';

/** The hash parameter that carries the notebook. */
const PARAMETER = 'nb=';

/** Largest inflated notebook read from a link, in bytes: a deflate bomb stops here. */
export const MAX_SHARE_BYTES = MAX_NOTEBOOK_BYTES;

/**
 * Longest `<data>` read: base64url of the deflate of MAX_SHARE_BYTES even if
 * incompressible (stored blocks add 5 bytes per 65,535), so no real link is
 * refused and no absurd one is decoded.
 */
export const MAX_SHARE_DATA_CHARS = Math.ceil((MAX_SHARE_BYTES * 1.001 * 4) / 3);

/**
 * Compressed input is fed to inflate in slices, so that even a stream that
 * ignores backpressure holds at most one slice's output (≤ 1032 × 4 KiB)
 * beyond the cap. Compression has no cap and takes its input whole.
 */
const SLICE = 4096;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;

/** The `<data>` part of a share link to `notebook`. */
export async function encodeShareLink(notebook: Notebook): Promise<string> {
	const json = new TextEncoder().encode(serialiseNotebook(notebook, { compact: true }));
	const compressed = await pipe(json, new CompressionStream('deflate-raw'), Infinity);
	return toBase64url(compressed ?? new Uint8Array());
}

/** The location hash that opens `notebook`: `#nb=<data>`. */
export async function shareHash(notebook: Notebook): Promise<string> {
	return `#${PARAMETER}${await encodeShareLink(notebook)}`;
}

/**
 * The `<data>` of a location hash (`#nb=<data>`, also as one of several
 * `&`-separated parameters), or undefined when the hash carries no notebook.
 */
export function notebookDataFromHash(hash: string): string | undefined {
	const body = hash.startsWith('#') ? hash.slice(1) : hash;
	for (const part of body.split('&'))
		if (part.startsWith(PARAMETER)) return part.slice(PARAMETER.length);
	return undefined;
}

/** The notebook a link's `<data>` carries, or why it cannot be opened. Never throws. */
export async function decodeShareLink(data: string): Promise<ParseResult> {
	const fail = (error: string): ParseResult => ({ ok: false, error });
	try {
		if (typeof data !== 'string' || data.length === 0) return fail('the link carries no notebook');
		if (data.length > MAX_SHARE_DATA_CHARS)
			return fail(
				`the link's data is ${data.length} characters long; the limit is ${MAX_SHARE_DATA_CHARS}`
			);
		const compressed = fromBase64url(data);
		if (!compressed)
			return fail(
				"the link is damaged: its data is not base64url (only A–Z, a–z, 0–9, '-' and '_')"
			);
		let bytes: Uint8Array | undefined;
		try {
			bytes = await pipe(compressed, new DecompressionStream('deflate-raw'), MAX_SHARE_BYTES);
		} catch {
			return fail('the link is damaged: its data does not inflate (it may have been cut short)');
		}
		if (!bytes)
			return fail(
				`the link's notebook inflates to more than the limit of ${MAX_SHARE_BYTES} bytes`
			);
		let text: string;
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		} catch {
			return fail("the link's notebook is not UTF-8 text");
		}
		return parseNotebook(text);
	} catch (error) {
		return fail(
			`the link could not be opened: ${error instanceof Error ? error.message : String(error)}`
		);
	}
}

/**
 * `input` through a (de)compression stream, or undefined once the output passes
 * `limit` bytes. Writing runs beside reading, slice by slice, so the stream's
 * backpressure holds the output to about one slice's worth beyond the limit.
 * Rejects if the stream fails, including at close (data cut short). Bytes
 * after the end of the DEFLATE stream are refused by browsers but ignored by
 * Node 20; either way nothing but the encoded notebook is ever returned.
 */
async function pipe(
	input: Uint8Array<ArrayBuffer>,
	stream: CompressionStream | DecompressionStream,
	limit: number
): Promise<Uint8Array<ArrayBuffer> | undefined> {
	const writer = stream.writable.getWriter();
	const writing = (async () => {
		const slice = limit === Infinity ? Math.max(input.length, 1) : SLICE;
		for (let i = 0; i < input.length; i += slice) await writer.write(input.subarray(i, i + slice));
		await writer.close();
	})();
	writing.catch(() => {}); // a read failure is reported instead; this one is awaited below
	const reader = stream.readable.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			return undefined;
		}
		chunks.push(value);
	}
	await writing;
	const out = new Uint8Array(size);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	return out;
}

function toBase64url(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let i = 0; i < bytes.length; i += 3) {
		const left = bytes.length - i;
		const n =
			(bytes[i] << 16) | ((left > 1 ? bytes[i + 1] : 0) << 8) | (left > 2 ? bytes[i + 2] : 0);
		parts.push(
			ALPHABET[n >>> 18] +
				ALPHABET[(n >>> 12) & 63] +
				(left > 1 ? ALPHABET[(n >>> 6) & 63] : '') +
				(left > 2 ? ALPHABET[n & 63] : '')
		);
	}
	return parts.join('');
}

/** The bytes of unpadded base64url text, or undefined if it is not that. */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
	if (text.length % 4 === 1) return undefined;
	const out = new Uint8Array(Math.floor((text.length * 3) / 4));
	let buffer = 0;
	let bits = 0;
	let o = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		const digit = c < 128 ? DIGIT[c] : -1;
		if (digit < 0) return undefined;
		buffer = ((buffer << 6) | digit) & 0xffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (buffer >>> bits) & 0xff;
		}
	}
	return out;
}
