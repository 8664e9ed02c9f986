/**
 * Where a notebook's samples come from, and its samples table: one row per
 * sample, the inputs then the targets, so a row reads like a spreadsheet row
 * (column c is input c, or target c − inputs). Iteration k uses row k mod N.
 */
import { GENERATORS, generatorKey, sampleAt, type GeneratorName } from '../fast/data.ts';
import { LIMITS, type Sample } from '../maths/model.ts';
import { dataSourceOf, type Notebook } from './notebook.ts';
import { preset } from './presets.ts';
import { reshape, shapeOf, type Reshaped } from './reshape.ts';
import type { Block } from './tsv.ts';

/** Fixed: the notebook's own inputs every iteration; table: its samples in order; generator: drawn from the seed. */
export type DataMode = 'fixed' | 'table' | 'generator';

export type DataFields = Pick<Notebook, 'samples' | 'dataset'>;

export type TableResult = { ok: true; samples: Sample[] } | { ok: false; error: string };

export function dataModeOf(notebook: Notebook): DataMode {
	const kind = dataSourceOf(notebook).kind;
	return kind === 'fixed' ? 'fixed' : kind;
}

/** The table row iteration `iteration` reads. */
export function rowOf(iteration: number, rows: number): number {
	return rows > 0 ? iteration % rows : 0;
}

/** Sample row `row`'s cell `column` (inputs then targets). */
export function sampleCell(row: Sample, column: number): number {
	const n = row.inputs.length;
	return column < n ? row.inputs[column] : row.targets[column - n];
}

function withCell(row: Sample, column: number, value: number): Sample {
	const n = row.inputs.length;
	const put = (list: readonly number[], i: number) => list.map((x, k) => (k === i ? value : x));
	return column < n
		? { inputs: put(row.inputs, column), targets: row.targets }
		: { inputs: row.inputs, targets: put(row.targets, column - n) };
}

/** The table with cell (row, column) set to `value`. */
export function setSampleCell(
	samples: readonly Sample[],
	row: number,
	column: number,
	value: number
): Sample[] {
	return samples.map((s, r) => (r === row ? withCell(s, column, value) : s));
}

/** The table with a row of zeros added at the end. */
export function addSampleRow(
	samples: readonly Sample[],
	inputs: number,
	outputs: number
): TableResult {
	if (samples.length >= LIMITS.maxSamples)
		return { ok: false, error: `a table can have at most ${LIMITS.maxSamples} rows` };
	const zeros = (n: number) => new Array<number>(n).fill(0);
	return { ok: true, samples: [...samples, { inputs: zeros(inputs), targets: zeros(outputs) }] };
}

/** The table without row `row`; the last row stays, since a table of no rows supplies nothing. */
export function removeSampleRow(samples: readonly Sample[], row: number): TableResult {
	if (samples.length <= 1)
		return { ok: false, error: 'the table needs at least one row; choose fixed inputs instead' };
	return { ok: true, samples: samples.filter((_, r) => r !== row) };
}

/**
 * A pasted block written into the table from (row, column) down and right,
 * adding rows past the end as a spreadsheet does. Refused as a whole when it
 * is wider than the columns left or would take the table past its limit.
 */
export function pasteSamples(
	samples: readonly Sample[],
	at: { row: number; column: number },
	block: Block<number>,
	inputs: number,
	outputs: number
): TableResult {
	const width = block[0]?.length ?? 0;
	const columns = inputs + outputs;
	if (at.column + width > columns)
		return {
			ok: false,
			error: `the block is ${width} columns wide, and from column ${at.column + 1} the table has ${columns - at.column} (${inputs} inputs, then ${outputs} targets)`
		};
	const rows = Math.max(samples.length, at.row + block.length);
	if (rows > LIMITS.maxSamples)
		return {
			ok: false,
			error: `the table would have ${rows} rows; the limit is ${LIMITS.maxSamples}`
		};
	const zero: Sample = {
		inputs: new Array<number>(inputs).fill(0),
		targets: new Array<number>(outputs).fill(0)
	};
	const out = Array.from({ length: rows }, (_, r) => samples[r] ?? zero);
	for (const [i, values] of block.entries()) {
		const r = at.row + i;
		const cells = [...out[r].inputs, ...out[r].targets];
		values.forEach((x, j) => (cells[at.column + j] = x));
		out[r] = { inputs: cells.slice(0, inputs), targets: cells.slice(inputs) };
	}
	return { ok: true, samples: out };
}

/** Samples 0 … count − 1 of a generator with `seed`: what iterations 0 … count − 1 would draw. */
export function generatedSamples(name: GeneratorName, seed: number, count: number): TableResult {
	if (!Number.isSafeInteger(count) || count < 1 || count > LIMITS.maxSamples)
		return { ok: false, error: `a table can have 1 to ${LIMITS.maxSamples} rows` };
	const key = generatorKey(seed);
	const { sample } = GENERATORS[name];
	return { ok: true, samples: Array.from({ length: count }, (_, k) => sample(key, k)) };
}

/** The input and target counts `fields` would supply, or undefined when they fix none. */
function dataWidths(fields: DataFields): { inputs: number; targets: number } | undefined {
	const first = fields.samples?.[0];
	if (first) return { inputs: first.inputs.length, targets: first.targets.length };
	if (fields.dataset) return GENERATORS[fields.dataset];
	return undefined;
}

/** Which preset's labels describe a generator's columns. */
const GENERATOR_PRESET = { rectangle: 'article', xor: 'xor' } as const;

/**
 * The notebook taking its samples from `fields` (absent fields: fixed
 * inputs), its inputs and outputs reshaped to the data's counts when they
 * differ (reshape.ts keeps what has a place). A generator brings its labels.
 */
export function withData(notebook: Notebook, fields: DataFields): Reshaped {
	const { samples: _s, dataset: _d, ...rest } = notebook;
	const next: Notebook = {
		...rest,
		...(fields.samples && fields.samples.length > 0 ? { samples: fields.samples } : {}),
		...(fields.dataset ? { dataset: fields.dataset } : {})
	};
	const widths = dataWidths(fields);
	const shape = shapeOf(notebook);
	const labelled: Notebook =
		fields.dataset && !fields.samples
			? { ...next, labels: preset(GENERATOR_PRESET[fields.dataset]).labels }
			: next;
	if (!widths) return { ok: true, notebook: labelled };
	const sizes = [widths.inputs, ...shape.sizes.slice(1, -1), widths.targets];
	// Reshaped as fixed data, so that the new counts are not refused by the generator they come from.
	const { samples: _x, dataset: _y, ...fixed } = labelled;
	const reshaped = reshape(fixed, { ...shape, sizes });
	if (!reshaped.ok) return reshaped;
	const source = dataSourceOf(next);
	const sample = source.kind === 'fixed' ? undefined : sampleAt(source, notebook.iteration ?? 0);
	return {
		ok: true,
		notebook: {
			...reshaped.notebook,
			...(next.samples ? { samples: next.samples } : {}),
			...(next.dataset ? { dataset: next.dataset } : {}),
			...(sample ? { inputs: [...sample.inputs], targets: [...sample.targets] } : {})
		}
	};
}
