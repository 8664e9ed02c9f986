/**
 * The general formula of each notebook section. They never change, so the
 * page renders them once, at build time (src/routes/+page.server.ts).
 */
export const SECTION_FORMULAS = {
	network:
		'a^{(l)} = f^{(l)}\\big(b^{(l)} + W^{(l)} a^{(l-1)}\\big), \\qquad W^{(l)} \\in \\mathbb{R}^{n_l \\times n_{l-1}}, \\quad b^{(l)} \\in \\mathbb{R}^{n_l}, \\qquad \\text{new } w, b \\sim \\mathcal{U}[-1, 1) \\text{ from the seed}',
	data: '(x, t)^{(k)} = \\text{row}_{\\,k \\bmod N} \\;\\text{ of the table}, \\qquad \\text{or sample } k \\text{ of a seeded generator}',
	inputs: 'a^{(-1)}_i = x_i, \\qquad \\text{targets } t_k, \\qquad \\text{learning rate } \\eta',
	forward:
		'z^{(l)}_j = b^{(l)}_j + \\sum_i w^{(l)}_{j,i}\\, a^{(l-1)}_i, \\qquad a^{(l)}_j = f\\big(z^{(l)}_j\\big)',
	backward:
		"\\delta^{(L)}_j = f'\\big(a^{(L)}_j\\big)\\,\\big(a^{(L)}_j - t_j\\big), \\qquad \\delta^{(l)}_j = f'\\big(a^{(l)}_j\\big) \\sum_k \\delta^{(l+1)}_k\\, w^{(l+1)}_{k,j}",
	derivatives:
		"\\tanh' = 1 - a^2, \\quad \\sigma' = a(1 - a), \\quad \\operatorname{ReLU}' = [a > 0], \\quad \\text{linear}' = 1",
	train:
		'\\frac{\\partial E}{\\partial b^{(l)}_j} = \\delta^{(l)}_j, \\quad \\frac{\\partial E}{\\partial w^{(l)}_{j,i}} = a^{(l-1)}_i\\, \\delta^{(l)}_j, \\qquad b \\leftarrow b - \\eta\\, \\frac{\\partial E}{\\partial b}, \\quad w \\leftarrow w - \\eta\\, \\frac{\\partial E}{\\partial w}',
	loss: 'E = \\tfrac12 \\sum_k \\big(a^{(L)}_k - t_k\\big)^2, \\qquad \\mathit{err}_k = \\frac{\\lvert t_k - a^{(L)}_k \\rvert}{\\lvert t_k \\rvert} \\cdot 100',
	gradientCheck:
		'\\Delta_\\theta = \\frac{E(\\theta + h) - E(\\theta - h)}{2h} \\approx \\frac{\\partial E}{\\partial \\theta}, \\qquad \\varepsilon = \\frac{\\lvert \\partial E / \\partial \\theta - \\Delta_\\theta \\rvert}{\\max\\big(\\lvert \\partial E / \\partial \\theta \\rvert, \\lvert \\Delta_\\theta \\rvert, 10^{-6}\\big)} \\le 10^{-4}, \\qquad h = 10^{-5} \\max(1, \\lvert \\theta \\rvert)'
} as const;

export type SectionName = keyof typeof SECTION_FORMULAS;
