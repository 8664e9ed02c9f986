/** The worker side of bench/profile.ts: times the variants and posts the figures. */
import { profile } from './variants.ts';

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<{ n: number; first: number }>) => void) | null;
	postMessage(message: unknown): void;
};

/** As train.worker.ts pauses: one MessageChannel task. */
const pause = () =>
	new Promise<void>((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(undefined);
	});

scope.onmessage = async ({ data }) => {
	try {
		const figures = await profile(data.n, data.first, (m) => scope.postMessage(m), pause);
		scope.postMessage({ type: 'figures', figures });
	} catch (error) {
		scope.postMessage({ type: 'failed', message: String(error) });
	}
};
