/**
 * The worked example's view: what it writes out (every layer, or for a net
 * too big to print whole the layers and neurons the learner picks), the
 * example itself for the open notebook as it stands, and its Markdown file.
 */
import { workedExample, type WorkedExample } from '$lib/export/worked-example/build.ts';
import {
	SHOW_LIMIT,
	cellsPerPass,
	defaultInclude,
	fitsWhole,
	type Include
} from '$lib/export/worked-example/include.ts';
import { workedMarkdown } from '$lib/export/worked-example/markdown.ts';
import { download } from './files.ts';
import type { NotebookState } from './notebook.svelte.ts';

export class WorkedExampleView {
	readonly #sheet: () => NotebookState;
	/** The learner's choice for a big net; undefined follows the default for the net's shape. */
	#chosen = $state.raw<{ include: Include; sizes: readonly number[] } | undefined>(undefined);
	readonly sizes: readonly number[];
	/** Whether the net is too big to write out whole, so the view asks what to include. */
	readonly asks: boolean;
	readonly include: Include;
	/** Cells in the longest pass of what is written out. */
	readonly cells: number;
	/** Why nothing is typeset (too many cells at once), or undefined. */
	readonly tooMany: string | undefined;
	readonly example: WorkedExample | undefined;

	constructor(sheet: () => NotebookState) {
		this.#sheet = sheet;
		this.sizes = $derived(sheet().sizes);
		this.asks = $derived(!fitsWhole(this.sizes));
		// A choice holds for the net it was made for; another shape starts from its own default.
		this.include = $derived(
			this.#chosen?.sizes === this.sizes ? this.#chosen.include : defaultInclude(this.sizes)
		);
		this.cells = $derived(cellsPerPass(this.sizes, this.include));
		this.tooMany = $derived(
			this.cells > SHOW_LIMIT
				? `That is ${this.cells} cells in one pass; at most ${SHOW_LIMIT} are written out at once. Choose fewer layers or neurons.`
				: undefined
		);
		this.example = $derived.by(() => {
			if (this.tooMany) return undefined;
			const { snapshot, precision, notebook } = sheet();
			return workedExample(snapshot, precision, notebook.labels, this.include);
		});
	}

	/** Includes or leaves out layer `l`. */
	toggleLayer(l: number, on: boolean): void {
		const layers = this.include.layers.filter((k) => k !== l);
		this.#choose({ ...this.include, layers: on ? [...layers, l] : layers });
	}

	/** Writes out the first `n` neurons of each layer (a whole number from 1 to the widest layer). */
	setNeurons(n: number): void {
		const widest = Math.max(...this.sizes);
		if (!Number.isFinite(n)) return;
		this.#choose({ ...this.include, neurons: Math.min(widest, Math.max(1, Math.round(n))) });
	}

	#choose(include: Include): void {
		this.#chosen = { include, sizes: this.sizes };
	}

	downloadMarkdown(): void {
		const sheet = this.#sheet();
		if (!this.example) return;
		const iteration = sheet.snapshot.iteration + 1;
		download(
			`gradsheet-worked-example-iteration-${iteration}.md`,
			workedMarkdown(this.example, sheet.precision),
			'text/markdown;charset=utf-8'
		);
	}
}
