/**
 * The JavaScript source of a shape-specialised training kernel (kernel.ts
 * compiles and caches it): sample, forward pass, error %, backward pass and
 * train of one iteration, unrolled as straight-line code.
 *
 * SAFETY: the generated source is built only from numbers (layer sizes and
 * indices, computed here) and fixed identifiers and operators written in this
 * file. No string from a notebook (labels, activation names, field names, …)
 * is ever pasted into it: activations select one of the fixed snippets of the
 * activations table (activations.ts), and an unknown one refuses to compile. Run-time data (the parameters, the
 * learning rate, the generator's key, the samples table) is passed in as
 * arguments, never as source text.
 */
import { ACTIVATIONS, fill, isActivationName, type ActivationName } from '../maths/activations.ts';
import type { KernelShape, SamplerKind } from './kernel-shape.ts';
import { parameterPlaces } from '../maths/model.ts';
import { GOLDEN } from './random.ts';

const isWhole = (n: number) => Number.isSafeInteger(n) && n >= 1;
/** Activation `name`'s f or f' of the identifier `x`, as the activations table writes it in JavaScript. */
function snippet(name: ActivationName, which: 'f' | 'fPrime', x: string): string {
	if (!isActivationName(name)) throw new Error('no kernel for this activation');
	return fill(ACTIVATIONS[name].source[which], x);
}

/** random.ts's hash32 of the int32 `state`, shifted right by `shift`, as statements into `out`. */
function hash(out: string, state: string, shift: number): string {
	return [
		`h = ${state};`,
		`h = imul(h ^ (h >>> 15), h | 1);`,
		`h = (h + imul(h ^ (h >>> 7), h | 61)) ^ h;`,
		`const ${out} = (h ^ (h >>> 14)) >>> ${shift};`
	].join(' ');
}

/**
 * The sampler's statements for iteration k, defining x0, x1, … and t0, t1, …
 * `s` is the int32 `key + imul(c, GOLDEN)` of the sample's first draw c, kept
 * as a running sum (c grows by 4 per rectangle, by 1 per XOR row).
 */
function sampler(kind: SamplerKind, inputs: number, outputs: number): string[] {
	const G = GOLDEN;
	switch (kind) {
		case 'rectangle':
			// data.ts's rectangleSample: uniform(key, 2k) and uniform(key, 2k + 1), whose four
			// draws are the hashes of key + imul(4k + 1 … 4k + 4, GOLDEN).
			return [
				hash('hi0', 's', 5),
				hash('lo0', `(s + ${G}) | 0`, 6),
				hash('hi1', `(s + ${(2 * G) | 0}) | 0`, 5),
				hash('lo1', `(s + ${(3 * G) | 0}) | 0`, 6),
				`s = (s + ${(4 * G) | 0}) | 0;`,
				// (hi·2^26 + lo) / 2^53: the multiplication by 2^-53 is the same exact scaling.
				`const x0 = 0.1 + 0.9 * ((hi0 * 67108864 + lo0) * 1.1102230246251565e-16);`,
				`const x1 = 0.1 + 0.9 * ((hi1 * 67108864 + lo1) * 1.1102230246251565e-16);`,
				'const t0 = x0 * x1;',
				'const t1 = (x1 * 2 + x0 * 2) * 0.25;'
			];
		case 'xor':
			// data.ts's xorSample: row r = hash32(key + imul(k + 1, GOLDEN)) >>> 30 of the XOR table.
			return [
				hash('r', 's', 30),
				`s = (s + ${G}) | 0;`,
				'const x0 = r >>> 1;',
				'const x1 = r & 1;',
				'const t0 = (r >>> 1) ^ (r & 1);'
			];
		case 'table': {
			const lines = [`const oi = row * ${inputs};`, `const ot = row * ${outputs};`];
			for (let i = 0; i < inputs; i++) lines.push(`const x${i} = I[oi + ${i}];`);
			for (let j = 0; j < outputs; j++) lines.push(`const t${j} = T[ot + ${j}];`);
			lines.push('if (++row === rows) row = 0;');
			return lines;
		}
		case 'fixed':
			return []; // read once before the loop
		default:
			throw new Error('no kernel for this data source');
	}
}

/**
 * The source of the body of a `new Function('Math', body)` whose call returns
 * the kernel for `shape`. Throws if the shape is not one a kernel can run.
 */
export function kernelSource(shape: KernelShape): string {
	const { sizes, activations, sampler: kind } = shape;
	const L = sizes.length - 1;
	if (L < 1 || activations.length !== L || !sizes.every(isWhole))
		throw new Error('not a net shape');
	const nIn = sizes[0];
	const nOut = sizes[L];
	if (kind === 'rectangle' && (nIn !== 2 || nOut !== 2)) throw new Error('rectangles are 2 → 2');
	if (kind === 'xor' && (nIn !== 2 || nOut !== 1)) throw new Error('XOR is 2 → 1');

	// Names: inputs x_i, targets t_j, layer l's biases b{l}_{j}, weights w{l}_{j}_{i},
	// values a{l}_{j} and deltas d{l}_{j}; the previous layer's value i is input(l, i).
	const input = (l: number, i: number) => (l === 0 ? `x${i}` : `a${l - 1}_${i}`);
	const params = parameterPlaces(sizes).map(({ layer: l, neuron: j, index: i }) =>
		i === undefined ? `b${l}_${j}` : `w${l}_${j}_${i}`
	);

	const body: string[] = [];
	body.push(...sampler(kind, nIn, nOut));
	// Forward, layer by layer: a = f(b + w0·a0 + w1·a1 + …), added left to right.
	for (let l = 0; l < L; l++)
		for (let j = 0; j < sizes[l + 1]; j++) {
			const terms = [`b${l}_${j}`];
			for (let i = 0; i < sizes[l]; i++) terms.push(`w${l}_${j}_${i} * ${input(l, i)}`);
			body.push(`const z${l}_${j} = ${terms.join(' + ')};`);
			body.push(`const a${l}_${j} = ${snippet(activations[l], 'f', `z${l}_${j}`)};`);
		}
	// The article's error %, as loss.ts's errorPercent; then the output δ = f'(a)·(a − t).
	const last = L - 1;
	for (let j = 0; j < nOut; j++) {
		const [a, t] = [`a${last}_${j}`, `t${j}`];
		body.push(`e${j} += ${a} === ${t} ? 0 : (abs(${t} - ${a}) / abs(${t})) * 100;`);
		body.push(`const d${last}_${j} = ${snippet(activations[last], 'fPrime', a)} * (${a} - ${t});`);
	}
	// Hidden δ_j = f'(a_j)·(0 + Σ_q δ_q·w_qj), last hidden layer first, with the old weights.
	for (let l = L - 2; l >= 0; l--)
		for (let j = 0; j < sizes[l + 1]; j++) {
			const terms = ['0'];
			for (let q = 0; q < sizes[l + 2]; q++) terms.push(`d${l + 1}_${q} * w${l + 1}_${q}_${j}`);
			const a = `a${l}_${j}`;
			body.push(
				`const d${l}_${j} = ${snippet(activations[l], 'fPrime', a)} * (${terms.join(' + ')});`
			);
		}
	// Per layer Σ |δ|, neuron by neuron, as trainer.ts's loop adds them.
	for (let l = 0; l < L; l++)
		for (let j = 0; j < sizes[l + 1]; j++) body.push(`g${l} += abs(d${l}_${j});`);
	// Train: b ← b − δ·η, w_i ← w_i − (a_i·δ)·η.
	for (let l = 0; l < L; l++)
		for (let j = 0; j < sizes[l + 1]; j++) {
			const d = `d${l}_${j}`;
			body.push(`b${l}_${j} = b${l}_${j} - ${d} * rate;`);
			for (let i = 0; i < sizes[l]; i++) {
				const w = `w${l}_${j}_${i}`;
				body.push(`${w} = ${w} - ${input(l, i)} * ${d} * rate;`);
			}
		}

	const sums = Array.from({ length: nOut }, (_, j) => `e${j}`);
	const deltaSums = Array.from({ length: L }, (_, l) => `g${l}`);
	const entry: string[] = [
		`let ${params.map((p, n) => `${p} = P[${n}]`).join(', ')};`,
		`let ${sums.map((e, j) => `${e} = E[${j}]`).join(', ')};`,
		`let ${deltaSums.map((g, l) => `${g} = G[${l}]`).join(', ')};`
	];
	if (kind === 'rectangle')
		entry.push(`let s = (key + imul(4 * first + 1, ${GOLDEN})) | 0, h = 0;`);
	if (kind === 'xor') entry.push(`let s = (key + imul(first + 1, ${GOLDEN})) | 0, h = 0;`);
	if (kind === 'table') entry.push(`const rows = I.length / ${nIn};`, 'let row = first % rows;');
	if (kind === 'fixed') {
		for (let i = 0; i < nIn; i++) entry.push(`const x${i} = I[${i}];`);
		for (let j = 0; j < nOut; j++) entry.push(`const t${j} = T[${j}];`);
	}
	const exit = [
		...params.map((p, n) => `P[${n}] = ${p};`),
		...sums.map((e, j) => `E[${j}] = ${e};`),
		...deltaSums.map((g, l) => `G[${l}] = ${g};`)
	];
	return [
		"'use strict';",
		'const tanh = Math.tanh, exp = Math.exp, abs = Math.abs, imul = Math.imul;',
		'return function kernel(P, E, G, first, end, rate, key, I, T) {',
		...entry,
		'for (let k = first; k < end; k++) {',
		...body,
		'}',
		...exit,
		'};'
	].join('\n');
}
