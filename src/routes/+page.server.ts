import { SECTION_FORMULAS, type SectionName } from '$lib/tex/section-formulas.ts';
import { renderTexStrict } from '$lib/tex/katex.ts';

// Rendered once at build time: the formulas of the sections never change.
export function load() {
	const formulas = Object.fromEntries(
		Object.entries(SECTION_FORMULAS).map(([name, tex]) => [name, renderTexStrict(tex, true)])
	) as Record<SectionName, string>;
	return { formulas };
}
