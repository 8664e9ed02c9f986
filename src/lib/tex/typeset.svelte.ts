/**
 * KaTeX for the page's own formulas (the formula bar, the overflow note, the
 * worked example), loaded as a script of its own: it is 240 kB the first
 * render does not need, since the sections' formulas are typeset at build time
 * and the formula bar has nothing to show before a cell is chosen. Loading
 * starts once the page is ready (+page.svelte), or at the first formula asked
 * for before that; what asked for it is drawn again when it arrives.
 */
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

/** HTML for `tex`: typeset, or a placeholder until KaTeX is here. */
export function typeset(tex: string, displayMode = false): string {
	if (katex) return katex.renderTex(tex, displayMode);
	// Drawn on the server too (prerendering), where nothing selected means nothing reaches here.
	if (typeof window !== 'undefined') void loadTex();
	return failed
		? '<span class="tex-error">Formulas could not be loaded: reload the page</span>'
		: '<span class="tex-pending" aria-busy="true">…</span>';
}
