/**
 * Scoring the outputs once the forward pass has its last value: shared by the
 * neuron step (passes.ts) and the tracer's loss line (lines.ts).
 */
import { address } from './addresses.ts';
import type { Draft } from './draft.ts';
import { errorPercent, loss } from './loss.ts';

/** The loss and errors % of the outputs against the targets. */
export function scoreOutputs(d: Draft): void {
	const s = d.s;
	const outputs = s.values[s.values.length - 1];
	s.loss = d.pin(() => 'loss', loss(outputs, s.targets));
	s.errorsPercent = outputs.map((a, k) =>
		d.pin(() => address.errorPercent(k), errorPercent(a, s.targets[k]))
	);
}
