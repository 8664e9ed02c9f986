import {
	SECTION_FORMULAS,
	renderSectionFormula,
	type SectionName
} from '$lib/tex/section-formulas.ts';

// Rendered once at build time: the formulas of the sections never change.
export function load() {
	const formulas = Object.fromEntries(
		Object.entries(SECTION_FORMULAS).map(([name, parts]) => [name, renderSectionFormula(parts)])
	) as Record<SectionName, string>;
	return { formulas };
}
