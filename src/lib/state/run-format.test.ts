import { describe, it, expect } from 'vitest';
import {
	formatDuration,
	formatPercent,
	formatRate,
	outcomeText,
	progressText,
	speedOf
} from './run-format.ts';

describe('run words', () => {
	it('writes speeds, durations and error % short, and never a silent NaN', () => {
		expect(formatRate(5_213_000)).toBe('5.21 M it/s');
		expect(formatRate(830_400)).toBe('830 k it/s');
		expect(formatRate(41.4)).toBe('41 it/s');
		// At the units' edges, by the number as rounded: never an exponent.
		expect(formatRate(999_600)).toBe('1.00 M it/s');
		expect(formatRate(999_400)).toBe('999 k it/s');
		expect(formatRate(999.7)).toBe('1.00 k it/s');
		expect(formatRate(999.4)).toBe('999 it/s');
		expect(formatRate(NaN)).toBe('—');
		expect(formatDuration(0.4)).toBe('under 1 s');
		expect(formatDuration(12.4)).toBe('12 s');
		expect(formatDuration(185)).toBe('3 min 05 s');
		expect(formatDuration(3725)).toBe('1 h 02 min');
		expect(formatPercent(17.8612)).toBe('17.861%');
		expect(formatPercent(Infinity)).toBe('∞');
		expect(formatPercent(NaN)).toBe('overflow (NaN)');
	});

	it('shows iterations done, the speed and the time left', () => {
		expect(speedOf(20_000_000, 100_000_000, 4)).toEqual({ rate: 5e6, left: 16 });
		expect(progressText(20_000_000, 100_000_000, 4)).toBe(
			'20,000,000 of 100,000,000 iterations · 5.00 M it/s · 16 s left'
		);
		expect(progressText(0, 100, 0)).toBe('0 of 100 iterations');
		expect(progressText(100, 100, 0.5, false)).toBe('100 of 100 iterations · 200 it/s');
	});

	it('says how a run ended and where the notebook is', () => {
		const base = { done: 1000, total: 1000, seconds: 0.5, iteration: 1000 };
		expect(outcomeText({ ...base, outcome: 'finished' })).toBe(
			'Ran 1,000 iterations in under 1 s (2.00 k it/s). The notebook is at iteration 1,000; step on from there, or Undo to go back to before the run.'
		);
		expect(outcomeText({ ...base, outcome: 'cancelled', total: 5000 })).toMatch(
			/^Cancelled after 1,000 iterations of 5,000/
		);
		expect(outcomeText({ ...base, outcome: 'overflow', done: 0, overflowAt: 7 })).toMatch(
			/iteration 7's Train overflowed.*Nothing was kept\.$/
		);
		expect(outcomeText({ ...base, outcome: 'failed', message: 'boom' })).toBe(
			'The run failed: boom. The notebook is as it was.'
		);
	});
});
