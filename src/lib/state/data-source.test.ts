/** Data sources of a moment: samples by iteration, a source swapped in, the notebook as a file. */
import { describe, expect, it } from 'vitest';
import { step } from '$lib/engine/maths/passes.ts';
import { preset } from '$lib/engine/document/presets.ts';
import { notebookNow, sampleFor, withSource } from './data-source.ts';
import { momentOf } from './moment.ts';

const article = preset('article');
const rows = [
	{ inputs: [0.1, 0.2], targets: [0.02, 0.15] },
	{ inputs: [0.3, 0.4], targets: [0.12, 0.35] }
];

describe('a new source', () => {
	it('before anything is computed starts this iteration from its row', () => {
		const moment = momentOf({ ...article, iteration: 3 });
		const next = withSource(moment, { samples: rows });
		// Iteration 3 reads row 3 mod 2.
		expect(next.snapshot.inputs).toEqual(rows[1].inputs);
		expect(next.snapshot.targets).toEqual(rows[1].targets);
		expect(next.notebook.samples).toEqual(rows);
		expect(next.notebook.dataset).toBeUndefined();
	});

	it('once the iteration has begun keeps its numbers, and supplies the next one', () => {
		const first = momentOf(article);
		const moment = { ...first, snapshot: step(first.start, 'neuron') };
		const next = withSource(moment, { samples: rows });
		expect(next.snapshot).toBe(moment.snapshot);
		expect(sampleFor(next, { kind: 'table', samples: rows }, 1)).toEqual(rows[1]);
	});

	it('of fixed inputs reads the inputs as last edited, whatever the iteration', () => {
		const moment = momentOf(article);
		const fixed = { kind: 'fixed', sample: rows[0] } as const;
		expect(sampleFor(moment, fixed, 7)).toEqual({
			inputs: article.inputs,
			targets: article.targets
		});
	});
});

describe('the open notebook as a file', () => {
	it('once an iteration is done, is the next iteration’s start: trained weights, next sample', () => {
		const table = withSource(momentOf(article), { samples: rows });
		const done = { ...table, snapshot: step(table.start, 'iteration') };
		const file = notebookNow(done, { kind: 'table', samples: rows });
		expect(file.iteration).toBe(1);
		expect(file.inputs).toEqual(rows[1].inputs);
		expect(file.layers[2].neurons[0].bias).toBe(done.snapshot.net.layers[2].neurons[0].bias);
		expect(file.layers[2].neurons[0].bias).not.toBe(article.layers[2].neurons[0].bias);
	});
});
