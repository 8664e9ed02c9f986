/**
 * Runs after `vite build`: moves SvelteKit's inline bootstrap <script> out of
 * every prerendered page into a file beside it, and drops the hash that let
 * it run from the page's Content Security Policy. The policy's script-src is
 * then 'self' alone: the page runs no inline script at all.
 *
 * Why this works: the bootstrap is a classic script, and a classic script
 * loaded by src sees the same `document.currentScript` and resolves its
 * `import("./_app/…")` against its own URL — the page's folder, since the
 * file sits beside the page. Both outputs are rewritten: `build/` (what is
 * deployed) and `.svelte-kit/output/` (what `vite preview`, and so the
 * Playwright suite, serves).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** [folder of prerendered pages, folder the page's assets are served from]. */
const outputs = [
	['build', 'build'],
	['.svelte-kit/output/prerendered/pages', '.svelte-kit/output/client']
];

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;

/** @param {string} folder @returns {string[]} */
function htmlFiles(folder) {
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.map((name) => join(folder, name));
}

/** @param {string} text @param {'hex' | 'base64'} encoding */
const sha256 = (text, encoding) => createHash('sha256').update(text, 'utf8').digest(encoding);

/**
 * Rewrites one page; returns how many scripts it moved.
 * @param {string} page @param {string} pagesRoot @param {string} assetsRoot
 */
function externalize(page, pagesRoot, assetsRoot) {
	const folder = join(assetsRoot, dirname(relative(pagesRoot, page)));
	const bodies = [...readFileSync(page, 'utf8').matchAll(INLINE_SCRIPT)].map((m) => m[1]);
	let html = readFileSync(page, 'utf8');
	for (const body of bodies) {
		const name = `bootstrap.${sha256(body, 'hex').slice(0, 12)}.js`;
		writeFileSync(join(folder, name), body);
		html = html.replace(`<script>${body}</script>`, () => `<script src="./${name}"></script>`);
		// The policy named this script by its hash; a file from 'self' needs no name.
		html = html.replace(` 'sha256-${sha256(body, 'base64')}'`, '');
	}
	writeFileSync(page, html);
	return bodies.length;
}

let total = 0;
for (const [pagesRoot, assetsRoot] of outputs) {
	if (!existsSync(pagesRoot)) continue;
	for (const page of htmlFiles(pagesRoot)) total += externalize(page, pagesRoot, assetsRoot);
}
if (total === 0) throw new Error('externalize-bootstrap: no inline bootstrap script found');
console.log(`externalize-bootstrap: moved ${total} inline script(s) into files`);
