import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		// Everything runs in the browser; the page is prerendered to static files.
		adapter: adapter({ fallback: undefined, strict: true })
	}
};

export default config;
