/**
 * The gradient-check view's arithmetic: which weights and biases to check,
 * their central finite differences computed a slice at a time (each one costs
 * two forward passes), each row's verdict beside backprop's gradient, and the
 * one-line summary. Plain TypeScript: the view's reactivity lives in
 * view.svelte.ts. Relative imports, so that the Playwright
 * journeys can import it too.
 */
import { formatCount } from '$lib/engine/document/number-text.ts';
import { parameterAddresses, parseAddress, type Address } from '../../engine/maths/addresses.ts';
import { cellValue } from '../../engine/maths/cells/values.ts';
import { describeAddress, type Labels } from '../../engine/maths/cells/words.ts';
import {
	GRADIENT_CHECK_TOLERANCE,
	gradientAddress,
	numericGradient,
	relativeError
} from '../../engine/maths/gradient-check.ts';
import type { Snapshot } from '../../engine/maths/snapshot.ts';
import { formatNumber } from '../../tex/numbers.ts';

/** A weight or bias to check, with its gradient's address as text and parsed (parsed once, not per step). */
export interface Parameter {
	readonly address: string;
	readonly gradient: string;
	readonly parsedGradient: Address;
}

/** `parameterAddresses(sizes)`, each with its gradient. */
export function parametersOf(sizes: readonly number[]): Parameter[] {
	return parameterAddresses(sizes).map((a) => {
		const gradient = gradientAddress(a);
		return { address: a, gradient, parsedGradient: parseAddress(gradient)! };
	});
}

/**
 * Whether two snapshots have the same finite differences: they read only the
 * iteration's starting parameters, its sample and the pins. Steps keep these
 * objects as they are, so Forward and Backward never cost a recheck.
 */
export function sameFiniteDifferences(a: Snapshot, b: Snapshot): boolean {
	return (
		a.startNet === b.startNet &&
		a.inputs === b.inputs &&
		a.targets === b.targets &&
		a.overrides === b.overrides
	);
}

/** The finite differences of one snapshot's parameters, filled in a slice at a time. */
export class FiniteDifferences {
	/** NaN until computed (a computed one is never NaN unless the loss overflowed; `done` tells). */
	readonly values: Float64Array;
	/** How many, from the first, are computed. */
	done = 0;

	constructor(
		readonly snapshot: Snapshot,
		readonly addresses: readonly string[]
	) {
		this.values = new Float64Array(addresses.length).fill(NaN);
	}

	get complete(): boolean {
		return this.done === this.addresses.length;
	}

	/** The finite difference of parameter `k`, or undefined while not yet computed. */
	at(k: number): number | undefined {
		return k < this.done ? this.values[k] : undefined;
	}

	/** Computes at least one more, then more until `enough()` is true. Returns how many it computed. */
	advance(enough: () => boolean): number {
		const from = this.done;
		while (!this.complete) {
			this.values[this.done] = numericGradient(this.snapshot, this.addresses[this.done]);
			this.done++;
			if (enough()) break;
		}
		return this.done - from;
	}
}

/**
 * A layer with more weights and biases than this shows its table only when
 * asked: thousands of rows take seconds to draw, and its summary says enough.
 */
export const LAYER_ROWS_SHOWN = 400;

type Verdict = 'pending' | 'agrees' | 'disagrees';

export interface Check {
	/** The weight or bias, e.g. `layers.1.neurons.0.weights.2` */
	readonly address: string;
	/** Its gradient's address, whose home is the Train section */
	readonly gradient: string;
	/** Backprop's ∂E/∂θ, undefined until Backward has computed it */
	readonly analytic: number | undefined;
	/** (E(θ + h) − E(θ − h)) / 2h, undefined until computed */
	readonly numeric: number | undefined;
	readonly relativeError: number | undefined;
	readonly verdict: Verdict;
}

/** One row's comparison. An overflowed (NaN) error counts as a disagreement, never a silent pass. */
export function checkOf(
	address: string,
	analytic: number | undefined,
	numeric: number | undefined,
	gradient = gradientAddress(address)
): Check {
	if (analytic === undefined || numeric === undefined)
		return { address, gradient, analytic, numeric, relativeError: undefined, verdict: 'pending' };
	const error = relativeError(analytic, numeric);
	const verdict = error <= GRADIENT_CHECK_TOLERANCE ? 'agrees' : 'disagrees';
	return { address, gradient, analytic, numeric, relativeError: error, verdict };
}

/**
 * Every parameter's check: backprop's gradient from `s`; the finite
 * differences from `numeric` when they are `s`'s, else pending (a step can
 * render before the new ones are computed, and stale ones must not be shown).
 * A check equal to its `previous` one is that same object, so that a view
 * keyed on them redraws only the rows that changed.
 */
export function checksOf(
	s: Snapshot,
	parameters: readonly Parameter[],
	numeric: FiniteDifferences | undefined,
	previous: readonly Check[] = []
): Check[] {
	const own = numeric && sameFiniteDifferences(numeric.snapshot, s) ? numeric : undefined;
	return parameters.map((p, k) => {
		const analytic = cellValue(s, p.parsedGradient);
		const difference = own?.at(k);
		const old = previous[k];
		return old?.address === p.address &&
			Object.is(old.analytic, analytic) &&
			Object.is(old.numeric, difference)
			? old
			: checkOf(p.address, analytic, difference, p.gradient);
	});
}

/**
 * `checks` (in `parameterAddresses` order) as layer → neuron → its bias then
 * its weights. A neuron whose checks are all its `previous` ones keeps its array.
 */
export function byNeuron(
	checks: readonly Check[],
	sizes: readonly number[],
	previous: readonly (readonly (readonly Check[])[])[] = []
): Check[][][] {
	const layers: Check[][][] = [];
	let k = 0;
	for (let l = 0; l + 1 < sizes.length; l++) {
		const neurons: Check[][] = [];
		for (let j = 0; j < sizes[l + 1]; j++, k += sizes[l] + 1) {
			const rows = checks.slice(k, k + sizes[l] + 1);
			const old = previous[l]?.[j];
			const same = old?.length === rows.length && rows.every((c, r) => c === old[r]);
			neurons.push(same ? (old as Check[]) : rows);
		}
		layers.push(neurons);
	}
	return layers;
}

export interface Summary {
	readonly total: number;
	/** Rows still waiting for Backward's gradient */
	readonly awaitingBackward: number;
	/** Rows still waiting for their finite difference */
	readonly awaitingNumeric: number;
	readonly disagree: number;
	/** The check with the largest relative error so far */
	readonly worst: Check | undefined;
}

export function summarize(checks: readonly Check[]): Summary {
	let awaitingBackward = 0;
	let awaitingNumeric = 0;
	let disagree = 0;
	let worst: Check | undefined;
	for (const c of checks) {
		if (c.analytic === undefined) awaitingBackward++;
		if (c.numeric === undefined) awaitingNumeric++;
		if (c.verdict === 'disagrees') disagree++;
		if (c.relativeError !== undefined && worse(c.relativeError, worst?.relativeError)) worst = c;
	}
	return { total: checks.length, awaitingBackward, awaitingNumeric, disagree, worst };
}

/** NaN (an overflow) is the worst of all. */
function worse(error: number, than: number | undefined): boolean {
	if (than === undefined) return true;
	return !Number.isNaN(than) && (Number.isNaN(error) || error > than);
}

/** The tolerance as the page writes it: 1e−4. */
export const TOLERANCE_TEXT = GRADIENT_CHECK_TOLERANCE.toExponential().replace('-', '−');

const count = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** The summary's overall state: something disagrees, all agree, or not everything is checked yet. */
export function overall(s: Summary): 'disagree' | 'agree' | 'incomplete' {
	if (s.disagree > 0) return 'disagree';
	return s.awaitingBackward + s.awaitingNumeric === 0 ? 'agree' : 'incomplete';
}

/** The summary line, e.g. "All 29 gradients agree to within 1e−4; largest relative error 3.2e−9." */
export function summaryText(s: Summary, labels?: Labels): string {
	if (s.total > 0 && s.awaitingBackward === s.total)
		return 'Backward has not run yet this iteration: the finite differences are ready, and each row compares once Backward computes its gradient.';
	const checked = s.total - Math.max(s.awaitingBackward, s.awaitingNumeric);
	const error = s.worst?.relativeError;
	let verdict: string;
	if (s.disagree > 0)
		verdict = `${count(s.disagree, 'gradient disagrees', 'gradients disagree')} by more than ${TOLERANCE_TEXT}`;
	else if (checked === s.total)
		verdict = `All ${count(s.total, 'gradient agrees', 'gradients agree')} to within ${TOLERANCE_TEXT}`;
	else
		verdict = `${count(checked, 'gradient agrees', 'gradients agree')} so far to within ${TOLERANCE_TEXT}`;
	// Where the worst one is matters only when something is wrong.
	const where = s.disagree > 0 ? ` (${describeAddress(s.worst!.gradient, labels)})` : '';
	const largest =
		error === undefined ? '' : `; largest relative error ${formatNumber(error, 2)}${where}`;
	const waiting =
		s.awaitingBackward > 0
			? ` ${count(s.awaitingBackward, 'gradient still waits', 'gradients still wait')} for Backward.`
			: '';
	return `${verdict}${largest}.${waiting}`;
}
