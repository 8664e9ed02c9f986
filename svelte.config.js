import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Everything runs in the browser; the page is prerendered to static files.
		adapter: adapter({ fallback: undefined, strict: true }),
		// A strict Content Security Policy, as a <meta> tag in the prerendered page: scripts only
		// from this origin, never inline, never eval. SvelteKit inlines its bootstrap and allows it
		// by hash; scripts/externalize-bootstrap.js (run by `npm run build`) moves it into a file
		// and drops the hash. Styles allow 'unsafe-inline' because KaTeX positions glyphs with style attributes;
		// CSS cannot run script. (frame-ancestors and report-uri do not work in a <meta> policy.)
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
