/**
 * The one place that calls KaTeX, with fixed options. `trust` stays false so
 * no TeX can produce links or raw HTML; broken TeX becomes a visible
 * diagnostic, never a crash or a blank.
 */
import katex from 'katex';

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

/** HTML for `tex`, or a diagnostic naming the problem. */
export function renderTex(tex: string, displayMode = false): string {
	try {
		return renderTexStrict(tex, displayMode);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return `<span class="tex-error" role="alert">${escapeHtml(`Formula error: ${message}`)}</span>`;
	}
}

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
