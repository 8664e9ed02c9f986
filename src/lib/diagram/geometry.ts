/**
 * Where the diagram draws each input, neuron and link in its viewBox, how
 * big the nodes and rings are, and how wide a link's stroke is: geometry only
 * (colours.ts colours it, items.ts names its parts).
 */
interface Point {
	readonly x: number;
	readonly y: number;
}

interface Column {
	readonly x: number;
	/** Short when columns are crowded ("L3"), else "layer 3". */
	readonly heading: string;
	readonly nodes: readonly Point[];
}

export interface Labels {
	readonly inputs?: readonly string[];
	readonly outputs?: readonly string[];
}

export interface DiagramLayout {
	readonly width: number;
	readonly height: number;
	/** Column 0 holds the inputs, column l + 1 layer l. */
	readonly columns: readonly Column[];
	readonly radius: number;
	/** Whether nodes are big enough to print their number inside. */
	readonly showNumbers: boolean;
	/** Link stroke width for |t| = 0 and |t| = 1. */
	readonly linkWidth: { readonly min: number; readonly max: number };
	/** From a node's centre to its label's near edge: clear of the node's rings. */
	readonly labelOffset: number;
	/** Input and output labels, wrapped; empty when rows are too close for text. */
	readonly inputLabels: readonly (readonly string[])[];
	readonly outputLabels: readonly (readonly string[])[];
}

const PAD = 16; // room for the rings drawn around a node
const TOP = 30; // below the headings
const CHAR_WIDTH = 7; // an average glyph of the 13-unit label font
const LABEL_CHARS = 13;
const MAX_RADIUS = 19;
const MIN_RADIUS = 2.5;
const HEADING_HALF = 30; // half of "layer 12" in the heading font, and a little air
const MIN_ASPECT = 0.75; // width / height of a tall net's drawing

/** The space between a node and each ring drawn around it (highlight, then cursor). */
export const ringGap = (radius: number) => Math.max(1.5, radius * 0.22);

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Node positions for a net of `sizes` = [inputs, layer 0 neurons, …], each column centred. */
export function diagramLayout(sizes: readonly number[], labels: Labels = {}): DiagramLayout {
	const tallest = Math.max(1, ...sizes);
	const gaps = Math.max(1, sizes.length - 1);
	const narrowest = clamp(560 / gaps, 36, 84);
	const rowGap = tallest > 1 ? Math.min(58, Math.max(360, tallest * 8) / (tallest - 1)) : 58;
	const radius = clamp(Math.min(rowGap * 0.33, narrowest * 0.3), MIN_RADIUS, MAX_RADIUS);
	const height = TOP + 2 * radius + (tallest - 1) * rowGap + PAD;
	const lines = rowGap >= 30 ? 2 : rowGap >= 14 ? 1 : 0;
	const wrap = (texts: readonly string[] = [], n: number) =>
		lines === 0 ? [] : Array.from({ length: n }, (_, k) => wrapLabel(texts[k] ?? '', lines));
	const inputLabels = wrap(labels.inputs, sizes[0] ?? 0);
	const outputLabels = wrap(labels.outputs, sizes.at(-1) ?? 0);
	const labelOffset = radius + 3 * ringGap(radius) + 4;
	// From a first or last column to the viewBox's edge: its labels, or at least half a heading.
	const side = (labels: readonly (readonly string[])[]) => {
		const chars = Math.max(0, ...labels.flat().map((line) => line.length));
		return Math.max(HEADING_HALF, PAD + (chars === 0 ? radius : labelOffset + chars * CHAR_WIDTH));
	};
	const [left, right] = [side(inputLabels), side(outputLabels)];
	// A tall net gets wider columns, so that the drawing keeps a readable shape when scaled to fit.
	const colGap = Math.max(narrowest, Math.min(200, (height * MIN_ASPECT - left - right) / gaps));
	const middle = TOP + radius + ((tallest - 1) * rowGap) / 2;
	const short = colGap < 64;
	const columns = sizes.map((n, c) => ({
		x: left + c * colGap,
		heading: c === 0 ? (short ? 'in' : 'inputs') : `${short ? 'L' : 'layer '}${c - 1}`,
		nodes: Array.from({ length: n }, (_, k) => ({
			x: left + c * colGap,
			y: middle + (k - (n - 1) / 2) * rowGap
		}))
	}));
	const max = clamp(rowGap / 11, 1, 5);
	return {
		width: left + (sizes.length - 1) * colGap + right,
		height,
		columns,
		radius,
		showNumbers: radius >= 14,
		linkWidth: { min: max * 0.15, max },
		labelOffset,
		inputLabels,
		outputLabels
	};
}

/** `text` in at most `lines` lines of about 13 characters, broken at spaces; the rest ends in "…". */
export function wrapLabel(text: string, lines: number, width = LABEL_CHARS): string[] {
	const out: string[] = [];
	for (const word of text.trim().split(/\s+/).filter(Boolean)) {
		const last = out.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= width)
			out[out.length - 1] += ` ${word}`;
		else out.push(word);
	}
	const kept = out.slice(0, lines);
	const cut = out.length > lines;
	return kept.map((line, k) =>
		line.length > width || (cut && k === kept.length - 1)
			? `${line.slice(0, width - 1).trimEnd()}…`
			: line
	);
}

export interface LinkGeometry {
	readonly layer: number;
	readonly neuron: number;
	readonly index: number;
	/** "l.j.i": the key of `linkKey` without its prefix, as carried in data-link. */
	readonly id: string;
	readonly x1: number;
	readonly y1: number;
	readonly x2: number;
	readonly y2: number;
}

/** One link per weight, ordered layer, neuron, weight: from node i of column l to node j of column l + 1. */
export function linkGeometry(layout: DiagramLayout): LinkGeometry[] {
	const links: LinkGeometry[] = [];
	layout.columns.slice(1).forEach((column, layer) => {
		const sources = layout.columns[layer].nodes;
		column.nodes.forEach((to, neuron) => {
			sources.forEach((from, index) => {
				const id = `${layer}.${neuron}.${index}`;
				links.push({ layer, neuron, index, id, x1: from.x, y1: from.y, x2: to.x, y2: to.y });
			});
		});
	});
	return links;
}

/** A link's stroke width: thin for |t| near 0, `layout.linkWidth.max` at |t| = 1. */
export function linkStrokeWidth(t: number | undefined, layout: DiagramLayout): number {
	const { min, max } = layout.linkWidth;
	return t === undefined || Number.isNaN(t) ? min : min + (max - min) * Math.min(1, Math.abs(t));
}
