import { describe, expect, it } from 'vitest';
import { preset } from '$lib/engine/document/presets.ts';
import { reinitialise } from '$lib/engine/document/reshape.ts';
import { initialiseNet } from '$lib/engine/fast/init.ts';
import { defaultSeeds, parseSeeds, planSeeds } from './seeds-plan.ts';

const article = preset('article');
const settings = { count: 1000, reportEvery: 100 };

describe('the seeds typed', () => {
	it('are 2 to 8 different whole numbers, separated by commas or spaces', () => {
		expect(parseSeeds('1, 2 3;-4')).toEqual({ ok: true, seeds: [1, 2, 3, -4] });
		expect(parseSeeds('5')).toEqual({
			ok: false,
			error: 'Compare 2 to 8 seeds (one worker each); 1 typed'
		});
		expect(parseSeeds('1 2 3 4 5 6 7 8 9').ok).toBe(false);
		expect(parseSeeds('1, 1.5')).toEqual({ ok: false, error: '“1.5” is not a whole number' });
		expect(parseSeeds('3, 4, 3')).toEqual({ ok: false, error: 'Seed 3 is listed twice' });
	});

	it('default to the notebook’s own seed, then 1, 2, … without it', () => {
		expect(defaultSeeds(7, 3)).toBe('7, 1, 2');
		expect(defaultSeeds(2, 3)).toBe('2, 1, 3');
	});
});

describe('a seed’s run', () => {
	it('starts from the net Re-initialise draws, at iteration 0, with that seed’s samples', () => {
		const planned = planSeeds(article, [3, 9], settings);
		if (!planned.ok) throw new Error(planned.error);
		const [three, nine] = planned.plans;
		const sizes = [2, 3, 3, 2];
		expect(three.plan.request.net).toEqual(initialiseNet(sizes, 'tanh', 3));
		expect(nine.plan.request.net).toEqual(initialiseNet(sizes, 'tanh', 9));
		expect(three.plan.request).toMatchObject({ first: 0, count: 1000, learningRate: 0.001 });
		expect(three.plan.request.source).toMatchObject({ kind: 'generator', seed: 3 });
		const reseeded = reinitialise(article, 3);
		expect(reseeded.ok && three.plan.from.notebook).toEqual(reseeded.ok && reseeded.notebook);
	});

	it('is refused as Run is: a pinned cell, or a seed out of range', () => {
		const pinned = { ...article, overrides: { 'layers.0.neurons.0.total': 1 } };
		const refused = planSeeds(pinned, [1, 2], settings);
		expect(refused.ok || refused.error).toMatch(/^Run is off while a cell is pinned/);
		const far = planSeeds(article, [1, 2 ** 40], settings);
		expect(far.ok || far.error).toMatch(/^Seed 1099511627776: a seed is a whole number/);
	});
});
