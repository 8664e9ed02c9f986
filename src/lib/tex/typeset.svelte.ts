/**
 * KaTeX for the page's own formulas (the formula bar, the overflow note, the
 * worked example), loaded as a script of its own: it is 240 kB the first
 * render does not need, since the sections' formulas are typeset at build time
 * and the formula bar has nothing to show before a cell is chosen. Loading
 * starts once the page is ready (+page.svelte), or at the first formula asked
 * for before that; what asked for it is drawn again when it arrives. Should
 * the fetch fail (the network gone since the page loaded), each formula shows
 * as its TeX source and `texProblem` says why, once, where formulas are shown.
 */
import { escapeHtml } from './escape.ts';

type Katex = typeof import('./katex.ts');

let katex: Katex | undefined = $state.raw();
let failed = $state(false);
let loading: Promise<unknown> | undefined;

/** Starts loading KaTeX, once (and again after a failed load). */
export function loadTex(): Promise<unknown> {
	loading ??= import('./katex.ts').then(
		(module) => (katex = module),
		() => {
			failed = true;
			loading = undefined;
		}
	);
	return loading;
}

/** Why formulas show as TeX source, or undefined while they are (or will be) typeset. */
export function texProblem(): string | undefined {
	return failed && !katex
		? 'Formulas could not be loaded, so they are shown as TeX: reload the page to try again.'
		: undefined;
}

/** HTML for `tex`: typeset, or a placeholder until KaTeX is here (its source if it cannot come). */
export function typeset(tex: string, displayMode = false): string {
	if (katex) return katex.renderTex(tex, displayMode);
	// Drawn on the server too (prerendering), where nothing selected means nothing reaches here.
	if (typeof window !== 'undefined') void loadTex();
	return failed
		? `<code class="tex-source">${escapeHtml(tex)}</code>`
		: '<span class="tex-pending" aria-busy="true">…</span>';
}
