/** Engine answers and raw links for the saving, sharing and history journeys. */
import { deflateRawSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import { sampleAt } from '../../src/lib/engine/fast/data.ts';
import { initialiseNet } from '../../src/lib/engine/fast/init.ts';
import { dataSourceOf, type Notebook } from '../../src/lib/engine/document/notebook.ts';
import { nextIteration, step } from '../../src/lib/engine/maths/passes.ts';
import type { Snapshot } from '../../src/lib/engine/maths/snapshot.ts';
import { startOf } from './page.ts';

/** Where version 1 autosaved, in localStorage: read once and moved into IndexedDB. */
export const LEGACY_KEY = 'gradsheet:autosave';

/** A tanh net of `sizes` drawn from `seed`, on a fixed sample: big ones have windowed tables. */
export function netNotebook(sizes: readonly number[], seed: number): Notebook {
	const net = initialiseNet([...sizes], 'tanh', seed);
	return {
		format: 'gradsheet-notebook',
		version: 1,
		activation: 'tanh',
		learningRate: 0.01,
		inputs: [0.3, -0.6],
		targets: [0.2, -0.4],
		layers: net.layers.map((layer) => ({
			neurons: layer.neurons.map((n) => ({ bias: n.bias, weights: [...n.weights] }))
		}))
	};
}

/** The snapshots at the end of iterations 1…n of `notebook`, as the Iteration button makes them. */
export function completedIterations(notebook: Notebook, n: number): Snapshot[] {
	const source = dataSourceOf(notebook);
	const done: Snapshot[] = [];
	let s = startOf(notebook);
	for (let k = 0; k < n; k++) {
		if (k > 0) s = nextIteration(s, sampleAt(source, k));
		s = step(s, 'iteration');
		done.push(s);
	}
	return done;
}

/** A `#nb=` hash carrying any text, as a hostile link would: raw DEFLATE, base64url. */
export function rawLink(text: string): string {
	return '#nb=' + deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url');
}

/**
 * The autosave's part `key` now (null when none): by default its head, which
 * holds the moment shown, the history's chunk keys, segments and predictions.
 */
export const savedText = (page: Page, key = 'head') =>
	page.evaluate(
		(key) =>
			new Promise<string | null>((resolve) => {
				const open = indexedDB.open('gradsheet');
				open.onupgradeneeded = () => open.result.createObjectStore('autosave');
				open.onerror = () => resolve(null);
				open.onsuccess = () => {
					const db = open.result;
					const get = db.transaction('autosave').objectStore('autosave').get(key);
					get.onsuccess = () => resolve((get.result as string | undefined) ?? null);
					get.onerror = () => resolve(null);
					get.transaction!.oncomplete = () => db.close();
				};
			}),
		key
	);

/** Writes `text` as the autosave's part `key`, as a damaged or older save would hold it. */
export const putSaved = (page: Page, key: string, text: string) =>
	page.evaluate(
		([key, text]) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('gradsheet');
				open.onsuccess = () => {
					const db = open.result;
					const put = db.transaction('autosave', 'readwrite').objectStore('autosave');
					put.put(text, key);
					put.transaction.oncomplete = () => (db.close(), resolve());
					put.transaction.onerror = () => reject(put.transaction.error);
				};
			}),
		[key, text]
	);

/** Waits until the autosave holds a moment at `cursor` (the save is debounced); returns what it holds. */
export async function waitForSave(
	page: Page,
	[pass, layer, neuron]: [string, number, number]
): Promise<string> {
	const moment = async () => {
		const text = await savedText(page);
		return text ? (JSON.parse(text) as { moment: unknown[] }).moment.slice(1, 4) : undefined;
	};
	await expect.poll(moment).toEqual([pass, layer, neuron]);
	return (await savedText(page))!;
}

/** The alert banner. */
export const banner = (page: Page) => page.getByRole('alert');
