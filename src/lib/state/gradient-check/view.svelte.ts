/**
 * The gradient-check view's state: open or closed, and the finite differences
 * of the snapshot on show. They cost two forward passes per parameter, so they
 * are computed only while the view is open and only when what they read has
 * changed, a slice at a time in idle moments so that a big net never freezes
 * the page. Construct it while a component initialises: it runs an $effect.
 */
import { parameterCount } from '$lib/engine/maths/model.ts';
import { untrack } from 'svelte';
import {
	byNeuron,
	checksOf,
	type Check,
	FiniteDifferences,
	parametersOf,
	sameFiniteDifferences,
	summarize
} from './checks.ts';
import type { NotebookState } from '../notebook.svelte.ts';

/** Most milliseconds of work per slice: well inside a frame. */
const SLICE_MS = 8;
/** Least milliseconds between redraws while finite differences come in. */
const REDRAW_MS = 150;

export class GradientChecker {
	/** A getter, so that the view follows the component's prop. */
	readonly #sheet: () => NotebookState;
	open = $state(false);
	#numeric = $state.raw<FiniteDifferences | undefined>(undefined);
	/** Bumped as slices finish (see REDRAW_MS): `#numeric` fills in place, and this tells the views to look again. */
	#slices = $state(0);
	#cancel: (() => void) | undefined;
	/** When the views were last told about new finite differences. */
	#shown = -Infinity;

	/** Listed only when the view opens: on a large net the list (and its parsed addresses) costs tens of ms. */
	readonly parameters = $derived.by(() => parametersOf(this.#sheet().sizes));
	/** What the closed view says it would check. */
	readonly count = $derived.by(() => parameterCount(this.#sheet().sizes));
	// The last checks and their grouping, reused object for object where nothing changed:
	// a slice of finite differences then redraws only its own rows, not the whole net's.
	#lastChecks: readonly Check[] = [];
	#lastLayers: readonly Check[][][] = [];
	readonly checks = $derived.by(() => {
		void this.#slices;
		const checks = checksOf(
			this.#sheet().snapshot,
			this.parameters,
			this.#numeric,
			this.#lastChecks
		);
		return (this.#lastChecks = checks);
	});
	/** Layer → neuron → its bias's check, then its weights'. */
	readonly layers = $derived.by(
		() => (this.#lastLayers = byNeuron(this.checks, this.#sheet().sizes, this.#lastLayers))
	);
	readonly summary = $derived(summarize(this.checks));
	readonly layerSummaries = $derived(this.layers.map((neurons) => summarize(neurons.flat())));
	/** How many finite differences are computed, while some are still to come. */
	readonly computing = $derived(
		this.summary.awaitingNumeric > 0 ? this.summary.total - this.summary.awaitingNumeric : undefined
	);

	constructor(sheet: () => NotebookState) {
		this.#sheet = sheet;
		$effect(() => {
			if (!this.open) return;
			const snapshot = sheet().snapshot;
			untrack(() => this.#run(snapshot));
			return () => this.#stop();
		});
	}

	toggle = () => {
		this.open = !this.open;
	};

	#run(snapshot: NotebookState['snapshot']): void {
		let numeric = this.#numeric;
		if (!numeric || !sameFiniteDifferences(numeric.snapshot, snapshot)) {
			numeric = this.#numeric = new FiniteDifferences(
				snapshot,
				this.parameters.map((p) => p.address)
			);
		}
		// The first slice at once: a small net shows its checks without a flash of pending cells.
		this.#slice(numeric, deadline(SLICE_MS));
	}

	#slice(numeric: FiniteDifferences, enough: () => boolean): void {
		if (numeric.complete) return;
		numeric.advance(enough);
		// Redrawing costs a pass over every check: a few times a second is enough to show progress.
		const now = performance.now();
		if (numeric.complete || now - this.#shown >= REDRAW_MS) {
			this.#shown = now;
			this.#slices++;
		}
		if (!numeric.complete) this.#cancel = whenIdle((enough) => this.#slice(numeric, enough));
	}

	#stop(): void {
		this.#cancel?.();
		this.#cancel = undefined;
	}
}

const deadline = (ms: number) => {
	const end = performance.now() + ms;
	return () => performance.now() >= end;
};

/** Runs `work` when the page is idle (soon, where there is no requestIdleCallback). Returns a cancel. */
function whenIdle(work: (enough: () => boolean) => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		// Never the whole idle period (up to 50 ms): a key pressed meanwhile would wait for it.
		// After a timeout there is no idle time left; a short slice still keeps the work moving.
		const id = requestIdleCallback(
			(idle) => work(deadline(Math.min(Math.max(idle.timeRemaining(), 4), SLICE_MS))),
			{ timeout: 200 }
		);
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(() => work(deadline(SLICE_MS)), 0);
	return () => clearTimeout(id);
}
