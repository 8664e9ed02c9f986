/** The nets `npm run bench:ui` opens: everyday ones by link, and the limit nets (PRODUCT.md's limits) by file. */
import { address } from '../../src/lib/engine/maths/addresses.ts';
import { initialiseNet } from '../../src/lib/engine/fast/init.ts';
import type { Notebook } from '../../src/lib/engine/document/notebook.ts';
import { preset } from '../../src/lib/engine/document/presets.ts';
import { streamKey, uniform } from '../../src/lib/engine/fast/random.ts';

/** A tanh net of `sizes` from seed 7, on one fixed sample. */
export function netNotebook(sizes: number[]): Notebook {
	const net = initialiseNet(sizes, 'tanh', 7);
	return {
		...preset('article'),
		inputs: Array.from({ length: sizes[0] }, (_, i) => (i + 1) / (sizes[0] + 1)),
		targets: Array.from({ length: sizes.at(-1)! }, (_, k) => (k + 1) / (sizes.at(-1)! + 2)),
		layers: net.layers.map((layer) => ({ neurons: layer.neurons })),
		labels: undefined,
		dataset: undefined
	};
}

export const weights = (sizes: number[]) =>
	sizes.slice(1).reduce((sum, n, l) => sum + n * sizes[l], 0);

export interface LimitNet {
	readonly name: string;
	readonly sizes: number[];
	readonly notebook: Notebook;
	/** A cell to edit and to move from with the arrow keys: its selector and the value each edit types. */
	readonly edit: {
		readonly selector: string;
		readonly values: readonly [number, number];
		/** The button that shows the cell first, if any */
		readonly opens?: string;
	};
}

/** The limit nets: the most weights, the most samples, and 16,000 pinned cells. */
export function limitNets(): LimitNet[] {
	const most = [100, 250, 250, 50]; // 25,000 + 62,500 + 12,500 = 100,000 weights
	const article = [2, 3, 3, 2];
	const key = streamKey(11, 9);
	const samples = Array.from({ length: 100_000 }, (_, k) => ({
		inputs: [uniform(key, 4 * k), uniform(key, 4 * k + 1)],
		targets: [uniform(key, 4 * k + 2), uniform(key, 4 * k + 3)]
	}));
	const pinned = [2, 100, 100, 100, 2];
	const overrides: Record<string, number> = {};
	for (let n = 0; n < 16_000; n++)
		overrides[
			address.weightGradient(1 + Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100)
		] = (n % 7) / 1000;
	const weight = (sizes: number[]) => `[data-cell="${address.weight(sizes.length - 2, 0, 0)}"]`;
	return [
		{
			name: `100,000 weights (${most.join('-')})`,
			sizes: most,
			notebook: netNotebook(most),
			edit: { selector: weight(most), values: [0.25, 0.5] }
		},
		{
			name: '100,000 samples (2-3-3-2)',
			sizes: article,
			notebook: { ...netNotebook(article), samples },
			edit: { selector: '[data-sample="0.0"]', values: [0.25, 0.5], opens: 'Edit data' }
		},
		{
			name: `16,000 pins (${pinned.join('-')})`,
			sizes: pinned,
			notebook: { ...netNotebook(pinned), overrides },
			edit: { selector: weight(pinned), values: [0.25, 0.5] }
		}
	];
}
