/** The worker side of bench/profile.ts: times the variants and posts the figures. */
import { pause } from '../../src/lib/workers/pause.ts';
import { profile } from './variants.ts';

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<{ n: number; first: number }>) => void) | null;
	postMessage(message: unknown): void;
};

scope.onmessage = async ({ data }) => {
	try {
		const figures = await profile(data.n, data.first, (m) => scope.postMessage(m), pause);
		scope.postMessage({ type: 'figures', figures });
	} catch (error) {
		scope.postMessage({ type: 'failed', message: String(error) });
	}
};
