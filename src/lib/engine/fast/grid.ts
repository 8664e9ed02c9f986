/**
 * What the net has learned, as numbers on a grid: its outputs at every point
 * of a plane through its input space (two inputs varied, the others held),
 * or along a line for a net of one input, and the data source's targets
 * there when it has a rule. Each point is a forward pass over the flat
 * parameters with the fast trainer's arithmetic (trainer-arithmetic.ts), the
 * operations of passes.ts in the same order, so a pixel of the map is exactly
 * the output the notebook's Forward gives for those inputs (grid.test.ts holds
 * every pixel to passes.ts).
 */
import { extent } from 'd3-array';
import { layerSizes, parameterValues, type Net } from '../maths/model.ts';
import { RULES, type DataSource } from './data.ts';
import { layerActivations, weightedSum } from './trainer-arithmetic.ts';

/** The inputs a map varies and the range each takes. */
export interface Plane {
	/** The input along the map's width */
	readonly x: number;
	/** The input along its height; absent for a line (a net of one input) */
	readonly y?: number;
	/** Every input's number: the varied ones are replaced at each point, the others held */
	readonly held: readonly number[];
	readonly xRange: readonly [number, number];
	readonly yRange: readonly [number, number];
	/** Points along each axis */
	readonly points: number;
}

export interface OutputGrid {
	readonly xs: readonly number[];
	/** One number for a line */
	readonly ys: readonly number[];
	/** The inputs at each point, row by row (y outer, x inner) */
	readonly inputs: readonly (readonly number[])[];
	/** Per output, its number at each point in the same order */
	readonly outputs: readonly Float64Array[];
	/** Per output, the rule's target at each point; absent when the source has no rule */
	readonly targets?: readonly Float64Array[];
}

/** A grid asked of the map's worker, for a big net; `id` tells the answers apart. */
export interface GridRequest {
	readonly id: number;
	readonly net: Net;
	readonly plane: Plane;
	/** A generator, whose rule gives the targets; absent for a table. */
	readonly source?: DataSource;
}

export interface FromGridWorker {
	readonly id: number;
	readonly grid: OutputGrid;
}

const axis = ([from, to]: readonly [number, number], n: number) =>
	Array.from({ length: n }, (_, i) => (n === 1 ? from : from + ((to - from) * i) / (n - 1)));

/** The targets' rule of a data source, if it has one: a generator's. */
export function ruleOf(source: DataSource): ((inputs: readonly number[]) => number[]) | undefined {
	return source.kind === 'generator' ? RULES[source.name] : undefined;
}

/** The net's outputs, and the rule's targets, over `plane`. */
export function outputGrid(
	net: Net,
	plane: Plane,
	rule?: (inputs: readonly number[]) => number[]
): OutputGrid {
	const sizes = layerSizes(net);
	const outputCount = sizes[sizes.length - 1];
	const xs = axis(plane.xRange, plane.points);
	const ys = plane.y === undefined ? [plane.held[plane.x]] : axis(plane.yRange, plane.points);
	const count = xs.length * ys.length;
	const outputs = Array.from({ length: outputCount }, () => new Float64Array(count));
	const targets = rule && Array.from({ length: outputCount }, () => new Float64Array(count));
	const forward = forwardPass(net);
	const inputs: number[][] = [];
	let p = 0;
	for (const y of ys) {
		for (const x of xs) {
			const point = [...plane.held];
			point[plane.x] = x;
			if (plane.y !== undefined) point[plane.y] = y;
			inputs.push(point);
			const values = forward(point);
			const wanted = rule?.(point);
			for (let k = 0; k < outputCount; k++) {
				outputs[k][p] = values[k];
				if (targets && wanted) targets[k][p] = wanted[k];
			}
			p++;
		}
	}
	return { xs, ys, inputs, outputs, targets };
}

/**
 * The net's forward pass as a function of its inputs, returning every value
 * (a view into one buffer, valid until the next call): the inputs, then each
 * layer's a = f(z) with z = b + Σ w·a, as the trainer's loop does it. Neuron j
 * of layer l is at `start[l + 1] + j`.
 */
export function forwardValues(net: Net): {
	readonly start: readonly number[];
	readonly run: (inputs: readonly number[]) => Float64Array;
} {
	const sizes = layerSizes(net);
	const L = net.layers.length;
	const params = Float64Array.from(parameterValues(net));
	const { f } = layerActivations(net.layers.map((layer) => layer.activation));
	const start = [0];
	for (const size of sizes) start.push(start.at(-1)! + size);
	const values = new Float64Array(start[L + 1]);
	const run = (inputs: readonly number[]) => {
		values.set(inputs, 0);
		let p = 0;
		for (let l = 0; l < L; l++) {
			const m = sizes[l];
			for (let o = start[l + 1]; o < start[l + 2]; o++, p += m + 1)
				values[o] = f[l](weightedSum(params, p, values, start[l], m));
		}
		return values;
	};
	return { start, run };
}

/** The net's forward pass returning only its outputs (a view, valid until the next call). */
function forwardPass(net: Net): (inputs: readonly number[]) => Float64Array {
	const { start, run } = forwardValues(net);
	const L = net.layers.length;
	return (inputs) => run(inputs).subarray(start[L], start[L + 1]);
}

/**
 * The range a map shows along input `i`: a generator's unit square, or the
 * extent of the inputs seen (a table's rows and the current sample), with a
 * margin, and never empty.
 */
export function inputRange(
	source: DataSource,
	seen: readonly (readonly number[])[],
	i: number
): [number, number] {
	if (source.kind === 'generator') return [0, 1];
	// d3's extent, not Math.min(...xs): a spread of a table's 100,000 rows throws RangeError.
	const [low = Infinity, high = -Infinity] = extent(seen, (inputs) => inputs[i]);
	const margin = Math.max((high - low) * 0.1, 0.5 * (high === low ? 1 : 0));
	return [low - margin, high + margin];
}
