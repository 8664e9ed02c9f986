/**
 * A worked example as Markdown with `$…$` and `$$…$$` maths, which GitHub
 * and Jupyter both typeset: one display line per computed cell, its formula
 * in symbols, with numbers, and its number, chained by `=`.
 */
import type { WorkedExample, WorkedGroup, WorkedLine, WorkedSection } from './build.ts';

/** Text that is not ours (labels) stays text: Markdown's and HTML's punctuation escaped. */
const text = (s: string) => s.replace(/[\\`*_[\]<>#!|~$&{}]/g, (c) => `\\${c}`);

/** The one equation of a line: symbols = numbers = result (or what the formula gives). */
function equationTex(line: WorkedLine): string {
	if (line.substituted === undefined) return `${line.symbols} = ${line.result}`;
	return `${line.symbols} = ${line.substituted} = ${line.differs?.gives ?? line.result}`;
}

function differs(line: WorkedLine): string[] {
	if (!line.differs) return [];
	const number = `$${line.result}$`;
	return line.differs.why === 'pinned'
		? [`Pinned to ${number}: every cell after it reads ${number}.`, '']
		: [`Typed after Train: ${number}, which the next iteration starts from.`, ''];
}

/** A computed cell's line as display maths. */
function lineMarkdown(line: WorkedLine): string[] {
	return [`$$${equationTex(line)}$$`, '', ...differs(line)];
}

/** A neuron's numbers as set (its bias and weights) on one line; other numbers set one to an item. */
function givenMarkdown(heading: string, lines: readonly WorkedLine[]): string[] {
	if (!heading) return lines.map((l) => `- ${text(l.words)}: $${equationTex(l)}$`);
	return [`- ${text(heading)}: ${lines.map((l) => `$${equationTex(l)}$`).join(', ')}`];
}

function groupMarkdown(group: WorkedGroup): string[] {
	const out = group.heading ? [`### ${text(group.heading)}`, ''] : [];
	const given = group.parts.every((p) => p.lines.every((l) => l.substituted === undefined));
	if (given) out.push(...group.parts.flatMap((p) => givenMarkdown(p.heading, p.lines)), '');
	else
		for (const part of group.parts) {
			if (part.heading) out.push(`#### ${text(part.heading)}`, '');
			out.push(...part.lines.flatMap(lineMarkdown));
		}
	if (group.pending) out.push(`_${text(group.pending)}_`, '');
	return out;
}

function sectionMarkdown(section: WorkedSection): string[] {
	const out = [`## ${section.title}`, ''];
	if (section.note) out.push(`_${text(section.note)}_`, '');
	return [...out, ...section.groups.flatMap(groupMarkdown)];
}

/** The worked example as one Markdown document. */
export function workedMarkdown(example: WorkedExample, precision: number): string {
	const head = [
		`# ${text(example.title)}`,
		'',
		text(example.state),
		'',
		`Each cell in the order the passes compute it: its formula in symbols, the same formula with this iteration's numbers, and its number, to ${precision} significant digits (more where Train's change is smaller than that).`,
		'',
		...(example.leftOut ? [text(example.leftOut), ''] : [])
	];
	const body = example.sections.flatMap(sectionMarkdown);
	return `${[...head, ...body].join('\n').trimEnd()}\n`;
}
