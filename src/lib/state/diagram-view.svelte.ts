/**
 * What the network diagram draws, from the open notebook: where each input,
 * neuron and link sits, its colour, its text and its accessible name, and
 * what clicking it selects. The component only lays these out in SVG.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import { address } from '$lib/engine/maths/addresses.ts';
import {
	divergingColour,
	gradientScale,
	inkOn,
	normalise,
	valueScale,
	type ColourMode
} from '$lib/diagram/colours.ts';
import { describeNet } from '$lib/diagram/describe.ts';
import {
	diagramLayout,
	linkGeometry,
	type DiagramLayout,
	type Labels,
	type LinkGeometry
} from '$lib/diagram/geometry.ts';
import type { Net } from '$lib/engine/maths/model.ts';
import { inputKey, itemKeys, itemMarks, neuronKey, type Mark } from '$lib/diagram/items.ts';
import { strongestLinks } from '$lib/diagram/strongest.ts';
import { weightGradientNumbers, weightNumbers } from '$lib/diagram/weights.ts';
import { formatNumber } from '$lib/tex/numbers.ts';
import { keptList } from './kept.ts';
import type { NotebookState } from './notebook.svelte.ts';
import type { SlowNeuron } from './slow-neurons.svelte.ts';

/** Links carry a title (a tooltip, read out) up to this many; beyond, thousands of titles cost more than they tell. */
const TITLED_LINKS = 500;
/** Not the pass names: the step buttons are named exactly Forward, Backward and Train. */
const NEXT = {
	forward: 'computed next',
	backward: 'computed next',
	train: 'updated next',
	done: ''
};
/** A hidden neuron's side label: none, one array for all, so that nodes compare equal. */
const NO_SIDE: readonly string[] = [];
/** Inputs have no gradient: in gradients mode they are drawn plain. */
const INPUT_FILL = '#eef0f3';

/** One input or neuron as drawn. */
export interface NodeView {
	readonly key: string;
	readonly x: number;
	readonly y: number;
	readonly fill: string | undefined;
	readonly ink: string | undefined;
	/** The number printed inside, when nodes are big enough. */
	readonly text: string;
	readonly label: string;
	readonly next: boolean;
	readonly mark: Mark | undefined;
	/** Whether the code tracer's next line reads or writes one of its cells. */
	readonly traced: boolean;
	/** A neuron saturated or dead now (slow-neurons.svelte.ts). */
	readonly slow: SlowNeuron | undefined;
	/** The cell selecting it selects. */
	readonly address: string;
	/** An input is drawn as a square, a neuron as a circle. */
	readonly square: boolean;
	/** Its input or output label, wrapped, drawn beside it (left of an input, right of an output); empty for hidden neurons. */
	readonly side: readonly string[];
	readonly sideX: number;
	readonly sideAnchor: 'start' | 'end';
}

/** A neuron's number as drawn: its colour, the ink on it, the text inside, the number in full. */
interface Painted {
	readonly fill: string | undefined;
	readonly ink: string | undefined;
	readonly text: string;
	readonly full: string;
}

export class DiagramView {
	readonly #sheet: () => NotebookState;

	// A preference: the colours chosen survive a reload.
	readonly mode: ColourMode;
	readonly #field: 'value' | 'activation_gradient';
	// A string, so that the geometry is rebuilt when the shape changes, not on every step.
	readonly #shape: string;
	readonly #labels: Labels;
	readonly layout: DiagramLayout;
	readonly links: LinkGeometry[];
	readonly description: string;
	// The net is the same object until Train or an edit: in values mode the links then stay as they are.
	readonly #net: Net;
	/** Each link's number (weight or its gradient), in `links`' order. */
	readonly numbers: (number | undefined)[];
	/** The links drawn: all, or the strongest of a big net's. */
	readonly shown: number[];
	readonly linkScale: number;
	readonly marks: Map<string, Mark>;
	/** The items of the cells the code tracer's next line reads and writes. */
	readonly traced: ReadonlySet<string>;
	readonly #inputValues: readonly number[];
	readonly #neuronValues: readonly (number | undefined)[];
	#lastValues: readonly (number | undefined)[] = [];
	readonly nodeScale: number;
	/** Each neuron's number as drawn: remade when a number, the digits or the scale change, not when a mark moves. */
	readonly #painted: readonly Painted[];
	readonly inputs: readonly NodeView[];
	readonly neurons: readonly NodeView[];
	// The nodes drawn last: a node whose every field is as it was stays the same object, and wakes nothing.
	#lastInputs: readonly NodeView[] = [];
	#lastNeurons: readonly NodeView[] = [];
	/** When a big net's links are capped, what the drawing leaves out; undefined when all are drawn. */
	readonly capped: string | undefined;
	/** A link's title, or undefined when the net has too many links to title them. */
	readonly describeLink: ((link: LinkGeometry, v: number | undefined) => string) | undefined;

	/** `sheet`: the page's notebook, a getter as a component's props are read. */
	constructor(sheet: () => NotebookState) {
		this.#sheet = sheet;
		this.mode = $derived(sheet().preferences.colourBy);
		this.#field = $derived(this.mode === 'values' ? 'value' : 'activation_gradient');
		this.#shape = $derived(sheet().sizes.join(','));
		this.#labels = $derived(sheet().labels ?? {});
		this.layout = $derived(diagramLayout(this.#shape.split(',').map(Number), this.#labels));
		this.links = $derived(linkGeometry(this.layout));
		this.description = $derived(describeNet(sheet().sizes));
		this.#net = $derived(sheet().snapshot.net);
		this.numbers = $derived(
			this.mode === 'values' ? weightNumbers(this.#net) : weightGradientNumbers(sheet().snapshot)
		);
		this.shown = $derived(strongestLinks(this.numbers, weightNumbers(this.#net)));
		this.linkScale = $derived(
			this.mode === 'values' ? valueScale(this.numbers) : gradientScale(this.numbers)
		);
		this.marks = $derived(itemMarks(sheet().selected, sheet().precedents, sheet().dependents));
		this.traced = $derived(itemKeys(sheet().trace.cells));
		this.#inputValues = $derived(sheet().snapshot.inputs);
		// The same array while the numbers are (Backward leaves the values as they were).
		this.#neuronValues = $derived.by(() => {
			const values = this.layout.columns
				.slice(1)
				.flatMap((column, l) =>
					column.nodes.map((_, j) => sheet().value({ kind: this.#field, layer: l, neuron: j }))
				);
			const last = this.#lastValues;
			const same = values.length === last.length && values.every((v, n) => Object.is(v, last[n]));
			return (this.#lastValues = same ? last : values);
		});
		this.nodeScale = $derived(
			this.mode === 'values'
				? valueScale([...this.#inputValues, ...this.#neuronValues])
				: gradientScale(this.#neuronValues)
		);
		this.#painted = $derived(this.#neuronValues.map((v) => this.#paint(v)));
		this.inputs = $derived.by(
			() => (this.#lastInputs = keptList(this.#lastInputs, this.#inputs(), sameNode))
		);
		this.neurons = $derived.by(
			() => (this.#lastNeurons = keptList(this.#lastNeurons, this.#neurons(), sameNode))
		);
		this.capped = $derived(
			this.shown.length < this.links.length
				? `The ${formatCount(this.shown.length)} strongest of ${formatCount(this.links.length)} links are drawn, by |${this.mode === 'values' ? 'weight' : 'weight gradient'}|; a weight selected in the tables is drawn whatever its size.`
				: undefined
		);
		this.describeLink = $derived(
			this.links.length <= TITLED_LINKS
				? (link: LinkGeometry, v: number | undefined) => this.#linkTitle(link, v)
				: undefined
		);
	}

	#inputs(): NodeView[] {
		return this.layout.columns[0].nodes.map((p, i) => {
			const v = this.#inputValues[i];
			const fill = this.mode === 'values' ? this.#fill(v) : INPUT_FILL;
			const name = this.#labels.inputs?.[i] ? ` (${this.#labels.inputs[i]})` : '';
			return {
				key: inputKey(i),
				...p,
				fill,
				ink: fill && inkOn(fill),
				text: this.#short(v),
				label: `Input ${i}${name}: ${this.#full(v)}`,
				next: false,
				mark: this.marks.get(inputKey(i)),
				traced: this.traced.has(inputKey(i)),
				slow: undefined,
				address: address.input(i),
				square: true,
				side: this.layout.inputLabels[i] ?? NO_SIDE,
				sideX: p.x - this.layout.labelOffset,
				sideAnchor: 'end'
			};
		});
	}

	#neurons(): NodeView[] {
		const { cursor } = this.#sheet().snapshot;
		const last = this.layout.columns.length - 2;
		let n = 0;
		return this.layout.columns.slice(1).flatMap((column, l) =>
			column.nodes.map((p, j) => {
				const { fill, ink, text, full } = this.#painted[n++];
				const next = cursor.pass !== 'done' && cursor.layer === l && cursor.neuron === j;
				const output =
					l === last && this.#labels.outputs?.[j] ? ` (${this.#labels.outputs[j]})` : '';
				const says = next ? `; ${NEXT[cursor.pass]}` : '';
				const slow = this.#sheet().slow.neuron(l, j);
				return {
					key: neuronKey(l, j),
					...p,
					fill,
					ink,
					text,
					label: `Layer ${l}, neuron ${j}${output}: ${this.#field} ${full}${says}${slow ? `. ${slow.words}` : ''}`,
					next,
					slow,
					mark: this.marks.get(neuronKey(l, j)),
					traced: this.traced.has(neuronKey(l, j)),
					address: address.neuron(l, j, this.#field),
					square: false,
					side: l === last ? (this.layout.outputLabels[j] ?? NO_SIDE) : NO_SIDE,
					sideX: p.x + this.layout.labelOffset,
					sideAnchor: 'start'
				};
			})
		);
	}

	select(address: string): void {
		this.#sheet().select(address);
	}

	/** Clicking a link selects its weight, or its gradient when the colours show gradients. */
	pickLink({ layer: l, neuron: j, index: i }: LinkGeometry): void {
		this.#sheet().select(
			this.mode === 'values' ? address.weight(l, j, i) : address.weightGradient(l, j, i)
		);
	}

	#linkTitle(link: LinkGeometry, v: number | undefined): string {
		const { layer: l, neuron: j, index: i } = link;
		const from = l === 0 ? `input ${i}` : `layer ${l - 1}, neuron ${i}`;
		const what = this.mode === 'values' ? 'Weight' : 'Weight gradient';
		return `${what} from ${from} to layer ${l}, neuron ${j}: ${this.#full(v)}`;
	}

	#paint(v: number | undefined): Painted {
		const fill = this.#fill(v);
		return { fill, ink: fill && inkOn(fill), text: this.#short(v), full: this.#full(v) };
	}

	#fill(v: number | undefined): string | undefined {
		return v === undefined ? undefined : divergingColour(normalise(v, this.nodeScale));
	}

	#short(v: number | undefined): string {
		return this.layout.showNumbers && v !== undefined ? formatNumber(v, 2) : '';
	}

	#full(v: number | undefined): string {
		return v === undefined ? 'not computed yet' : formatNumber(v, this.#sheet().precision);
	}
}

/** Two nodes show the same; a slow neuron's note is remade on each step, and the same words are the same note. */
const sameNode = (a: NodeView, b: NodeView) =>
	a.slow?.words === b.slow?.words &&
	(Object.keys(b) as (keyof NodeView)[]).every(
		(key) => key === 'slow' || Object.is(a[key], b[key])
	);
