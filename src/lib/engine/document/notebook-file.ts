/**
 * The notebook file (PRODUCT.md, "Notebook file (version 1)"): text ↔ Notebook.
 * Export, import, the share link and autosave all go through here, so this is
 * where hostile input stops: text too long, JSON nested too deep, keys that
 * could reach an object's prototype, numbers that are not finite. What the
 * fields may hold is notebook-schema.ts's business. Plain TypeScript only, so
 * that it runs in Node, the page and the Web Worker alike.
 */
import { formatCount as count } from './number-text.ts';
import type { Notebook } from './notebook.ts';
import { NOTEBOOK_FIELDS, checkNotebook, quote, type ParseResult } from './notebook-schema.ts';

export type { ParseResult };

/**
 * The largest notebook, in bytes of UTF-8: the one limit on what is read, by
 * every route (file, drop, paste, share link), and on what is written. Text
 * over it is refused before JSON.parse, so that a pasted or linked blob
 * cannot tie up the page; and a notebook whose file (as Export notebook
 * writes it, indented: the largest of the forms the app writes) would be
 * over it is refused too, so that the app never holds a notebook it could
 * not read back. A net at the weight limit writes about 2.1 million bytes,
 * and the article's net with 100,000 rectangle samples about 13 million; a
 * samples table with many columns meets this limit before LIMITS.maxSamples.
 */
export const MAX_NOTEBOOK_BYTES = 20_000_000;

/** The deepest nesting read. A notebook needs 6 levels; 64 leaves room for unknown fields. */
export const MAX_JSON_DEPTH = 64;

/**
 * The most values (numbers, strings, objects, …) read from an already-parsed
 * value. JSON text spends at least two characters on each value but the
 * last (`0,`), so text within MAX_NOTEBOOK_BYTES never holds more; this bounds
 * `notebookFromJson` on objects that share children (a DAG walked as a tree).
 */
export const MAX_JSON_VALUES = MAX_NOTEBOOK_BYTES / 2 + 1;

/** Keys that could reach or replace a prototype: refused wherever they appear. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const TOO_DEEP = `the notebook is nested more than ${MAX_JSON_DEPTH} levels deep`;

/** A refusal raised deep in a walk, caught at the entry points. */
class Refusal {
	constructor(readonly message: string) {}
}

/**
 * The bytes of `text` as UTF-8, without encoding it: a lone surrogate counts
 * as the 3 bytes of the U+FFFD that an encoder writes for it.
 */
export function utf8Length(text: string): number {
	let bytes = text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) continue;
		if (c < 0x800) bytes += 1;
		else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			bytes += 2; // a pair: 4 bytes for 2 code units
			i++;
		} else bytes += 2;
	}
	return bytes;
}

/** NUL, and JSON's whitespace: what may trail a notebook's closing brace. */
const TRAILING = new Set([0x00, 0x09, 0x0a, 0x0d, 0x20]);

/**
 * Notebook text without what editors and clipboards add around JSON: a
 * leading byte-order mark (U+FEFF, which JSON.parse refuses) and trailing NUL
 * characters (and whitespace among them), as some editors copy a buffer.
 */
export function notebookBody(text: string): string {
	let end = text.length;
	while (end > 0 && TRAILING.has(text.charCodeAt(end - 1))) end--;
	return text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, end);
}

const tooLarge = (bytes: number) =>
	`the notebook is ${count(bytes)} bytes long; the limit is ${count(MAX_NOTEBOOK_BYTES)}`;

/**
 * Reads notebook text (an exported file, a paste, a decoded share link),
 * once a byte-order mark and trailing NULs are taken off. Never throws.
 */
export function parseNotebook(text: string): ParseResult {
	if (typeof text !== 'string') return { ok: false, error: 'the notebook must be text' };
	// Each code unit is at least a byte: only text this short needs counting.
	const body = notebookBody(text);
	if (body.length > MAX_NOTEBOOK_BYTES) return { ok: false, error: tooLarge(body.length) };
	const bytes = utf8Length(body);
	if (bytes > MAX_NOTEBOOK_BYTES) return { ok: false, error: tooLarge(bytes) };
	if (nestedTooDeep(body)) return { ok: false, error: TOO_DEEP };
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch (error) {
		return { ok: false, error: `the notebook is not valid JSON: ${describe(error)}` };
	}
	const parsed = notebookFromJson(value);
	if (!parsed.ok) return parsed;
	const file = notebookFile(parsed.notebook);
	return file.ok ? parsed : file;
}

/**
 * Reads an already-parsed value (e.g. from a worker message). The result never
 * shares objects with `value`: it is rebuilt from plain data. Never throws.
 */
export function notebookFromJson(value: unknown): ParseResult {
	try {
		return checkNotebook(safeTree(value));
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, error: error.message };
		return { ok: false, error: `the notebook could not be read: ${describe(error)}` };
	}
}

function describe(error: unknown): string {
	try {
		return error instanceof Error ? error.message : String(error);
	} catch {
		return 'an error that cannot be shown';
	}
}

/**
 * Whether brackets in JSON text nest deeper than MAX_JSON_DEPTH, found with
 * one loop and no recursion, before anything builds the nested objects.
 */
function nestedTooDeep(text: string): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c)
				i++; // backslash: skip the escaped character
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x5b || c === 0x7b) {
			if (++depth > MAX_JSON_DEPTH) return true;
		} else if (c === 0x5d || c === 0x7d) depth--;
	}
	return false;
}

/** Where a value sits, as a chain of keys built only for containers. */
type Path = { readonly parent: Path; readonly key: string | number } | undefined;

function where(parent: Path, key?: string | number): string {
	const keys: (string | number)[] = key === undefined ? [] : [key];
	for (let p = parent; p; p = p.parent) keys.push(p.key);
	return keys.length ? keys.reverse().join('.') : 'the notebook';
}

/**
 * A fresh copy of `root` made only of plain JSON data: arrays, objects with
 * Object.prototype, strings, booleans, null and finite numbers. Walks with an
 * explicit stack, so depth cannot overflow the call stack, and refuses
 * forbidden keys, so the copy's own assignments never meet a `__proto__`
 * setter. Object properties holding `undefined` are dropped, as JSON does.
 */
function safeTree(root: unknown): unknown {
	let values = 0;
	const pending: {
		source: object;
		target: unknown[] | Record<string, unknown>;
		path: Path;
		depth: number;
	}[] = [];
	const take = (value: unknown, parent: Path, key: string | number | undefined, depth: number) => {
		if (++values > MAX_JSON_VALUES)
			throw new Refusal(`the notebook holds more than ${MAX_JSON_VALUES} values`);
		if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
		if (typeof value === 'number') {
			if (Number.isFinite(value)) return value;
			throw new Refusal(`${where(parent, key)} is not a finite number`);
		}
		const prototype: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
		const array = Array.isArray(value);
		if (!array && prototype !== Object.prototype && prototype !== null)
			throw new Refusal(`${where(parent, key)} is not a JSON value`);
		if (depth >= MAX_JSON_DEPTH) throw new Refusal(TOO_DEEP);
		const target = array ? [] : {};
		const path = key === undefined ? parent : { parent, key };
		pending.push({ source: value as object, target, path, depth: depth + 1 });
		return target;
	};
	const tree = take(root, undefined, undefined, 0);
	for (let task = pending.pop(); task; task = pending.pop()) {
		const { source, target, path, depth } = task;
		if (Array.isArray(source) && Array.isArray(target)) {
			for (let i = 0; i < source.length; i++) target.push(take(source[i], path, i, depth));
			continue;
		}
		const record = source as Record<string, unknown>;
		const copy = target as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			if (FORBIDDEN_KEYS.has(key))
				throw new Refusal(`${where(path)} has a field named ${quote(key)}, which is not allowed`);
			const item = record[key];
			if (item !== undefined) copy[key] = take(item, path, key, depth);
		}
	}
	return tree;
}

/** The order of known keys in one kind of object, and the orders of its children. */
interface KeyOrder {
	readonly keys?: readonly string[];
	readonly child?: (key: string) => KeyOrder | undefined;
}

const itemsIn = (order: KeyOrder): KeyOrder => ({ child: () => order });
const NEURON: KeyOrder = { keys: ['bias', 'weights'] };
const LAYER: KeyOrder = {
	keys: ['activation', 'neurons'],
	child: (key) => (key === 'neurons' ? itemsIn(NEURON) : undefined)
};
const CHILDREN: Record<string, KeyOrder> = {
	layers: itemsIn(LAYER),
	samples: itemsIn({ keys: ['inputs', 'targets'] }),
	labels: { keys: ['inputs', 'outputs'] },
	predictions: { keys: ['ask', 'iteration', 'guesses'] }
};
const NOTEBOOK: KeyOrder = {
	keys: NOTEBOOK_FIELDS,
	child: (key) => (Object.hasOwn(CHILDREN, key) ? CHILDREN[key] : undefined)
};

/**
 * The notebook as JSON text: known fields in NOTEBOOK_FIELDS order (and
 * likewise inside layers, neurons, samples, labels), then unknown fields in
 * their own order; indented by 2 spaces with lists of plain values on one
 * line, or `compact` with no whitespace (for share links). Every number is
 * written so that JSON.parse gives back the same double — including -0, which
 * JSON.stringify would write as 0. A number that is not finite throws a
 * RangeError rather than being written as null, as JSON.stringify would: the
 * parser refuses null where a number belongs, and what the app writes it must
 * read back. No notebook holds one: the parser refuses them, and steps, edits
 * and runs keep every parameter finite (state/overflow.ts, the run's 'overflow').
 */
export function serialiseNotebook(notebook: Notebook, options?: { compact?: boolean }): string {
	return new Writer(options?.compact ? '' : '  ', Infinity).notebook(notebook);
}

export type FileResult = { ok: true; text: string } | { ok: false; error: string };

/**
 * The notebook's file, as Export notebook writes it, or why it cannot be
 * written: over MAX_NOTEBOOK_BYTES, which every route that opens a notebook
 * refuses. Writing stops as soon as the limit is passed, so a notebook whose
 * unknown fields nest deep (each level indents its lines further) costs at
 * most the limit's worth of text.
 */
export function notebookFile(notebook: Notebook): FileResult {
	try {
		return { ok: true, text: new Writer('  ', MAX_NOTEBOOK_BYTES).notebook(notebook) };
	} catch (error) {
		if (!(error instanceof Refusal)) throw error;
		return { ok: false, error: error.message };
	}
}

function writable(value: unknown): boolean {
	return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** JSON text appended piece by piece, counting its UTF-8 bytes against a budget. */
class Writer {
	readonly #parts: string[] = [];
	#bytes = 0;

	constructor(
		readonly step: string,
		readonly budget: number
	) {}

	notebook(notebook: Notebook): string {
		this.#value(notebook, NOTEBOOK, '');
		if (this.step) this.#put('\n');
		return this.#parts.join('');
	}

	#put(text: string): void {
		this.#parts.push(text);
		if (this.budget === Infinity) return;
		this.#bytes += utf8Length(text);
		if (this.#bytes > this.budget)
			throw new Refusal(
				`as a file the notebook would be more than ${count(this.budget)} bytes, the limit`
			);
	}

	#value(value: unknown, order: KeyOrder | undefined, indent: string): void {
		if (typeof value === 'number') {
			if (!Number.isFinite(value))
				throw new RangeError(`a notebook file holds finite numbers only, not ${value}`);
			return this.#put(Object.is(value, -0) ? '-0' : String(value));
		}
		if (typeof value !== 'object' || value === null)
			return this.#put(JSON.stringify(value) ?? 'null');
		if (Array.isArray(value)) return this.#array(value, order, indent);
		const record = value as Record<string, unknown>;
		const known = (order?.keys ?? []).filter((key) => Object.hasOwn(record, key));
		const rest = Object.keys(record).filter((key) => !known.includes(key));
		const keys = [...known, ...rest].filter((key) => writable(record[key]));
		if (keys.length === 0) return this.#put('{}');
		const inner = indent + this.step;
		this.#put('{');
		keys.forEach((key, i) => {
			this.#open(i, inner);
			this.#put(`${JSON.stringify(key)}:${this.step ? ' ' : ''}`);
			this.#value(record[key], order?.child?.(key), inner);
		});
		this.#close(indent, '}');
	}

	#array(value: readonly unknown[], order: KeyOrder | undefined, indent: string): void {
		if (value.length === 0) return this.#put('[]');
		const inner = indent + this.step;
		// Indexed, not forEach: a hole must be written as null, as JSON.stringify does.
		const flat = Array.from(value).every((item) => typeof item !== 'object' || item === null);
		this.#put('[');
		for (let i = 0; i < value.length; i++) {
			if (flat) {
				if (i) this.#put(this.step ? ', ' : ',');
			} else this.#open(i, inner);
			this.#value(value[i], order?.child?.(String(i)), inner);
		}
		if (flat) this.#put(']');
		else this.#close(indent, ']');
	}

	/** Before the i-th item of an object or a nested array: a comma, then its own line. */
	#open(i: number, inner: string): void {
		if (i) this.#put(',');
		if (this.step) this.#put(`\n${inner}`);
	}

	#close(indent: string, bracket: string): void {
		this.#put(this.step ? `\n${indent}${bracket}` : bracket);
	}
}
