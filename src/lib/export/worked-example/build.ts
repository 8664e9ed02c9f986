/**
 * A worked example of the current iteration: every cell the passes have
 * computed so far, in the order they compute it, each as its formula in
 * symbols, the same formula with its numbers substituted, and its number.
 * Each line is the formula bar's (cellTex), so the worked example says
 * exactly what the page says; the page's view and markdown.ts only lay it out.
 */
import { address } from '$lib/engine/maths/addresses.ts';
import type { Labels } from '$lib/engine/maths/cells/words.ts';
import { layerSizes } from '$lib/engine/maths/model.ts';
import { range } from '$lib/engine/maths/range.ts';
import {
	backwardDone,
	forwardDone,
	lossDone,
	trainDone,
	type Snapshot
} from '$lib/engine/maths/snapshot.ts';
import { everything, isPartial, type Include } from './include.ts';
import { lines, type Context, type WorkedLine } from './lines.ts';

export type { WorkedLine };

/** One neuron's lines, or a group of numbers the user sets. */
interface WorkedPart {
	readonly heading: string;
	readonly lines: readonly WorkedLine[];
}

/** One layer of a pass. */
export interface WorkedGroup {
	readonly heading: string;
	readonly parts: readonly WorkedPart[];
	/** The neurons written out here that the pass has not reached yet, in words. */
	readonly pending?: string;
}

type SectionId = 'start' | 'forward' | 'loss' | 'backward' | 'train';

export interface WorkedSection {
	readonly id: SectionId;
	readonly title: string;
	/** Said instead of (or before) the lines: a pass not run yet, or part-way. */
	readonly note?: string;
	readonly groups: readonly WorkedGroup[];
}

export interface WorkedExample {
	readonly title: string;
	/** Where the iteration is: which passes have run. */
	readonly state: string;
	/** What is left out of a big net, or undefined when it is written whole. */
	readonly leftOut?: string;
	readonly sections: readonly WorkedSection[];
}

/** The worked example of `s` as far as it has been computed, for the layers and neurons `include` names. */
export function workedExample(
	s: Snapshot,
	precision: number,
	labels: Labels = {},
	include: Include = everything(layerSizes(s.net))
): WorkedExample {
	const sizes = layerSizes(s.net);
	const c: Context = { s, precision, labels, include };
	return {
		title: `Worked example: iteration ${s.iteration + 1}`,
		state: stateOf(s),
		leftOut: isPartial(sizes, include) ? leftOut(sizes, include) : undefined,
		sections: [
			startSection(c),
			forwardSection(c),
			lossSection(c),
			backwardSection(c),
			trainSection(c)
		]
	};
}

const PASS_TITLES = { forward: 'Forward', backward: 'Backward', train: 'Train' } as const;
type PassName = keyof typeof PASS_TITLES;
const DONE = { forward: forwardDone, backward: backwardDone, train: trainDone } as const;

/** Whether `pass` has run whole, part-way, or not at all in `s`. */
function progress(s: Snapshot, pass: PassName): 'done' | 'part-way' | 'not run yet' {
	const done = DONE[pass];
	const flags = s.startNet.layers.flatMap((layer, l) =>
		layer.neurons.map((_, j) => done(s.cursor, l, j))
	);
	if (flags.every(Boolean)) return 'done';
	return flags.some(Boolean) ? 'part-way' : 'not run yet';
}

function stateOf(s: Snapshot): string {
	const passes = (Object.keys(PASS_TITLES) as PassName[]).map(
		(pass) => `${PASS_TITLES[pass]} ${progress(s, pass)}`
	);
	return `${passes.join(', ')}.`;
}

/** What a pass's section says before its lines, if anything. */
function passNote(s: Snapshot, pass: PassName): string | undefined {
	const p = progress(s, pass);
	if (p === 'not run yet') return `${PASS_TITLES[pass]} has not run yet in this iteration.`;
	if (p === 'part-way')
		return `${PASS_TITLES[pass]} is part-way: the neurons it has not reached yet are marked.`;
	return undefined;
}

function leftOut(sizes: readonly number[], include: Include): string {
	const layers = [...include.layers].sort((a, b) => a - b);
	const which =
		layers.length === sizes.length - 1
			? 'every layer'
			: layers.length === 1
				? `layer ${layers[0]}`
				: `layers ${layers.join(', ')}`;
	return `Written out for ${which}: the first ${include.neurons} neurons of each, with their weights from the first ${include.neurons} of the layer before. The rest is left out.`;
}

/** Layer l's neurons written out, and the weights of each (from the first of the layer before). */
function shown(c: Context, l: number): { neurons: number[]; weights: number[] } {
	const sizes = layerSizes(c.s.startNet);
	return {
		neurons: range(Math.min(c.include.neurons, sizes[l + 1])),
		weights: range(Math.min(c.include.neurons, sizes[l]))
	};
}

const layersOf = (c: Context, order: 1 | -1) =>
	c.s.startNet.layers
		.map((_, l) => l)
		.filter((l) => c.include.layers.includes(l))
		.sort((a, b) => order * (a - b));

function layerHeading(c: Context, l: number): string {
	const layers = c.s.startNet.layers;
	const activation = layers[l].activation.replace('_', ' ');
	return `Layer ${l} (${activation})${l === layers.length - 1 ? ', the output layer' : ''}`;
}

function neuronHeading(c: Context, l: number, j: number): string {
	const label = l === c.s.startNet.layers.length - 1 ? c.labels.outputs?.[j] : undefined;
	return label ? `Neuron ${j} (${label})` : `Neuron ${j}`;
}

function pendingText(neurons: readonly number[]): string | undefined {
	if (neurons.length === 0) return undefined;
	const which = neurons.length === 1 ? `Neuron ${neurons[0]}` : `Neurons ${neurons.join(', ')}`;
	return `${which}: not computed yet.`;
}

/**
 * A pass's groups, one per layer in `order`: for each neuron written out, its
 * lines once the pass has reached it.
 */
function passGroups(
	c: Context,
	pass: PassName,
	order: 1 | -1,
	cells: (l: number, j: number, weights: readonly number[]) => WorkedLine[]
): WorkedGroup[] {
	if (progress(c.s, pass) === 'not run yet') return [];
	return layersOf(c, order).map((l) => {
		const { neurons, weights } = shown(c, l);
		const reached = neurons.filter((j) => DONE[pass](c.s.cursor, l, j));
		const pending = pendingText(neurons.filter((j) => !reached.includes(j)));
		return {
			heading: layerHeading(c, l),
			parts: reached.map((j) => ({ heading: neuronHeading(c, l, j), lines: cells(l, j, weights) })),
			...(pending ? { pending } : {})
		};
	});
}

function startSection(c: Context): WorkedSection {
	const { s } = c;
	const data = [
		...s.inputs.map((_, i) => address.input(i)),
		...s.targets.map((_, k) => address.target(k)),
		'learning_rate'
	];
	const parameters = layersOf(c, 1).map((l) => {
		const { neurons, weights } = shown(c, l);
		return {
			heading: layerHeading(c, l),
			parts: neurons.map((j) => ({
				heading: neuronHeading(c, l, j),
				lines: lines(
					c,
					[address.neuron(l, j, 'bias'), ...weights.map((i) => address.weight(l, j, i))],
					true
				)
			}))
		};
	});
	return {
		id: 'start',
		title: 'The inputs, targets and parameters',
		groups: [
			{
				heading: 'The sample and the learning rate',
				parts: [{ heading: '', lines: lines(c, data) }]
			},
			...parameters
		]
	};
}

function forwardSection(c: Context): WorkedSection {
	const groups = passGroups(c, 'forward', 1, (l, j) =>
		lines(c, [address.neuron(l, j, 'total'), address.neuron(l, j, 'value')])
	);
	return { id: 'forward', title: 'Forward', note: passNote(c.s, 'forward'), groups };
}

function lossSection(c: Context): WorkedSection {
	const { s } = c;
	if (!lossDone(s.cursor))
		return {
			id: 'loss',
			title: 'The loss and error %',
			note: 'Not computed yet: the loss follows the last neuron of Forward.',
			groups: []
		};
	const errors = s.targets.map((_, k) => address.errorPercent(k));
	return {
		id: 'loss',
		title: 'The loss and error %',
		groups: [{ heading: '', parts: [{ heading: '', lines: lines(c, ['loss', ...errors]) }] }]
	};
}

function backwardSection(c: Context): WorkedSection {
	const groups = passGroups(c, 'backward', -1, (l, j, weights) =>
		lines(c, [
			address.neuron(l, j, 'activation_gradient'),
			address.neuron(l, j, 'bias_gradient'),
			...weights.map((i) => address.weightGradient(l, j, i))
		])
	);
	return { id: 'backward', title: 'Backward', note: passNote(c.s, 'backward'), groups };
}

function trainSection(c: Context): WorkedSection {
	const groups = passGroups(c, 'train', 1, (l, j, weights) =>
		lines(c, [address.neuron(l, j, 'bias'), ...weights.map((i) => address.weight(l, j, i))])
	);
	return { id: 'train', title: 'Train', note: passNote(c.s, 'train'), groups };
}
