/**
 * The unrolled sheet: one row per iteration, so that the spreadsheet itself
 * trains. Row k holds iteration k's sample (as numbers), its parameters, every
 * neuron's value a and activation gradient δ, and the loss; its parameters are
 * row k − 1's after Train, by formula, and row 0's are the named parameters
 * the other sheets start from. Each formula is the iteration sheets' own
 * (formulas.ts), its names swapped for the cells of its row: the same
 * precedents in the same order of operations, so the rows recalculate the
 * engine's numbers.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import {
	address,
	parameterAddresses,
	parameterPlaceOf,
	parseAddress
} from '../../engine/maths/addresses.ts';
import { cellInput, cellValue } from '../../engine/maths/cells/values.ts';
import { sampleAt, type DataSource } from '../../engine/fast/data.ts';
import { layerSizes, type Net, type Sample } from '../../engine/maths/model.ts';
import { nextIteration, step } from '../../engine/maths/passes.ts';
import { range } from '../../engine/maths/range.ts';
import type { Snapshot } from '../../engine/maths/snapshot.ts';
import { cellFormula } from './formulas.ts';
import { cellName } from './names.ts';
import {
	cellRef,
	completeIteration,
	text,
	type NumberCell,
	type PlanCell,
	type SheetPlan
} from './plan.ts';

export interface UnrolledOptions {
	/** Iterations to unroll: rows 0 … iterations, the last one starting from their result. */
	readonly iterations: number;
	/** Where the iterations after the first take their samples. */
	readonly source: DataSource;
}

export const MAX_UNROLLED_ITERATIONS = 10_000;
/** Numbers in the sheet, at most: a million formulas open in seconds in a spreadsheet. */
const MAX_UNROLLED_CELLS = 1_000_000;
/** The widest sheet Excel opens. */
const MAX_SHEET_COLUMNS = 16_384;

/** Every address a row has a column for, in column order, with the column's kind. */
function rowAddresses(sizes: readonly number[]) {
	const layers = range(sizes.length - 1);
	const neurons = (kind: 'value' | 'activation_gradient') =>
		layers.flatMap((l) => range(sizes[l + 1]).map((j) => address.neuron(l, j, kind)));
	return {
		inputs: range(sizes[0]).map((i) => address.input(i)),
		targets: range(sizes.at(-1)!).map((k) => address.target(k)),
		parameters: parameterAddresses(sizes),
		values: neurons('value'),
		deltas: neurons('activation_gradient')
	};
}

/** Why `s`'s net cannot be unrolled `iterations` times, or undefined when it can. */
export function unrolledProblem(s: Snapshot, iterations: number): string | undefined {
	if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_UNROLLED_ITERATIONS)
		return `the unrolled sheet takes 1 to ${formatCount(MAX_UNROLLED_ITERATIONS)} iterations`;
	const pins = Object.keys(s.overrides);
	if (pins.length > 0)
		return `the unrolled sheet trains by formula, so it is off while cells are pinned (${pins.join(', ')})`;
	// A column per sample number, parameter, a and δ, and the iteration and E.
	const columns = Object.values(rowAddresses(layerSizes(s.startNet))).flat().length + 2;
	if (columns > MAX_SHEET_COLUMNS)
		return `an unrolled row of this net takes ${formatCount(columns)} columns; a sheet holds ${formatCount(MAX_SHEET_COLUMNS)}`;
	const most = Math.floor(MAX_UNROLLED_CELLS / columns) - 1;
	if (iterations > most)
		return `an unrolled row of this net takes ${formatCount(columns)} columns, so at most ${formatCount(most)} iterations fit`;
	return undefined;
}

/** A formula with each name swapped for what `swap` gives (names it does not know, like eta, stay). */
const substituted = (formula: string, swap: (name: string) => string | undefined) =>
	formula.replace(/\b[A-Za-z][A-Za-z0-9_]*\b/g, (name) => swap(name) ?? name);

/** The complete iterations the rows show, each from the trained parameters of the one before. */
function iterationsOf(current: Snapshot, options: UnrolledOptions): Snapshot[] {
	// The first is the iteration the notebook is in, with its inputs as they are now.
	const done = [completeIteration(current)];
	const fixed: Sample = { inputs: current.inputs, targets: current.targets };
	for (let k = 1; k <= options.iterations; k++) {
		const { source } = options;
		const sample = source.kind === 'fixed' ? fixed : sampleAt(source, current.iteration + k);
		done.push(step(nextIteration(done[k - 1], sample), 'iteration'));
	}
	return done;
}

const number = (value: number, formula?: string): NumberCell => ({
	kind: 'number',
	value,
	format: 'number',
	formula
});

/** The formulas written out in place rather than given columns: totals, and gradients as δ and a·δ. */
function inlinedFormulas(net: Net): Map<string, string> {
	const sizes = layerSizes(net);
	const inlined = new Map<string, string>();
	const add = (addr: string) => inlined.set(cellName(addr), cellFormula(net, addr)!);
	for (const l of range(sizes.length - 1))
		for (const j of range(sizes[l + 1])) {
			add(address.neuron(l, j, 'total'));
			add(address.neuron(l, j, 'bias_gradient'));
			for (const i of range(sizes[l])) add(address.weightGradient(l, j, i));
		}
	return inlined;
}

/** Each number of a complete iteration `s` at the address of a row's column. */
function numberAt(s: Snapshot, addr: string): number {
	const a = parseAddress(addr)!;
	if (a.kind === 'inputs') return s.inputs[a.index];
	if (a.kind === 'targets') return s.targets[a.index];
	if (parameterPlaceOf(a)) return cellInput(s, addr)!;
	return cellValue(s, addr)!;
}

/** The title, notes and header above the rows; `order`: the columns' addresses. */
function introRows(fixed: boolean, order: readonly string[]): PlanCell[][] {
	const samples = fixed
		? 'every row trains on that sample.'
		: 'the later samples are numbers, the notebook’s.';
	return [
		[
			text(
				'Unrolled: one iteration per row; each row’s b and w are the row above’s after Train',
				'title'
			)
		],
		[
			text(
				`The first row starts from the named b and w of the sheet Forward, on the sample of the sheet Inputs; ${samples}`,
				'note'
			)
		],
		[text('Change a weight on Forward, or eta on Inputs, and every row trains again.', 'note')],
		[],
		[text('iteration', 'header'), ...order.map((addr) => text(cellName(addr), 'header'))]
	];
}

/** The unrolled sheet of `current`'s iteration and `options.iterations` more. */
export function unrolledSheet(current: Snapshot, options: UnrolledOptions): SheetPlan {
	const problem = unrolledProblem(current, options.iterations);
	if (problem) throw new Error(problem);
	const net = current.startNet;
	const { inputs, targets, parameters, values, deltas } = rowAddresses(layerSizes(net));
	const samples = [...inputs, ...targets];
	const computed = [...values, ...deltas, 'loss'];
	const order = [...samples, ...parameters, ...computed];
	const column = new Map(order.map((addr, c) => [cellName(addr), c + 1]));
	const inlined = inlinedFormulas(net);
	/** A formula with totals and gradients written out, so that it names only columns (and eta). */
	const expanded = (formula: string): string =>
		substituted(formula, (name) => {
			const inline = inlined.get(name);
			return inline && `(${expanded(inline)})`;
		});
	/** A formula over the columns, in sheet row r. */
	const inRow = (formula: string, r: number) =>
		substituted(formula, (name) => {
			const c = column.get(name);
			return c === undefined ? undefined : cellRef(r, c);
		});
	const trained = new Map(parameters.map((addr) => [addr, expanded(cellFormula(net, addr)!)]));
	const worked = new Map(computed.map((addr) => [addr, expanded(cellFormula(net, addr)!)]));
	const sampled = new Set(samples);
	const fixed = options.source.kind === 'fixed';
	const rows: PlanCell[][] = introRows(fixed, order);
	iterationsOf(current, options).forEach((s, k) => {
		const r = rows.length;
		const formulaOf = (addr: string): string | undefined => {
			if (sampled.has(addr)) return k === 0 || fixed ? cellName(addr) : undefined;
			const parameter = trained.get(addr);
			if (parameter !== undefined) return k === 0 ? cellName(addr) : inRow(parameter, r - 1);
			return inRow(worked.get(addr)!, r);
		};
		rows.push([
			{ kind: 'number', value: current.iteration + k, format: 'general' },
			...order.map((addr) => number(numberAt(s, addr), formulaOf(addr)))
		]);
	});
	return { name: 'Unrolled', rows };
}
