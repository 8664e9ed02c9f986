/**
 * A snapshot being built by one step, shared by the passes (a neuron at a
 * time) and the tracer's lines (a line at a time), so both write the same
 * rows the same way and honour the same pins.
 */
import type { Snapshot } from './snapshot.ts';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A snapshot being built by one step: rows are copied the first time the step
 * writes to them, so a step costs what it touches, not the size of the net.
 */
export class Draft {
	readonly s: Mutable<Snapshot>;
	private copied = new Set<unknown>();
	private pins: Record<string, number> | undefined;
	/**
	 * Whether any cell is pinned, decided once per step: `for…in` over a
	 * notebook's thousands of pins lists them all, and `pin` runs per cell.
	 */
	private readonly pinning: boolean;

	constructor(from: Snapshot) {
		this.s = { ...from };
		this.pinning = !isEmpty(from.overrides);
	}

	/** `field[l]`, copied once per step so the snapshot we came from stays as it was. */
	row(field: 'totals' | 'values' | 'activationGradients' | 'biasGradients', l: number): number[] {
		return this.own(field, l, () => [...this.s[field][l]]) as number[];
	}

	weightGradientRow(l: number, j: number): number[] {
		const layer = this.own('weightGradients', l, () => [
			...this.s.weightGradients[l]
		]) as number[][];
		const key = `weightGradients.${l}.${j}`;
		if (!this.copied.has(key)) {
			layer[j] = [...layer[j]];
			this.copied.add(key);
		}
		return layer[j];
	}

	private own(field: keyof Snapshot, l: number, copy: () => unknown[]): unknown[] {
		const key = `${field}.${l}`;
		if (!this.copied.has(field)) {
			(this.s as Record<string, unknown>)[field] = [...(this.s[field] as unknown[])];
			this.copied.add(field);
		}
		const rows = this.s[field] as unknown[];
		if (!this.copied.has(key)) {
			rows[l] = copy();
			this.copied.add(key);
		}
		return rows[l] as unknown[];
	}

	/** Neuron (l, j) of the net being trained, copied once per step so it can be updated a parameter at a time. */
	trainee(l: number, j: number): { bias: number; weights: number[] } {
		const key = `net.${l}.${j}`;
		if (!this.copied.has(key)) {
			const layers = [...this.s.net.layers];
			const neurons = [...layers[l].neurons];
			const old = neurons[j];
			neurons[j] = { bias: old.bias, weights: [...old.weights] };
			layers[l] = { ...layers[l], neurons };
			this.s.net = { ...this.s.net, layers };
			this.copied.add(key);
		}
		return this.s.net.layers[l].neurons[j] as { bias: number; weights: number[] };
	}

	/** `computed`, or the number `cell` is pinned to (remembering what the formula gave). */
	pin(cell: () => string, computed: number): number {
		if (!this.pinning) return computed;
		const name = cell();
		const pinned = this.s.overrides[name];
		if (pinned === undefined) return computed;
		this.pins ??= this.s.formulaValues = { ...this.s.formulaValues };
		this.pins[name] = computed;
		return pinned;
	}
}

const isEmpty = (o: object) => {
	for (const _ in o) return false;
	return true;
};
