/**
 * Practice by prediction: the learner's predictions of one iteration and the
 * cells a teacher asks to predict. A prediction is a note beside a cell,
 * never a number of the notebook: nothing here touches the moment, so it can
 * neither pin, edit nor enter the undo history. The notebook checks the
 * predictions after each step (`check`) and keeps them in step with the
 * moment it shows (`follow`); the rules themselves are prediction-rules.ts.
 *
 * Kept per address in reactive maps, so that a cell wakes only when its own
 * prediction changes.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { isParameter as isParameterAddress, parseAddress } from '$lib/engine/maths/addresses.ts';
import { cellValue } from '$lib/engine/maths/cells/values.ts';
import type { Snapshot } from '$lib/engine/maths/snapshot.ts';
import type { Guess, NotebookPredictions } from '$lib/engine/document/predictions-schema.ts';
import { formatNumber } from '$lib/tex/numbers.ts';
import { parseCellText } from './cells/text.ts';
import {
	PREDICT_PASSES,
	computedIn,
	isPredictable,
	isRight,
	passOf,
	targetIteration,
	toleranceText,
	type PredictPass,
	type Tolerance
} from './prediction-rules.ts';
import type { PreferencesState } from './preferences.svelte.ts';

/** What a cell shows of its prediction: the mark, the guess in the page's digits, and the words for a screen reader. */
export interface PredictionMark {
	readonly verdict: 'pending' | 'right' | 'wrong';
	readonly symbol: '?' | '✓' | '✗';
	readonly text: string;
	/** The engine's number in the page's digits, once checked */
	readonly engine?: string;
	readonly words: string;
}

/** One pass's predictions of the iteration: how many were checked, how many of them right, how many wait. */
export interface PassTally {
	readonly pass: PredictPass;
	readonly right: number;
	readonly checked: number;
	readonly pending: number;
}

/** A paste into a cell that takes a prediction: a paste sets numbers, a prediction never does. */
export const PASTE_NOT_PREDICTION =
	'Predict mode: type one prediction into the cell; a paste would change numbers, so nothing was pasted.';

const NOT_HERE = 'This cell has been computed already: predict a cell before the step computes it.';

export class Predictions {
	readonly #guesses = new SvelteMap<string, Guess>();
	readonly #ask = new SvelteSet<string>();
	/** The iteration the guesses are for (iterations completed before it). */
	#iteration = 0;
	/** Bumped on every change: what autosave watches. */
	changes = $state(0);
	readonly #snapshot: () => Snapshot;
	readonly #preferences: PreferencesState;

	constructor(snapshot: () => Snapshot, preferences: PreferencesState) {
		this.#snapshot = snapshot;
		this.#preferences = preferences;
	}

	/** Predict mode (a preference): typing into a cell not computed yet records a prediction. */
	get on(): boolean {
		return this.#preferences.predict;
	}
	set on(on: boolean) {
		this.#preferences.predict = on;
	}

	get tolerance(): Tolerance {
		return this.#preferences.predictTolerance;
	}
	set tolerance(tolerance: Tolerance) {
		this.#preferences.predictTolerance = tolerance;
	}

	/** The tolerance in words, at the page's digits now. */
	get toleranceText(): string {
		return toleranceText(this.#preferences.predictTolerance, this.#preferences.precision);
	}

	/**
	 * Whether typing into the element of `address` at `stage` records a
	 * prediction now. Reads the snapshot only in predict mode, so that with
	 * the mode off a step wakes no cell through this.
	 */
	accepts(address: string, stage: 'set' | 'new'): boolean {
		if (!this.on) return false;
		const a = parseAddress(address);
		// A parameter's prediction is of Train's new number, typed into Train's table.
		if (!a || (stage !== 'new' && isParameterAddress(address))) return false;
		return isPredictable(this.#snapshot(), address);
	}

	/** The prediction at `address`, if any. */
	guessOf(address: string): Guess | undefined {
		return this.#guesses.get(address);
	}

	/** Whether `address` is a pending prediction (Delete in its cell then forgets it). */
	pending(address: string): boolean {
		const guess = this.#guesses.get(address);
		return guess !== undefined && guess.engine === undefined;
	}

	/** What the cell at `address` shows of its prediction, or undefined. */
	mark(address: string): PredictionMark | undefined {
		const guess = this.#guesses.get(address);
		if (!guess) return undefined;
		const text = formatNumber(guess.guess, this.#preferences.precision);
		if (guess.engine === undefined)
			return { verdict: 'pending', symbol: '?', text, words: `your prediction ${text}` };
		const engine = formatNumber(guess.engine, this.#preferences.precision);
		return this.#right(guess.guess, guess.engine)
			? { verdict: 'right', symbol: '✓', text, engine, words: `your prediction ${text} was right` }
			: { verdict: 'wrong', symbol: '✗', text, engine, words: `your prediction ${text} was wrong` };
	}

	/** What the element of `address` at `stage` shows of a prediction: a parameter's is on Train's new number. */
	markAt(address: string, stage: 'set' | 'new'): PredictionMark | undefined {
		if (stage !== 'new' && isParameterAddress(address)) return undefined;
		return this.mark(address);
	}

	/** Whether a teacher asked to predict `address`. */
	asked(address: string): boolean {
		return this.#ask.has(address);
	}

	/** Marks or unmarks `address` as "predict this" (a cell some step computes). */
	toggleAsk(address: string): void {
		const a = parseAddress(address);
		if (this.#ask.has(address)) this.#ask.delete(address);
		else if (a && passOf(a)) this.#ask.add(address);
		else return;
		this.changes++;
	}

	/**
	 * Records `text` as the prediction at `address`; returns why it was
	 * refused (the same words as a refused edit), or undefined. A prediction
	 * for a new iteration starts a fresh set: the last iteration's are dropped.
	 */
	guess(address: string, text: string): string | undefined {
		const parsed = parseCellText(text);
		if (!parsed.ok) return parsed.error;
		const s = this.#snapshot();
		if (!isPredictable(s, address)) return NOT_HERE;
		const iteration = targetIteration(s);
		if (iteration !== this.#iteration) {
			this.#guesses.clear();
			this.#iteration = iteration;
		}
		this.#guesses.set(address, { guess: parsed.value });
		this.changes++;
		return undefined;
	}

	/** Forgets the pending prediction at `address`. */
	forget(address: string): void {
		if (this.pending(address) && this.#guesses.delete(address)) this.changes++;
	}

	/** After a step: each pending prediction whose cell `s` has computed is checked against the engine's number. */
	check(s: Snapshot): void {
		for (const [address, guess] of [...this.#guesses]) {
			if (guess.engine !== undefined || !computedIn(s, address, this.#iteration)) continue;
			this.#guesses.set(address, { guess: guess.guess, engine: cellValue(s, address)! });
			this.changes++;
		}
	}

	/**
	 * Keeps the predictions in step with the moment shown (after a step, an
	 * undo, a file): those of another iteration go, and a checked one whose
	 * cell is not computed any more (an undone step) waits again.
	 */
	follow(s: Snapshot): void {
		if (this.#guesses.size === 0) return;
		if (this.#iteration !== s.iteration && this.#iteration !== targetIteration(s)) {
			this.#guesses.clear();
			this.changes++;
			return;
		}
		for (const [address, guess] of [...this.#guesses]) {
			if (guess.engine === undefined || computedIn(s, address, this.#iteration)) continue;
			this.#guesses.set(address, { guess: guess.guess });
			this.changes++;
		}
	}

	/** Per pass, for the iteration's predictions: checked, right, pending. */
	readonly tally: readonly PassTally[] = $derived.by(() => {
		const counts = PREDICT_PASSES.map((pass) => ({ pass, right: 0, checked: 0, pending: 0 }));
		for (const [address, guess] of this.#guesses) {
			const pass = passOf(parseAddress(address)!);
			const count = counts.find((c) => c.pass === pass)!;
			if (guess.engine === undefined) count.pending++;
			else {
				count.checked++;
				if (this.#right(guess.guess, guess.engine)) count.right++;
			}
		}
		return counts;
	});

	/** Takes the predictions of an opened notebook (or none) at its start `s`; says whether it asks for any. */
	open(field: NotebookPredictions | undefined, s: Snapshot): boolean {
		this.#guesses.clear();
		this.#ask.clear();
		for (const address of field?.ask ?? []) this.#ask.add(address);
		this.#iteration = field?.iteration ?? s.iteration;
		for (const [address, guess] of Object.entries(field?.guesses ?? {}))
			this.#guesses.set(address, guess);
		this.follow(s);
		this.changes++;
		return this.#ask.size > 0;
	}

	/** The predictions as the notebook file's field, for a file of `iteration` (by default theirs); undefined when there are none. */
	toFile(iteration = this.#iteration): NotebookPredictions | undefined {
		const guesses = iteration === this.#iteration ? Object.fromEntries(this.#filed()) : {};
		const ask = [...this.#ask];
		if (ask.length === 0 && Object.keys(guesses).length === 0) return undefined;
		return {
			...(ask.length > 0 ? { ask } : {}),
			...(Object.keys(guesses).length > 0 ? { iteration, guesses } : {})
		};
	}

	/**
	 * The guesses as the file holds them: an engine's number that overflowed
	 * (±∞, NaN) is left out, since the file holds finite numbers only; the
	 * guess waits again, and the step that computes its cell checks it anew.
	 */
	*#filed(): Generator<[string, Guess]> {
		for (const [address, g] of this.#guesses)
			yield [address, g.engine === undefined || Number.isFinite(g.engine) ? g : { guess: g.guess }];
	}

	#right(guess: number, engine: number): boolean {
		return isRight(guess, engine, this.#preferences.predictTolerance, this.#preferences.precision);
	}
}
