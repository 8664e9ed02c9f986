/**
 * The Network section's editing, as state the section reads and calls: the
 * preset picked, the seed being typed, and why the last change was refused.
 * Every change of shape goes through reshape.ts via NotebookState.tryUpdate
 * and changes nothing when refused. It sits with the sections, beside
 * network-view.ts (what the section shows), as it is the section's own and
 * none of it is saved.
 */
import type { ActivationName } from '$lib/engine/maths/activations.ts';
import type { Notebook } from '$lib/engine/document/notebook.ts';
import { preset, type PresetName } from '$lib/engine/document/presets.ts';
import {
	insertLayer,
	reinitialise,
	removeLayer,
	setActivation,
	setInputCount,
	setNeuronCount,
	type Reshaped
} from '$lib/engine/document/reshape.ts';
import type { NotebookState } from '$lib/state/notebook.svelte.ts';
import { Following } from './forms.svelte.ts';
import { networkView } from './network-view.ts';

/** What an emptied number field holds; the seed field's value may also be typed out of range. */
export type SeedField = number | null;

/** The seed a field's value asks for: an emptied field is refused (NaN), not read as seed 0. */
export function seedOf(field: SeedField): number {
	return typeof field === 'number' ? field : Number.NaN;
}

export class NetworkEditor {
	readonly #sheet: NotebookState;
	readonly view = $derived.by(() => networkView(this.#sheet.notebook));
	chosen = $state<PresetName>('article');
	/** The seed field: the notebook's seed, until the learner types another. */
	readonly #seed: Following<SeedField>;
	refusal = $state<string | undefined>(undefined);

	constructor(sheet: NotebookState) {
		this.#sheet = sheet;
		this.#seed = new Following<SeedField>(
			() => sheet.notebook.seed ?? 0,
			() => sheet.notebook
		);
	}

	get seed(): SeedField {
		return this.#seed.value;
	}
	set seed(seed: SeedField) {
		this.#seed.value = seed;
	}

	openPreset(): void {
		this.refusal = this.#sheet.load(preset(this.chosen));
	}

	/** Draws every weight and bias afresh from the seed typed, at iteration 0. */
	reseed(): void {
		this.#change((nb) => reinitialise(nb, seedOf(this.seed)));
	}

	setInputs(n: number): void {
		this.#change((nb) => setInputCount(nb, n));
	}

	setNeurons(l: number, n: number): void {
		this.#change((nb) => setNeuronCount(nb, l, n));
	}

	setActivation(l: number, name: ActivationName): void {
		this.#change((nb) => setActivation(nb, l, name));
	}

	removeLayer(l: number): void {
		this.#change((nb) => removeLayer(nb, l));
	}

	/** A new hidden layer before the output, as wide as the layer it reads. */
	addLayer(): void {
		this.#change((nb) => insertLayer(nb));
	}

	#change(edit: (notebook: Notebook) => Reshaped): void {
		this.refusal = this.#sheet.tryUpdate(edit);
	}
}
