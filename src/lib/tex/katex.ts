/**
 * The one place that calls KaTeX, with fixed options. `trust` stays false so
 * no TeX can produce links or raw HTML; broken TeX becomes a visible
 * diagnostic, never a crash or a blank.
 */
import katex from 'katex';
import { escapeHtml } from './escape.ts';

const OPTIONS = {
	throwOnError: true,
	trust: false,
	strict: 'error',
	output: 'htmlAndMathml'
} as const;

/** HTML for `tex`; throws a KaTeX ParseError on broken TeX (for tests and build-time rendering). */
export function renderTexStrict(tex: string, displayMode = false): string {
	return katex.renderToString(tex, { ...OPTIONS, displayMode });
}

/**
 * Typeset TeX by source: a step re-renders the formula bar, whose symbols and
 * chips rarely change, and typesetting is most of a step's script time.
 * Bounded: the oldest entry goes once it is full.
 */
const rendered = new Map<string, string>();
const MAX_RENDERED = 1000;

/** HTML for `tex`, or a diagnostic naming the problem. */
export function renderTex(tex: string, displayMode = false): string {
	const key = `${displayMode ? 'D' : 'I'}${tex}`;
	const known = rendered.get(key);
	if (known !== undefined) return known;
	const html = typeset(tex, displayMode);
	if (rendered.size >= MAX_RENDERED) rendered.delete(rendered.keys().next().value!);
	rendered.set(key, html);
	return html;
}

function typeset(tex: string, displayMode: boolean): string {
	try {
		return renderTexStrict(tex, displayMode);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return `<span class="tex-error" role="alert">${escapeHtml(`Formula error: ${message}`)}</span>`;
	}
}
