/**
 * The network diagram without Svelte: where each input, neuron and link sits
 * in the viewBox, how a number becomes a colour and a stroke width, and which
 * diagram item a cell address belongs to. The component only reads these.
 */
import { parseAddress } from '$lib/engine/addresses.ts';
import type { Net } from '$lib/engine/model.ts';
import { backwardDone, type Snapshot } from '$lib/engine/snapshot.ts';

export type ColourMode = 'values' | 'gradients';

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

/** Each link's weight now, in `linkGeometry`'s order. */
export function weightNumbers(net: Net): number[] {
	return net.layers.flatMap((layer) => layer.neurons.flatMap((neuron) => neuron.weights));
}

/**
 * Each link's weight gradient in `linkGeometry`'s order, undefined until
 * backward has reached its neuron. Read from the arrays directly: parsing ten
 * thousand addresses per step would be wasted work.
 */
export function weightGradientNumbers(s: Snapshot): (number | undefined)[] {
	const out: (number | undefined)[] = [];
	s.net.layers.forEach((layer, l) =>
		layer.neurons.forEach((neuron, j) => {
			const row = backwardDone(s.cursor, l, j) ? s.weightGradients[l][j] : undefined;
			for (let i = 0; i < neuron.weights.length; i++) out.push(row?.[i]);
		})
	);
	return out;
}

/** The largest finite |x| among the numbers shown, or 0. */
function maxMagnitude(xs: Iterable<number | undefined>): number {
	let max = 0;
	for (const x of xs) if (x !== undefined && Number.isFinite(x)) max = Math.max(max, Math.abs(x));
	return max;
}

/** Values are coloured on tanh's range, widened when a value lies outside it. */
export const valueScale = (xs: Iterable<number | undefined>) => Math.max(1, maxMagnitude(xs));

/** Gradients are coloured relative to the largest one shown. */
export const gradientScale = (xs: Iterable<number | undefined>) => maxMagnitude(xs) || 1;

/** `x / scale` clamped to [−1, 1]; NaN stays NaN. */
export const normalise = (x: number, scale: number) => clamp(x / scale, -1, 1);

type Rgb = readonly [number, number, number];
const NEUTRAL: Rgb = [247, 247, 247];
/** ColorBrewer's RdBu blues and PuOr oranges: apart for every common colour-vision deficiency. */
const NEGATIVE: readonly Rgb[] = [NEUTRAL, [146, 197, 222], [67, 147, 195], [33, 102, 172]];
const POSITIVE: readonly Rgb[] = [NEUTRAL, [253, 184, 99], [224, 130, 20], [179, 88, 6]];
export const NOT_A_NUMBER_COLOUR = '#7a7f87';

const hex = (rgb: Rgb) =>
	`#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/**
 * Blue for t < 0, near-white at 0, orange for t > 0, for t in [−1, 1].
 * `floor` lifts small magnitudes off white (links must stay visible on paper).
 */
export function divergingColour(t: number, floor = 0): string {
	if (Number.isNaN(t)) return NOT_A_NUMBER_COLOUR;
	if (t === 0) return hex(NEUTRAL);
	const stops = t < 0 ? NEGATIVE : POSITIVE;
	const u = (floor + (1 - floor) * Math.min(1, Math.abs(t))) * (stops.length - 1);
	const k = Math.min(stops.length - 2, Math.floor(u));
	const f = u - k;
	return hex(stops[k].map((c, n) => c + (stops[k + 1][n] - c) * f) as unknown as Rgb);
}

const INK = '#1b1f24';
const luminance = (colour: string) => {
	const [r, g, b] = [1, 3, 5].map((p) => {
		const c = parseInt(colour.slice(p, p + 2), 16) / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** White or ink, whichever contrasts more with the `#rrggbb` fill behind the text. */
export function inkOn(fill: string): string {
	const l = luminance(fill);
	return 1.05 / (l + 0.05) > (l + 0.05) / (luminance(INK) + 0.05) ? '#ffffff' : INK;
}

/** A link's stroke width: thin for |t| near 0, `layout.linkWidth.max` at |t| = 1. */
export function linkStrokeWidth(t: number | undefined, layout: DiagramLayout): number {
	const { min, max } = layout.linkWidth;
	return t === undefined || Number.isNaN(t) ? min : min + (max - min) * Math.min(1, Math.abs(t));
}

/** Keys naming diagram items: an input, a neuron, a link. */
export const inputKey = (i: number) => `i${i}`;
export const neuronKey = (l: number, j: number) => `n${l}.${j}`;
const linkKey = (id: string) => `w${id}`;
/** The link id ("l.j.i") a key names, or undefined for an input's or a neuron's key. */
export const linkIdOf = (key: string) => (key.startsWith('w') ? key.slice(1) : undefined);

/** The diagram item a cell belongs to: any field of a neuron names the neuron, a weight or its gradient the link. */
export function itemKey(address: string): string | undefined {
	const a = parseAddress(address);
	switch (a?.kind) {
		case 'inputs':
			return inputKey(a.index);
		case 'weights':
		case 'weight_gradients':
			return linkKey(`${a.layer}.${a.neuron}.${a.index}`);
		case 'bias':
		case 'total':
		case 'value':
		case 'activation_gradient':
		case 'bias_gradient':
			return neuronKey(a.layer, a.neuron);
		default:
			return undefined;
	}
}

export type Mark = 'selected' | 'precedent' | 'dependent';

/**
 * Each item's highlight, by key: the selected cell's item, the items of the
 * cells it reads (precedents) and of the cells that read it (dependents), in
 * that order of precedence.
 */
export function itemMarks(
	selected: string | undefined,
	precedents: Iterable<string>,
	dependents: Iterable<string>
): Map<string, Mark> {
	const marks = new Map<string, Mark>();
	const mark = (addresses: Iterable<string>, m: Mark) => {
		for (const a of addresses) {
			const key = itemKey(a);
			if (key) marks.set(key, m);
		}
	};
	mark(dependents, 'dependent');
	mark(precedents, 'precedent');
	if (selected !== undefined) mark([selected], 'selected');
	return marks;
}

/** "Network diagram: 2 inputs, layers of 3, 3 and 2 neurons". */
export function describeNet(sizes: readonly number[]): string {
	const [inputs = 0, ...layers] = sizes;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const list =
		layers.length === 1
			? `one layer of ${plural(layers[0], 'neuron')}`
			: `layers of ${layers.slice(0, -1).join(', ')} and ${plural(layers.at(-1) ?? 0, 'neuron')}`;
	return `Network diagram: ${plural(inputs, 'input')}, ${list}`;
}
