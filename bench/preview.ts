/** The built app served by `vite preview` for the benches: started, waited for, stopped. */
import { spawn } from 'node:child_process';

/** Starts the preview server on `port`; resolves once it answers, with a function that stops it. */
export async function startPreview(port: number): Promise<() => void> {
	// Its own process group, so that stopping it also stops the vite that npx starts.
	const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
		stdio: 'ignore',
		detached: true
	});
	const stop = () => process.kill(-server.pid!);
	for (let tries = 0; tries < 120; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		if (
			await fetch(`http://localhost:${port}/`).then(
				(r) => r.ok,
				() => false
			)
		)
			return stop;
	}
	stop();
	throw new Error(`vite preview did not answer on port ${port}`);
}
