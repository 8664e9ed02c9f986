/**
 * "What it learned": the net's outputs over its input plane (fast/grid.ts),
 * against the data source's rule where it has one, for the notebook's
 * current parameters — after Train, the new ones. Derived from the snapshot,
 * so it follows every step and edit; a point of the map can be looked at and
 * made the iteration's inputs.
 */
import { address } from '$lib/engine/maths/addresses.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import {
	inputRange,
	outputGrid,
	ruleOf,
	type FromGridWorker,
	type GridRequest,
	type OutputGrid,
	type Plane
} from '$lib/engine/fast/grid.ts';
import type { Net } from '$lib/engine/maths/model.ts';
import { spawnGridWorker } from '$lib/workers/spawn.ts';
import { place, spread } from '$lib/map/colours.ts';
import { formatNumber } from '$lib/tex/numbers.ts';
import { download, gridCsv } from './files.ts';
import type { NotebookState } from './notebook.svelte.ts';

/** Points along each axis of a map (a line has as many). */
export const MAP_POINTS = 41;
/** Fewer for a net of more weights than this, so that a step of a big net stays quick. */
const BIG_NET = 2_000;

function weightCount(net: Net): number {
	const sizes = layerSizes(net);
	return sizes.slice(1).reduce((n, size, l) => n + size * sizes[l], 0);
}

/** Points along each axis for a net of `weights` weights: each is one forward pass. */
function mapPoints(weights: number): number {
	return weights > BIG_NET ? 21 : MAP_POINTS;
}

/** One point of the map: its grid index, its inputs, the outputs there and the targets. */
export interface MapPoint {
	readonly index: number;
	readonly inputs: readonly number[];
	readonly outputs: readonly number[];
	readonly targets?: readonly number[];
}

/** What the map draws of one output: the output, and where there is a rule the target and output − target. */
export interface Panel {
	readonly name: string;
	readonly output: Float64Array;
	readonly target?: Float64Array;
	readonly images: readonly { readonly label: string; readonly values: Float64Array }[];
}

/** A sample drawn on the map, at (u, v) from 0 to 1. */
export interface Mark {
	readonly u: number;
	readonly v: number;
	readonly current: boolean;
}

function panelsOf(grid: OutputGrid, names: readonly string[] | undefined): Panel[] {
	return grid.outputs.map((output, k) => {
		const target = grid.targets?.[k];
		const images = [{ label: 'output', values: output }];
		if (target)
			images.push(
				{ label: 'target', values: target },
				{ label: 'output − target', values: output.map((x, p) => x - target[p]) }
			);
		return {
			name: names?.[k] ? `Output ${k}: ${names[k]}` : `Output ${k}`,
			output,
			target,
			images
		};
	});
}

export class LearnedMap {
	readonly #sheet: NotebookState;
	/** The inputs along the map's width and height (a net of more than two inputs shows a slice). */
	x = $state(0);
	y = $state(1);
	/** The grid point looked at (hovered, or moved to with the keys), if any. */
	at: number | undefined = $state();
	readonly inputCount: number;
	/** Whether the map is a line: a net of one input. */
	readonly isLine: boolean;
	readonly grid: OutputGrid;
	/** Per output: its name and what the map draws of it, on one scale ±`scale`. */
	readonly panels: readonly Panel[];
	readonly scale: number;
	/** The samples drawn as points: the table's rows, and the current sample (the last). */
	readonly marks: readonly Mark[];

	/** Whether the map is on or near the screen: only then is its grid computed, or a run's weights sent. */
	onScreen = $state(false);
	/** The map worker's latest answer, for a big net. */
	#answer = $state.raw<OutputGrid | undefined>(undefined);
	#asked = 0;
	/** The grid as last drawn, and the grid of the net and inputs now, computed in the page. */
	#drawn: OutputGrid | undefined;
	readonly #fresh: () => OutputGrid;
	#worker: Worker | undefined;

	constructor(sheet: NotebookState, spawn: () => Worker = spawnGridWorker) {
		this.#sheet = sheet;
		// The net and the inputs on their own: a step that changes neither (Forward, Backward) keeps the
		// grid. While a run goes, the net is the run's latest frame of weights.
		const net = $derived(sheet.live.frame?.net ?? sheet.snapshot.net);
		const inputs = $derived(sheet.snapshot.inputs);
		this.inputCount = $derived(layerSizes(net)[0]);
		this.isLine = $derived(this.inputCount === 1);
		const weights = $derived(weightCount(net));
		const plane = $derived.by((): Plane => {
			// The inputs seen: the samples table's rows, and the current sample.
			const seen = [...(sheet.notebook.samples?.map((row) => row.inputs) ?? []), inputs];
			const { x, y } = this.axes;
			const yRange = y === undefined ? ([0, 0] as const) : inputRange(sheet.source, seen, y);
			const points = mapPoints(weights);
			return { x, y, held: inputs, xRange: inputRange(sheet.source, seen, x), yRange, points };
		});
		const big = $derived(weights > BIG_NET);
		this.#fresh = () => outputGrid(net, plane, ruleOf(sheet.source));
		// A big net's grid comes from the map worker; until its first answer, it is computed here once.
		// Off screen the grid drawn last stands: a Train far from the map costs it nothing, and the
		// map catches up as it comes into view (the readout below it reads the same grid).
		this.grid = $derived.by(() => {
			if (!this.onScreen && this.#drawn) return this.#drawn;
			return (this.#drawn = big && this.#answer ? this.#answer : this.#fresh());
		});
		$effect(() => {
			if (!this.onScreen || !big) return;
			const source = sheet.source.kind === 'generator' ? sheet.source : undefined;
			this.#ask({ id: ++this.#asked, net, plane, source }, spawn);
		});
		$effect(() => {
			sheet.live.wanted = this.onScreen;
			return () => (sheet.live.wanted = false);
		});
		$effect(() => () => this.#worker?.terminate());
		this.panels = $derived(panelsOf(this.grid, sheet.labels?.outputs));
		this.scale = $derived(
			spread(this.panels.flatMap((p) => p.images.map((image) => image.values)))
		);
		this.marks = $derived.by(() => {
			const { xRange, yRange } = this.ranges;
			const s = sheet.snapshot;
			const rows = sheet.notebook.samples?.map((row) => row.inputs) ?? [];
			return [...rows, s.inputs].map((inputs, i, all) => ({
				...place(
					inputs[this.axes.x],
					this.axes.y === undefined ? 0 : inputs[this.axes.y],
					xRange,
					yRange
				),
				current: i === all.length - 1
			}));
		});
	}

	#ask(request: GridRequest, spawn: () => Worker): void {
		if (!this.#worker) {
			this.#worker = spawn();
			this.#worker.onmessage = ({ data }: MessageEvent<FromGridWorker>) => {
				if (data.id === this.#asked) this.#answer = data.grid;
			};
		}
		this.#worker.postMessage(request);
	}

	/** The inputs varied, as the grid was made. */
	get axes(): { x: number; y: number | undefined } {
		return {
			x: Math.min(this.x, this.inputCount - 1),
			y: this.isLine ? undefined : Math.min(this.y, this.inputCount - 1)
		};
	}

	get ranges(): { xRange: [number, number]; yRange: [number, number] } {
		const { xs, ys } = this.grid;
		return { xRange: [xs[0], xs.at(-1)!], yRange: [ys[0], ys.at(-1)!] };
	}

	/** The point looked at, as numbers. */
	readonly point: MapPoint | undefined = $derived.by(() => {
		// `at` first: with no point looked at, the grid is not read (nor, off screen, recomputed).
		const at = this.at;
		if (at === undefined) return undefined;
		const grid = this.grid;
		if (at >= grid.inputs.length) return undefined;
		return {
			index: at,
			inputs: grid.inputs[at],
			outputs: grid.outputs.map((o) => o[at]),
			targets: grid.targets?.map((t) => t[at])
		};
	});

	/** Where the looked-at point lies on the map, from 0 to 1 each way. */
	get cross(): { u: number; v: number } | undefined {
		const point = this.point;
		if (!point) return undefined;
		const { x, y } = this.axes;
		const { xRange, yRange } = this.ranges;
		return place(point.inputs[x], y === undefined ? 0 : point.inputs[y], xRange, yRange);
	}

	/** An input's name: its label, or "input i". */
	inputName(i: number): string {
		return this.#sheet.labels?.inputs?.[i] ?? `input ${i}`;
	}

	/** The looked-at point in words: its inputs, then each output and its target. */
	describePoint(precision: number): string {
		const point = this.point;
		if (!point) return '';
		const n = (x: number) => formatNumber(x, precision);
		const inputs = point.inputs.map((x, i) => `${this.inputName(i)} = ${n(x)}`).join(', ');
		const outputs = point.outputs.map((y, k) => {
			const target = point.targets?.[k];
			return `output ${k} = ${n(y)}${target === undefined ? '' : ` (target ${n(target)})`}`;
		});
		return `${inputs}: ${outputs.join('; ')}`;
	}

	/** What the map's width and height show, in words. */
	describeAxes(precision: number): string {
		const n = (x: number) => formatNumber(x, precision);
		const { x, y } = this.axes;
		const { xRange, yRange } = this.ranges;
		const across = `Across: ${this.inputName(x)}, ${n(xRange[0])} to ${n(xRange[1])}`;
		return y === undefined
			? across
			: `${across}; up: ${this.inputName(y)}, ${n(yRange[0])} to ${n(yRange[1])}`;
	}

	/** Moves the looked-at point by whole grid steps (the arrow keys), starting from the middle. */
	move(dx: number, dy: number): void {
		const n = this.grid.xs.length;
		const rows = this.grid.ys.length;
		const at = this.at ?? Math.floor(rows / 2) * n + Math.floor(n / 2);
		const col = Math.min(n - 1, Math.max(0, (at % n) + dx));
		const row = Math.min(rows - 1, Math.max(0, Math.floor(at / n) + dy));
		this.at = row * n + col;
	}

	/** The grid point nearest to a place on the map, each coordinate from 0 (left, bottom) to 1. */
	lookAt(u: number, v: number): void {
		const n = this.grid.xs.length;
		const rows = this.grid.ys.length;
		const col = Math.round(Math.min(1, Math.max(0, u)) * (n - 1));
		const row = Math.round(Math.min(1, Math.max(0, v)) * (rows - 1));
		this.at = row * n + col;
	}

	/** Makes the looked-at point the iteration's inputs: one undoable edit. Returns why not, if refused. */
	useAsInputs(): string | undefined {
		const point = this.point;
		if (!point) return 'Choose a point of the map first.';
		return this.#sheet.editMany(point.inputs.map((x, i) => [address.input(i), x] as const));
	}

	/** The grid as CSV: every input, then each output. */
	csv(): string {
		// The net now, even if the map has not caught up (off screen, or the worker's answer on its way).
		return gridCsv(this.#fresh(), this.#sheet.notebook.labels);
	}

	downloadCsv(): void {
		const iteration = this.#sheet.snapshot.iteration;
		download(`gradsheet-learned-${iteration}.csv`, this.csv(), 'text/csv;charset=utf-8');
	}
}
