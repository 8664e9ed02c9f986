/** Words and numbers for the Run panel: counts, speeds, time left, error %, gradient size, and how a run ended. */
import { formatCount } from '$lib/engine/document/number-text.ts';
import { formatNumber } from '$lib/tex/numbers.ts';

/** Iterations per second, short: "5.21 M it/s", "830 k it/s", "41 it/s". */
export function formatRate(perSecond: number): string {
	if (!(perSecond > 0) || !Number.isFinite(perSecond)) return '—';
	// By the number as rounded to three digits: 999,600 it/s is "1.00 M", not "1.00e+3 k".
	if (perSecond >= 999.5e3) return `${(perSecond / 1e6).toPrecision(3)} M it/s`;
	if (perSecond >= 999.5) return `${(perSecond / 1e3).toPrecision(3)} k it/s`;
	return `${Math.round(perSecond)} it/s`;
}

/** A duration in seconds, as a person says it: "under 1 s", "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(seconds: number): string {
	if (!Number.isFinite(seconds) || seconds < 0) return '—';
	if (seconds < 1) return 'under 1 s';
	const s = Math.round(seconds);
	if (s < 60) return `${s} s`;
	const pad = (n: number) => String(n).padStart(2, '0');
	if (s < 3600) return `${Math.floor(s / 60)} min ${pad(s % 60)} s`;
	return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
}

/** An error % as the article prints it (3 decimals); ∞ when a target is 0; never a silent NaN. */
export function formatPercent(x: number): string {
	if (Number.isNaN(x)) return 'overflow (NaN)';
	if (x === Infinity) return '∞';
	return `${x.toFixed(3)}%`;
}

/** A layer's mean |δ| to 4 significant digits, small ones with a power of ten: "0.01235", "3.162e−7". */
export function formatGradient(x: number): string {
	if (Number.isNaN(x)) return 'overflow (NaN)';
	return formatNumber(x, 4);
}

export interface Speed {
	/** Iterations per second so far, or NaN before any. */
	readonly rate: number;
	/** Seconds left at that rate, or NaN. */
	readonly left: number;
}

/** The run's average speed and the time left at it. */
export function speedOf(done: number, total: number, seconds: number): Speed {
	const rate = done > 0 && seconds > 0 ? done / seconds : NaN;
	return { rate, left: (total - done) / rate };
}

/** The progress line's parts: "12,000,000 of 100,000,000 iterations", "5.21 M it/s", "17 s left" (no time left once over). */
export function progressParts(
	done: number,
	total: number,
	seconds: number,
	running = true
): string[] {
	const { rate, left } = speedOf(done, total, seconds);
	const parts = [`${formatCount(done)} of ${formatCount(total)} iterations`];
	if (rate > 0) parts.push(formatRate(rate));
	if (rate > 0 && running) parts.push(`${formatDuration(left)} left`);
	return parts;
}

/** The progress line: "12,000,000 of 100,000,000 iterations · 5.21 M it/s · 17 s left". */
export const progressText = (...args: Parameters<typeof progressParts>): string =>
	progressParts(...args).join(' · ');

export type Outcome = 'finished' | 'cancelled' | 'overflow' | 'stopped' | 'failed';

export interface EndFacts {
	readonly outcome: Outcome;
	/** Iterations kept. */
	readonly done: number;
	readonly total: number;
	readonly seconds: number;
	/** The `iteration` cell after the run. */
	readonly iteration: number;
	readonly overflowAt?: number;
	readonly message?: string;
}

/** One sentence on how a run ended and where the notebook now is. */
export function outcomeText(f: EndFacts): string {
	const ran = `${formatCount(f.done)} iteration${f.done === 1 ? '' : 's'}`;
	const speed =
		f.seconds > 0 && f.done > 0
			? ` in ${formatDuration(f.seconds)} (${formatRate(f.done / f.seconds)})`
			: '';
	const resume =
		f.done > 0
			? ` The notebook is at iteration ${formatCount(f.iteration)}; step on from there, or Undo to go back to before the run.`
			: '';
	switch (f.outcome) {
		case 'finished':
			return `Ran ${ran}${speed}.${resume}`;
		case 'cancelled':
			return `Cancelled after ${ran} of ${formatCount(f.total)}${speed}.${resume}`;
		case 'overflow':
			return (
				`Stopped: iteration ${formatCount(f.overflowAt ?? NaN)}'s Train overflowed (a bias or weight ` +
				`became ±∞ or NaN — try a smaller learning rate). ${f.done > 0 ? `Kept the ${ran} before it.` : 'Nothing was kept.'}${resume}`
			);
		case 'stopped':
			return `Stopped after ${ran}: the notebook changed while the run was going (a step, an edit or Undo), so its result was not applied.`;
		case 'failed':
			return `The run failed: ${f.message ?? 'the worker stopped'}. The notebook is as it was.`;
	}
}
