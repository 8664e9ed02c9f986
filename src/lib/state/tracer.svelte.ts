/**
 * The code tracer: the three passes as pseudocode (listing.ts), with the
 * line that ran last and the line "Next line" runs next marked, a watch of
 * the next line's loop variables and of every variable it reads and writes,
 * what the last line wrote, and the line that computes the selected cell.
 * Everything is derived from the notebook's snapshot and selection, so any
 * step (a line, a neuron, a layer, a pass) moves it; the components only draw it.
 */
import { keptList } from './kept.ts';
import { nextLine, previousLine, type LineId, type LineRun } from '$lib/engine/maths/lines.ts';
import { LISTING, loopVariables } from '$lib/engine/maths/listing.ts';
import type { Snapshot, StepPass } from '$lib/engine/maths/snapshot.ts';
import { formatNumber } from '$lib/tex/numbers.ts';
import type { NotebookState } from './notebook.svelte.ts';
import {
	computedBy,
	passOf,
	readsOf,
	runFor,
	writesOf,
	writtenNode,
	type WatchItem
} from './tracer.ts';

const PASS_NAMES: Record<StepPass, string> = {
	forward: 'Forward',
	backward: 'Backward',
	train: 'Train'
};

/** A debugger's watch of one run: its loop variables, what it reads and what it writes. */
export interface Watch {
	readonly loops: readonly (readonly [name: string, value: number])[];
	readonly reads: readonly WatchItem[];
	readonly writes: readonly WatchItem[];
}

interface LineView {
	readonly depth: number;
	readonly code: string;
	/** The line that computes, when this one does (it is then a button that selects what it writes) */
	readonly id: LineId | undefined;
	/** The line that ran last */
	readonly ran: boolean;
	/** The line "Next line" runs next */
	readonly next: boolean;
	/** A line that computes the selected cell */
	readonly here: boolean;
	/** Whether clicking it selects a cell: some layer of the net runs it  */
	readonly pickable: boolean;
}

export interface PassView {
	readonly pass: StepPass;
	readonly name: string;
	readonly open: boolean;
	/**
	 * Whether its lines are drawn: once a pass has been open it stays drawn, folded or not, so
	 * that a step that folds one pass and opens the next toggles them instead of rebuilding both.
	 */
	readonly drawn: boolean;
	readonly lines: readonly LineView[];
}

export class TracerState {
	readonly #sheet: NotebookState;
	/** Passes the learner folded or opened by hand, until the next step or selection. */
	#toggled = $state.raw<{ at: string; open: Partial<Record<StepPass, boolean>> }>();

	readonly #snapshot: Snapshot = $derived(this.#notebook().snapshot);
	/** The line "Next line" runs next; undefined once the iteration is complete. */
	readonly next: LineRun | undefined = $derived(nextLine(this.#snapshot));
	/** The line that ran last, what produced the numbers on screen; undefined at an iteration's start. */
	readonly ran: LineRun | undefined = $derived(previousLine(this.#snapshot));
	/** The lines that compute the selected cell. */
	readonly here: readonly LineId[] = $derived.by(() => {
		const node = this.#sheet.selection;
		return node ? computedBy(node, this.#snapshot.startNet.layers.length) : [];
	});
	/** The next line's watch; its writes have no number yet. */
	readonly watch: Watch | undefined = $derived.by(() => {
		const run = this.next;
		if (!run) return undefined;
		return {
			loops: Object.entries(loopVariables(run)),
			reads: readsOf(this.#snapshot, run),
			writes: writesOf(this.#snapshot, run).map((w) => ({ ...w, value: undefined, partial: false }))
		};
	});
	/** The line that ran last: its loop variables and what it wrote, at the numbers it wrote. */
	readonly wrote: Watch | undefined = $derived.by(() => {
		const run = this.ran;
		if (!run) return undefined;
		const next = this.next;
		const same = next?.pass === run.pass && next.layer === run.layer && next.neuron === run.neuron;
		return {
			// Its neuron's loop variables, when the next line's watch does not already show them
			loops: same ? [] : Object.entries(loopVariables(run)),
			reads: [],
			writes: writesOf(this.#snapshot, run)
		};
	});
	readonly passes: readonly PassView[] = $derived.by(
		() =>
			(this.#passes = keptList(
				this.#passes,
				(Object.keys(LISTING) as StepPass[]).map((pass, n) => this.#passView(pass, this.#passes[n]))
			))
	);
	/** The passes as last shown: a line, or a whole pass, that shows the same stays the same object. */
	#passes: readonly PassView[] = [];

	/**
	 * The listing's one Tab stop (its buttons move by arrow keys, TracerPanel):
	 * the next line, else the line that ran, else the first pass's heading.
	 */
	readonly tabStop: string = $derived.by(() => {
		const open = (run: LineRun | undefined) =>
			run !== undefined && this.passes.some((p) => p.pass === run.pass && p.open);
		if (open(this.next)) return `line:${this.next!.id}`;
		if (open(this.ran)) return `line:${this.ran!.id}`;
		return 'pass:forward';
	});

	constructor(sheet: NotebookState) {
		this.#sheet = sheet;
	}

	// A method, not the field: the fields' $derived are declared before the constructor sets it.
	#notebook(): NotebookState {
		return this.#sheet;
	}

	/** Whether the panel is open: a preference, remembered. */
	get open(): boolean {
		return this.#sheet.preferences.tracerOpen;
	}

	toggle(): void {
		this.#sheet.preferences.tracerOpen = !this.open;
	}

	/** Folds or opens a pass's listing by hand; a step or a selection puts it back as the cursor has it. */
	togglePass(pass: StepPass): void {
		const open = this.passes.find((p) => p.pass === pass)!.open;
		const toggled = this.#toggled;
		const kept = toggled?.at === this.#moment() ? toggled.open : {};
		this.#toggled = { at: this.#moment(), open: { ...kept, [pass]: !open } };
	}

	/** Selects the cell line `id` writes, at the neuron its pass is at (Train's lines: the new number). */
	pick(id: LineId): void {
		const run = runFor(this.#snapshot, id, [this.next, this.ran]);
		if (!run) return;
		const node = writtenNode(this.#snapshot, run);
		this.#sheet.select(node.address, node.stage);
	}

	/** A number as the cells show it, with the page's digits. */
	format(x: number): string {
		return formatNumber(x, this.#sheet.precision);
	}

	/** What a hand-made fold lasts for: this snapshot and this selection. */
	#moment(): string {
		return `${this.#sheet.selected}|${JSON.stringify(this.#snapshot.cursor)}|${this.#snapshot.iteration}`;
	}

	#passView(pass: StepPass, was: PassView | undefined): PassView {
		const { next, ran, here } = this;
		const auto =
			next?.pass === pass || ran?.pass === pass || here.some((id) => passOf(id) === pass);
		const byHand = this.#toggled;
		const toggled = byHand?.at === this.#moment() ? byHand.open[pass] : undefined;
		const layers = this.#snapshot.startNet.layers;
		const lines = LISTING[pass].map((line): LineView => {
			const run = line.id ? runFor(this.#snapshot, line.id, [next, ran]) : undefined;
			const activation = layers[run?.layer ?? 0].activation;
			return {
				depth: line.depth,
				code: line.code(activation),
				id: line.id,
				ran: line.id !== undefined && ran?.id === line.id,
				next: line.id !== undefined && next?.id === line.id,
				here: line.id !== undefined && here.includes(line.id),
				pickable: run !== undefined
			};
		});
		const kept = keptList(was?.lines ?? [], lines);
		const same = was !== undefined && kept.every((line, n) => line === was.lines[n]);
		const open = toggled ?? auto;
		const drawn = open || (was?.drawn ?? false);
		return { pass, name: PASS_NAMES[pass], open, drawn, lines: same ? was.lines : kept };
	}
}
