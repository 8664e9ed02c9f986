/**
 * Samples written into preallocated arrays, for the fast trainer: sample k of
 * a data source with exactly the numbers of data.ts's `sampleAt(source, k)`,
 * and no allocation per sample.
 */
import { GENERATORS, fillRectangle, fillXor, generatorKey } from './data.ts';
import type { DataSource, GeneratorName } from './data.ts';
import type { SamplerKind } from './kernel.ts';

const TABLE = 0;
const RECTANGLE = 1;
const XOR = 2;
const GENERATOR_KINDS: Readonly<Record<GeneratorName, number>> = { rectangle: RECTANGLE, xor: XOR };

export type Row = Float64Array;

/**
 * Writes sample k of a data source into preallocated arrays, with exactly the
 * numbers of data.ts's `sampleAt(source, k)`: a table (a fixed sample is a
 * table of one row) is flattened once; the generators are re-derived from
 * random.ts's hash32 and uniform without building objects.
 */
export class SampleFiller {
	private readonly kind: number;
	readonly key: number;
	private readonly rows: number;
	readonly tableInputs: Float64Array;
	readonly tableTargets: Float64Array;

	constructor(
		source: DataSource,
		readonly inputCount: number,
		readonly targetCount: number
	) {
		const generated = source.kind === 'generator';
		const table = source.kind === 'fixed' ? [source.sample] : generated ? [] : source.samples;
		const check = (what: string, inputs: number, targets: number) => {
			if (inputs !== inputCount || targets !== targetCount)
				throw new Error(
					`${what} has ${inputs} inputs and ${targets} targets; the network has ${inputCount} inputs and ${targetCount} outputs`
				);
		};
		if (generated) {
			const { inputs, targets } = GENERATORS[source.name];
			check(`the ${source.name} data set`, inputs, targets);
		} else if (table.length === 0) throw new Error('the samples table is empty');
		for (const [r, s] of table.entries()) check(`sample ${r}`, s.inputs.length, s.targets.length);
		this.kind = generated ? GENERATOR_KINDS[source.name] : TABLE;
		this.key = generated ? generatorKey(source.seed) : 0;
		this.rows = table.length;
		this.tableInputs = Float64Array.from(table.flatMap((s) => s.inputs));
		this.tableTargets = Float64Array.from(table.flatMap((s) => s.targets));
	}

	/** The kind of sampler a compiled kernel inlines for this source, if it has one. */
	get kernelSampler(): SamplerKind | undefined {
		if (this.kind === TABLE) return this.rows === 1 ? 'fixed' : 'table';
		return this.kind === RECTANGLE ? 'rectangle' : 'xor';
	}

	/** Writes sample k's inputs at `inputs[at…]` and its targets at `targets[0…]`. */
	fill(k: number, inputs: Row, at: number, targets: Row): void {
		const kind = this.kind;
		if (kind === RECTANGLE) fillRectangle(this.key, k, inputs, at, targets);
		else if (kind === XOR) fillXor(this.key, k, inputs, at, targets);
		else if (kind === TABLE) {
			const row = k % this.rows;
			copyRow(this.tableInputs, row * this.inputCount, inputs, at, this.inputCount);
			copyRow(this.tableTargets, row * this.targetCount, targets, 0, this.targetCount);
		}
	}
}

function copyRow(from: Row, offset: number, to: Row, at: number, n: number) {
	for (let i = 0; i < n; i++) to[at + i] = from[offset + i];
}
