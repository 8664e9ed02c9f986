/**
 * Compare seeds, planned: the open notebook re-seeded once per seed (exactly
 * the Network section's Re-initialise, reshape.ts's `reinitialise`), each planned as
 * a Run from its iteration 0 (run-plan.ts). Pure.
 *
 * What "seed" means here: the notebook's one `seed`, as Re-initialise uses it —
 * the initial biases and weights and, for a generated dataset, the order of
 * its samples. A samples table or fixed inputs are the same for every seed.
 * We chose this over weights alone so that each seed's result is a notebook
 * of its own that Re-initialise then Run reproduces exactly, and whose file says
 * which seed it is (the README's seed table is of this seed too).
 */
import { dataSourceOf, type Notebook } from '$lib/engine/document/notebook.ts';
import { reinitialise } from '$lib/engine/document/reshape.ts';
import type { Report } from '$lib/engine/fast/trainer.ts';
import { momentOf } from './moment.ts';
import { planRun, runProblem, runSource, type RunPlan, type RunSettings } from './run-plan.ts';

const MIN_SEEDS = 2;
const MAX_SEEDS = 8;

export type ParsedSeeds = { ok: true; seeds: number[] } | { ok: false; error: string };

/** The seeds typed as a list ("1, 2, 3" or "1 2 3"): 2 to 8 different whole numbers. */
export function parseSeeds(text: string): ParsedSeeds {
	const words = text.split(/[\s,;]+/).filter((w) => w !== '');
	const seeds = words.map(Number);
	const bad = words.find((w, i) => !/^[+-]?\d+$/.test(w) || !Number.isSafeInteger(seeds[i]));
	if (bad !== undefined) return { ok: false, error: `“${bad}” is not a whole number` };
	if (seeds.length < MIN_SEEDS || seeds.length > MAX_SEEDS)
		return {
			ok: false,
			error: `Compare ${MIN_SEEDS} to ${MAX_SEEDS} seeds (one worker each); ${seeds.length} typed`
		};
	const twice = seeds.find((s, i) => seeds.indexOf(s) !== i);
	if (twice !== undefined) return { ok: false, error: `Seed ${twice} is listed twice` };
	return { ok: true, seeds };
}

/** The default list: the notebook's own seed, then 1, 2, … (skipping it), `count` in all. */
export function defaultSeeds(own: number, count: number): string {
	const others = Array.from({ length: count }, (_, i) => i + 1).filter((s) => s !== own);
	return [own, ...others].slice(0, count).join(', ');
}

export interface SeedPlan {
	readonly seed: number;
	readonly plan: RunPlan;
}

/** Each seed's run, or why they cannot go (the first refusal: a seed out of range, a pin, a number that is not finite). */
export function planSeeds(
	notebook: Notebook,
	seeds: readonly number[],
	settings: RunSettings
): { ok: true; plans: SeedPlan[] } | { ok: false; error: string } {
	// Predictions belong to the iteration the learner is on, not to a seed's run.
	const { predictions: _, ...file } = notebook;
	const plans: SeedPlan[] = [];
	for (const seed of seeds) {
		const seeded = reinitialise(file, seed);
		if (!seeded.ok) return { ok: false, error: `Seed ${seed}: ${seeded.error}.` };
		const moment = momentOf(seeded.notebook);
		const source = runSource(dataSourceOf(seeded.notebook), moment.start);
		const problem = runProblem(moment.snapshot, source);
		if (problem) return { ok: false, error: problem };
		plans.push({ seed, plan: planRun(moment, source, settings) });
	}
	return { ok: true, plans };
}

/** A seed's final error % per output: its last report's (the run's last interval, partial or not). */
export function finalErrors(reports: readonly Report[]): readonly number[] | undefined {
	return reports.at(-1)?.errorsPercent;
}
