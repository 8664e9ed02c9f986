/**
 * The workbook's sheets, one per section of the notebook with the same
 * tables: the numbers you set, Forward, Loss and error, Backward, Train, and
 * a list of every defined name with its address.
 */
import { address } from '../../engine/maths/addresses.ts';
import { inputOf } from '../../engine/maths/cells/kinds.ts';
import { describeAddress, type Labels } from '../../engine/maths/cells/words.ts';
import { deltaTerms } from '../../engine/maths/cells/delta-terms.ts';
import { layerSizes } from '../../engine/maths/model.ts';
import { range } from '../../engine/maths/range.ts';
import type { Snapshot } from '../../engine/maths/snapshot.ts';
import { deltaFactors } from './formulas.ts';
import { cellName } from './names.ts';
import { unrolledSheet, type UnrolledOptions } from './unrolled.ts';
import { labelsNotice } from './xml-text.ts';
import {
	addressCell,
	cellRef,
	completeIteration,
	mirrorCell,
	text,
	type NumberCell,
	type PlanCell,
	type SheetPlan
} from './plan.ts';

type Row = PlanCell[];

const headers = (...names: string[]) => names.map((name) => text(name, 'header'));

const LEGEND = [
	'Yellow cells are the numbers you set: change one, and every formula',
	'recalculates as the notebook would. Every number has a name from its',
	'address, as in the maths: x inputs, t targets, eta the learning rate;',
	'b_l_j and w_l_j_i the bias and weights of neuron j of layer l (weight i',
	'multiplies input i), z its total, a its value, delta its activation',
	'gradient, dE_db and dE_dw the gradients; _new: after Train;',
	'E the loss, err the error %. The sheet Names lists them all.'
];

function inputsSheet(s: Snapshot, labels: Labels): SheetPlan {
	const sizes = layerSizes(s.startNet);
	const notice = labelsNotice(labels);
	const named = (addr: string, description = describeAddress(addr, labels)): Row => [
		text(description),
		text(cellName(addr)),
		addressCell(s, addr)
	];
	const rows: Row[] = [
		[text('Gradsheet: one iteration of backpropagation', 'title')],
		...LEGEND.map((line) => [text(line, 'note')]),
		...(notice ? [[text(notice, 'note')]] : []),
		[],
		headers('cell', 'name', 'value'),
		...range(sizes[0]).map((i) => named(address.input(i))),
		...range(sizes.at(-1)!).map((k) => named(address.target(k))),
		named('learning_rate'),
		named('iteration', 'Iterations before this one')
	];
	return { name: 'Inputs', rows };
}

function forwardSheet(s: Snapshot, labels: Labels): SheetPlan {
	const sizes = layerSizes(s.startNet);
	const rows: Row[] = [
		[text('Forward: z = b + Σᵢ wᵢ aᵢ and a = f(z), first layer to last', 'title')]
	];
	s.startNet.layers.forEach((layer, l) => {
		const source = (i: number) =>
			cellName(inputOf(l, i)) + (l === 0 && labels.inputs?.[i] ? ` (${labels.inputs[i]})` : '');
		rows.push([], [text(`Layer ${l} · ${layer.activation}`, 'caption')]);
		rows.push(
			headers('neuron', 'b', ...range(sizes[l]).map((i) => `w·${i} ← ${source(i)}`), 'z', 'a')
		);
		for (const j of range(sizes[l + 1])) {
			rows.push([
				text(String(j)),
				addressCell(s, address.neuron(l, j, 'bias')),
				...range(sizes[l]).map((i) => addressCell(s, address.weight(l, j, i))),
				addressCell(s, address.neuron(l, j, 'total')),
				addressCell(s, address.neuron(l, j, 'value'))
			]);
		}
	});
	return {
		name: 'Forward',
		rows
	};
}

function lossSheet(s: Snapshot, labels: Labels): SheetPlan {
	const last = s.startNet.layers.length - 1;
	const rows: Row[] = [
		[text('Loss and error: E = ½ Σₖ (aₖ − tₖ)², error % = |t − a| / |t| · 100', 'title')],
		[],
		headers('output', 'label', 't', 'a', 'error %'),
		...range(layerSizes(s.startNet).at(-1)!).map((k): Row => [
			text(String(k)),
			text(labels.outputs?.[k] ?? ''),
			mirrorCell(s, address.target(k)),
			mirrorCell(s, address.neuron(last, k, 'value')),
			addressCell(s, address.errorPercent(k))
		]),
		[text('loss E'), undefined, undefined, undefined, addressCell(s, 'loss')]
	];
	return { name: 'Loss', rows };
}

function backwardSheet(s: Snapshot): SheetPlan {
	const last = s.startNet.layers.length - 1;
	const rows: Row[] = [
		[
			text(
				'Backward: δ = f′(a)·(a − t) on the last layer, f′(a)·Σₖ δₖ wₖⱼ before it; last layer first',
				'title'
			)
		]
	];
	for (const l of range(last + 1).reverse()) {
		rows.push([], [text(`Layer ${l}${l === last ? ' (output)' : ''}`, 'caption')]);
		rows.push(headers('neuron', 'a', 'f′(a)', l === last ? 'a − t' : 'Σₖ δₖ wₖⱼ', 'δ'));
		for (const j of range(s.startNet.layers[l].neurons.length)) {
			const factors = deltaFactors(s.startNet, l, j);
			const terms = deltaTerms(s, l, j);
			const term = (formula: string, value: number): NumberCell => ({
				kind: 'number',
				formula,
				value,
				format: 'gradient'
			});
			rows.push([
				text(String(j)),
				mirrorCell(s, address.neuron(l, j, 'value')),
				term(factors.fPrime, terms.fPrime!),
				term(factors.sum, terms.sum!),
				addressCell(s, address.neuron(l, j, 'activation_gradient'))
			]);
		}
	}
	return { name: 'Backward', rows };
}

function trainSheet(s: Snapshot): SheetPlan {
	const sizes = layerSizes(s.startNet);
	const rows: Row[] = [
		[text('Train: ∂E/∂b = δ, ∂E/∂wᵢ = aᵢ δ; b ← b − η ∂E/∂b, w ← w − η ∂E/∂w', 'title')]
	];
	s.startNet.layers.forEach((_, l) => {
		rows.push([], [text(`Layer ${l}`, 'caption')]);
		const weightHeads = range(sizes[l]).flatMap((i) => [`∂E/∂w·${i}`, `w·${i}`, `w·${i} new`]);
		rows.push(headers('neuron', '∂E/∂b', 'b', 'b new', ...weightHeads));
		for (const j of range(sizes[l + 1])) {
			const bias = address.neuron(l, j, 'bias');
			rows.push([
				text(String(j)),
				addressCell(s, address.neuron(l, j, 'bias_gradient')),
				mirrorCell(s, bias),
				addressCell(s, bias, 'new'),
				...range(sizes[l]).flatMap((i) => {
					const weight = address.weight(l, j, i);
					return [
						addressCell(s, address.weightGradient(l, j, i)),
						mirrorCell(s, weight),
						addressCell(s, weight, 'new')
					];
				})
			]);
		}
	});
	return {
		name: 'Train',
		rows
	};
}

/** Every defined name, with its address, its meaning and where it is. */
function namesSheet(sheets: readonly SheetPlan[], labels: Labels): SheetPlan {
	const rows: Row[] = [
		[text('Every name in this workbook', 'title')],
		[],
		headers('name', 'address', 'cell', 'meaning')
	];
	for (const sheet of sheets)
		sheet.rows.forEach((row, r) =>
			row.forEach((cell, c) => {
				if (cell?.kind !== 'number' || !cell.name || !cell.address) return;
				const after = cell.name.endsWith('_new') ? ', after Train' : '';
				rows.push([
					text(cell.name),
					text(cell.address),
					text(`${sheet.name}!${cellRef(r, c)}`),
					text(describeAddress(cell.address, labels) + after)
				]);
			})
		);
	return { name: 'Names', rows };
}

/**
 * The sheets of the iteration the snapshot `current` is in, every pass run;
 * with `unrolled`, that iteration and more, one row each, after Train.
 */
export function planWorkbook(
	current: Snapshot,
	labels: Labels = {},
	unrolled?: UnrolledOptions
): SheetPlan[] {
	const s = completeIteration(current);
	const sheets = [
		inputsSheet(s, labels),
		forwardSheet(s, labels),
		lossSheet(s, labels),
		backwardSheet(s),
		trainSheet(s),
		...(unrolled ? [unrolledSheet(current, unrolled)] : [])
	];
	return [...sheets, namesSheet(sheets, labels)];
}
