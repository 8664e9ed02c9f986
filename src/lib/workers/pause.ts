/**
 * Resolves after the messages already queued have been handled (a Cancel, in
 * the training worker): one MessageChannel task, never clamped as setTimeout is.
 */
export function pause(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(undefined);
	});
}
