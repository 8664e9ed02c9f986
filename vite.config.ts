import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		// Property tests and LibreOffice runs take seconds; a loaded machine must not turn that into a failure.
		testTimeout: 20_000
	}
});
