/**
 * The general formula of each notebook section. They never change, so the
 * page renders them once, at build time (src/routes/+page.server.ts).
 *
 * Each formula is a list of parts, the statements a \qquad used to separate.
 * Every part is typeset on its own and the parts wrap like words: side by side
 * on a laptop, one under another on a phone. A part too wide even alone wraps
 * after a relation or an operator (inline KaTeX may break there), so no
 * formula is ever cut at the right edge of a narrow screen.
 */
import { ACTIVATIONS, ACTIVATION_NAMES, fill } from '../engine/maths/activations.ts';
import { renderTexStrict } from './katex.ts';

/** f' = … in terms of a, for each activation of the table: "\tanh' = 1 - a^2," … */
function derivatives(): string[] {
	return ACTIVATION_NAMES.map((name, k) => {
		const { symbol, primeTex } = ACTIVATIONS[name];
		const prime = fill(primeTex.replaceAll('@', 'a').replaceAll('*', ''), 'a');
		// A bracket the product δ = f'(a)(a − t) needs is not needed alone.
		const bare = /^\([^()]*\)$/.test(prime) ? prime.slice(1, -1) : prime;
		return `${symbol}' = ${bare}${k < ACTIVATION_NAMES.length - 1 ? ',' : ''}`;
	});
}

export const SECTION_FORMULAS = {
	network: [
		'a^{(l)} = f^{(l)}\\big(b^{(l)} + W^{(l)} a^{(l-1)}\\big),',
		'W^{(l)} \\in \\mathbb{R}^{n_l \\times n_{l-1}}, \\quad b^{(l)} \\in \\mathbb{R}^{n_l},',
		'\\text{new } w, b \\sim \\mathcal{U}[-1, 1) \\text{ from the seed}'
	],
	data: [
		'(x, t)^{(k)} = \\text{row}_{\\,k \\bmod N} \\;\\text{ of the table},',
		'\\text{or sample } k \\text{ of a seeded generator}'
	],
	inputs: ['a^{(-1)}_i = x_i,', '\\text{targets } t_k,', '\\text{learning rate } \\eta'],
	forward: [
		'z^{(l)}_j = b^{(l)}_j + \\sum_i w^{(l)}_{j,i}\\, a^{(l-1)}_i,',
		'a^{(l)}_j = f\\big(z^{(l)}_j\\big)'
	],
	backward: [
		"\\delta^{(L)}_j = f'\\big(a^{(L)}_j\\big)\\,\\big(a^{(L)}_j - t_j\\big),",
		"\\delta^{(l)}_j = f'\\big(a^{(l)}_j\\big) \\sum_k \\delta^{(l+1)}_k\\, w^{(l+1)}_{k,j}"
	],
	derivatives: derivatives(),
	train: [
		'\\frac{\\partial E}{\\partial b^{(l)}_j} = \\delta^{(l)}_j, \\quad \\frac{\\partial E}{\\partial w^{(l)}_{j,i}} = a^{(l-1)}_i\\, \\delta^{(l)}_j,',
		'b \\leftarrow b - \\eta\\, \\frac{\\partial E}{\\partial b}, \\quad w \\leftarrow w - \\eta\\, \\frac{\\partial E}{\\partial w}'
	],
	loss: [
		'E = \\tfrac12 \\sum_k \\big(a^{(L)}_k - t_k\\big)^2,',
		'\\mathit{err}_k = \\frac{\\lvert t_k - a^{(L)}_k \\rvert}{\\lvert t_k \\rvert} \\cdot 100'
	],
	gradientCheck: [
		'\\Delta_\\theta = \\frac{E(\\theta + h) - E(\\theta - h)}{2h} \\approx \\frac{\\partial E}{\\partial \\theta},',
		'\\varepsilon = \\frac{\\lvert \\partial E / \\partial \\theta - \\Delta_\\theta \\rvert}{\\max\\big(\\lvert \\partial E / \\partial \\theta \\rvert, \\lvert \\Delta_\\theta \\rvert, 10^{-6}\\big)} \\le 10^{-4},',
		'h = 10^{-5} \\max(1, \\lvert \\theta \\rvert)'
	]
} as const satisfies Record<string, readonly string[]>;

export type SectionName = keyof typeof SECTION_FORMULAS;

/**
 * A formula's parts as HTML: each part inline KaTeX in display style (so sums
 * and fractions look as in a display formula, yet may wrap), in a line of
 * parts that wraps between them. Throws on broken TeX: the build fails.
 */
export function renderSectionFormula(parts: readonly string[]): string {
	const html = parts.map(
		(tex) => `<span class="formula-part">${renderTexStrict(`\\displaystyle ${tex}`)}</span>`
	);
	return `<span class="formula-parts">${html.join(' ')}</span>`;
}
