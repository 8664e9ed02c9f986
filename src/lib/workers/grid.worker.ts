/**
 * The worker a big net's learned map is computed in (fast/grid.ts): a
 * forward pass per grid point takes tens of milliseconds for a net of
 * thousands of weights, which on the page's thread would be added to every
 * step. Each answer carries its request's id, so the page keeps only the
 * latest.
 */
import { outputGrid, ruleOf } from '../engine/fast/grid.ts';
import type { FromGridWorker, GridRequest } from '../engine/fast/grid.ts';

/** The part of DedicatedWorkerGlobalScope we use (the project's TS lib is the DOM's). */
const scope = self as unknown as {
	onmessage: ((event: MessageEvent<GridRequest>) => void) | null;
	postMessage(message: FromGridWorker, transfer?: Transferable[]): void;
};

scope.onmessage = ({ data: { id, net, plane, source } }) => {
	const grid = outputGrid(net, plane, source && ruleOf(source));
	const buffers = [...grid.outputs, ...(grid.targets ?? [])].map((values) => values.buffer);
	scope.postMessage({ id, grid }, buffers);
};
