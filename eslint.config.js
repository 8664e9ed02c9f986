import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** What the engine's files under `files` may not import: a framework, or the engine folders named. */
function engineLayer(files, above = []) {
	const patterns = [
		{
			group: ['svelte', 'svelte/*', '$lib/*', '$app/*'],
			message: 'The engine imports no framework.'
		}
	];
	if (above.length > 0)
		patterns.push({
			group: above.map((folder) => `**/${folder}/*`),
			message: `This layer of the engine reads nothing of ${above.join(' or ')}.`
		});
	return {
		files: [files],
		ignores: ['**/*.test.ts', '**/__fixtures__/**'],
		rules: { 'no-restricted-imports': ['error', { patterns }] }
	};
}

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	// The engine's layering (README, "How it is built"): no framework anywhere in it; the maths
	// reads nothing of the fast path or the document, the fast path nothing of the document.
	engineLayer('src/lib/engine/**/*.ts'),
	engineLayer('src/lib/engine/maths/**/*.ts', ['fast', 'document']),
	engineLayer('src/lib/engine/fast/**/*.ts', ['document'])
);
