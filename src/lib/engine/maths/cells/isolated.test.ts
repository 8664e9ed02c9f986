import { describe, expect, it } from 'vitest';
import { describeAddress, isolated, isolatedLabels } from './words.ts';

describe('labels isolated for bidi on the page', () => {
	it('wraps a label with a character outside ASCII in FSI … PDI, and leaves plain ones', () => {
		expect(isolated('width')).toBe('width');
		expect(isolated('\u202Ewidth')).toBe('\u2068\u202Ewidth\u2069');
		expect(isolated('שטח')).toBe('\u2068שטח\u2069');
		expect(isolated('')).toBe('');
	});

	it('keeps the words around an override in their order', () => {
		const labels = isolatedLabels({ inputs: ['\u202Ewidth'], outputs: ['area'] });
		expect(describeAddress('inputs.0', labels)).toBe('Input 0 (\u2068\u202Ewidth\u2069)');
		expect(describeAddress('targets.0', labels)).toBe('Target 0 (area)');
		expect(isolatedLabels(undefined)).toEqual({ inputs: undefined, outputs: undefined });
	});
});
