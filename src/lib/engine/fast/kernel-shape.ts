/**
 * What a training kernel is generated for. Its own module, so that kernel.ts
 * (which compiles the source) and kernel-source.ts (which writes it) both
 * import it without importing each other.
 */
import type { ActivationName } from '../maths/activations.ts';

/** Where a kernel takes its samples from (a fixed sample is a table of one row). */
export type SamplerKind = 'rectangle' | 'xor' | 'table' | 'fixed';

export interface KernelShape {
	/** `[inputs, layer 0 neurons, layer 1 neurons, …]` */
	readonly sizes: readonly number[];
	/** One per layer. */
	readonly activations: readonly ActivationName[];
	readonly sampler: SamplerKind;
}
