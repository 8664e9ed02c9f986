/**
 * What the net has learned, as numbers on a grid: its outputs at every point
 * of a plane through its input space (two inputs varied, the others held),
 * or along a line for a net of one input, and the data source's targets
 * there when it has a rule. Each point is the forward pass of passes.ts, so
 * a pixel of the map is exactly the output the notebook's Forward gives for
 * those inputs.
 */
import { layerSizes, type Net } from '../maths/model.ts';
import { step } from '../maths/passes.ts';
import { createSnapshot } from '../maths/snapshot.ts';
import { RULES, type DataSource } from './data.ts';

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
	// One start shared by every point: a step copies only the rows it writes.
	const template = createSnapshot({
		net,
		inputs: plane.held,
		targets: new Array<number>(outputCount).fill(0),
		learningRate: 0
	});
	const inputs: number[][] = [];
	let p = 0;
	for (const y of ys) {
		for (const x of xs) {
			const point = [...plane.held];
			point[plane.x] = x;
			if (plane.y !== undefined) point[plane.y] = y;
			inputs.push(point);
			const values = step({ ...template, inputs: point }, 'pass').values.at(-1)!;
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
	const numbers = seen.map((inputs) => inputs[i]);
	const low = Math.min(...numbers);
	const high = Math.max(...numbers);
	const margin = Math.max((high - low) * 0.1, 0.5 * (high === low ? 1 : 0));
	return [low - margin, high + margin];
}
