/**
 * The Data section's editing, as state the section and its samples table
 * read and call: which source the samples come from, the generator picked,
 * the table a page at a time, and why the last change was refused. The rules
 * of a table are samples.ts's and every change goes through NotebookState;
 * what this class adds is what the learner chose between actions — a table
 * kept aside while another source is tried, the page on screen, the row
 * focused. It sits with the sections, not in state/, because all of it is the
 * section's view of the notebook (network-view.ts), none of it saved.
 * Construct it while the section initialises.
 */
import type { GeneratorName } from '$lib/engine/fast/data.ts';
import type { Sample } from '$lib/engine/maths/model.ts';
import {
	addSampleRow,
	dataModeOf,
	generatedSamples,
	pasteSamples,
	removeSampleRow,
	rowOf,
	setSampleCell,
	type DataMode,
	type TableResult
} from '$lib/engine/document/samples.ts';
import { parseTsv } from '$lib/engine/document/tsv.ts';
import { refused } from '$lib/state/cells/text.ts';
import type { NotebookState } from '$lib/state/notebook.svelte.ts';
import { Following } from './forms.svelte.ts';
import { PAGE_ROWS, pageStart, plural, sampleColumns, startingTable } from './network-view.ts';

/** The three sources, in the words of the radio buttons and of the line that explains each. */
export const DATA_MODES: readonly { mode: DataMode; text: string; explain: string }[] = [
	{
		mode: 'fixed',
		text: 'Fixed inputs',
		explain:
			'Every iteration uses the inputs and targets under Inputs and targets, as you set them.'
	},
	{
		mode: 'table',
		text: 'A samples table',
		explain: 'Iteration k reads row k mod N of the table below, in order and round again.'
	},
	{
		mode: 'generator',
		text: 'A generator',
		explain: 'Iteration k draws sample k of the generator from the seed (set under Network).'
	}
];

export class DataEditor {
	readonly #sheet: NotebookState;
	readonly mode: DataMode = $derived.by(() => dataModeOf(this.#sheet.notebook));
	readonly explain = $derived(DATA_MODES.find((m) => m.mode === this.mode)!.explain);
	readonly samples: readonly Sample[] = $derived.by(() => this.#sheet.notebook.samples ?? []);
	readonly seed: number = $derived.by(() => this.#sheet.notebook.seed ?? 0);
	/** The generator picked: the notebook's, until another is picked while a table or fixed inputs are used. */
	readonly #generator: Following<GeneratorName>;
	/** "Fill a table with … rows": a number field's value, null when emptied. */
	fillCount = $state<number | null>(20);
	/** The first row of the page of the table on screen. */
	first = $state(0);
	refusal = $state<string | undefined>(undefined);
	/** The row of the table's focused cell, for "Remove row". */
	#focusedRow = $state(0);
	/** The last table, kept while another source is chosen, so that choosing the table again brings it back. */
	#shelved: Sample[] | undefined;

	readonly #inputs = $derived.by(() => this.#sheet.sizes[0]);
	readonly #outputs = $derived.by(() => this.#sheet.sizes[this.#sheet.sizes.length - 1]);
	readonly columns = $derived.by(() =>
		sampleColumns(this.#inputs, this.#outputs, this.#sheet.labels)
	);
	/** The first target column, after a rule. */
	readonly divider = $derived(this.#inputs);
	/** The iteration on screen, or the next one once it is done: the one that reads the marked row. */
	readonly reader = $derived.by(
		() => this.#sheet.snapshot.iteration + (this.#sheet.pass === 'done' ? 1 : 0)
	);
	readonly current = $derived(rowOf(this.reader, this.samples.length));
	readonly shown = $derived(this.samples.slice(this.first, this.first + PAGE_ROWS));
	readonly removable = $derived(Math.min(this.#focusedRow, this.samples.length - 1));
	/** "1 row", "1,200 rows" */
	readonly rowCount = $derived(plural(this.samples.length, 'row'));
	/** Whether the table is longer than a page, and where the page on screen ends. */
	readonly paged = $derived(this.samples.length > PAGE_ROWS);
	readonly last = $derived(Math.min(this.first + PAGE_ROWS, this.samples.length) - 1);
	readonly hasPrevious = $derived(this.first > 0);
	readonly hasNext = $derived(this.first + PAGE_ROWS < this.samples.length);

	constructor(sheet: NotebookState) {
		this.#sheet = sheet;
		this.#generator = new Following<GeneratorName>(
			() => sheet.notebook.dataset ?? 'rectangle',
			() => sheet.notebook
		);
	}

	get generator(): GeneratorName {
		return this.#generator.value;
	}

	/** Takes the samples from `next`: the table kept aside (when it still fits the net), else today's sample. */
	choose(next: DataMode): void {
		if (this.mode === 'table') this.#shelved = [...this.samples];
		const shelved = this.#shelved;
		const fits =
			shelved?.[0]?.inputs.length === this.#inputs && shelved[0].targets.length === this.#outputs;
		const { inputs, targets } = this.#sheet.snapshot;
		const table = fits && shelved ? shelved : startingTable(inputs, targets);
		this.refusal =
			next === 'fixed'
				? this.#sheet.useData({})
				: next === 'table'
					? this.#sheet.useData({ samples: table })
					: this.#sheet.useData({ dataset: this.generator });
		this.first = 0;
	}

	/** Picks a generator: the samples come from it at once when a generator is the source. */
	pickGenerator(name: GeneratorName): void {
		this.#generator.value = name;
		if (this.mode === 'generator') this.refusal = this.#sheet.useData({ dataset: name });
	}

	/** Fills a table with `fillCount` rows drawn from the generator, and shows its first page. */
	fill(): void {
		this.#use(generatedSamples(this.generator, this.seed, Number(this.fillCount)), 0);
	}

	addRow(): void {
		this.#use(addSampleRow(this.samples, this.#inputs, this.#outputs), this.samples.length);
	}

	removeRow(): void {
		this.#use(removeSampleRow(this.samples, this.removable));
	}

	/** Sets one number of the table; returns why it was refused (the cell shows it). */
	edit(row: number, column: number, value: number): string | undefined {
		return this.#sheet.useData({ samples: setSampleCell(this.samples, row, column, value) });
	}

	/** Pastes tab-separated text with its top-left at (row, column); returns why it was refused. */
	paste(row: number, column: number, text: string): string | undefined {
		const parsed = parseTsv(text);
		if (!parsed.ok) return refused(parsed.error);
		const at = { row, column };
		const result = pasteSamples(this.samples, at, parsed.rows, this.#inputs, this.#outputs);
		if (!result.ok) return refused(result.error);
		return this.#sheet.useData({ samples: result.samples });
	}

	/** A cell of the table took focus: its data-sample, "row.column". */
	focus(sample: string | undefined): void {
		if (sample) this.#focusedRow = Number(sample.split('.')[0]);
	}

	previousPage(): void {
		this.first = Math.max(0, this.first - PAGE_ROWS);
	}

	nextPage(): void {
		this.first += PAGE_ROWS;
	}

	/** Takes a changed table, or keeps why it was refused; then shows the page of `row` if given. */
	#use(result: TableResult, row?: number): void {
		this.refusal = result.ok ? this.#sheet.useData({ samples: result.samples }) : result.error;
		if (!this.refusal && row !== undefined) this.first = pageStart(row);
	}
}
