/**
 * Text as XML 1.0 can hold it. A workbook's parts are XML, and XML forbids
 * some characters outright, escaped or not: C0 controls other than tab, line
 * feed and carriage return, U+FFFE and U+FFFF, and surrogates that are not
 * part of a pair. Labels may hold any of them (the notebook file is JSON, which
 * allows them all), and one of them in sharedStrings.xml makes the part
 * ill-formed: LibreOffice then drops every text after it. Each is written as
 * U+FFFD, the replacement character, and the workbook says so.
 */

import type { Labels } from '../../engine/maths/cells/words.ts';

/** One character XML cannot hold (with `u`, a lone surrogate is one code point). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** What is written instead of a character XML cannot hold. */
const REPLACEMENT = '\uFFFD';

/** `text` with every character XML cannot hold replaced by U+FFFD. */
export function xmlText(text: string): string {
	return FORBIDDEN.test(text) ? text.replace(FORBIDDEN_ALL, REPLACEMENT) : text;
}

/**
 * What the workbook and the page say when some labels hold characters XML
 * cannot hold, or undefined when none does.
 */
export function labelsNotice(labels: Labels | undefined): string | undefined {
	const all = [...(labels?.inputs ?? []), ...(labels?.outputs ?? [])];
	const count = all.filter((label) => FORBIDDEN.test(label)).length;
	if (count === 0) return undefined;
	const which = count === 1 ? '1 label holds' : `${count} labels hold`;
	return `${which} characters that a workbook cannot hold (control characters, U+FFFE, U+FFFF or half a surrogate pair); each is written as ${REPLACEMENT}.`;
}
