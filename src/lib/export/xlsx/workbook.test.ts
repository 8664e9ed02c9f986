import { describe, expect, it } from 'vitest';
import { handStart, seededSnapshot } from '../../engine/__fixtures__/nets.ts';
import { createSnapshot } from '../../engine/maths/snapshot.ts';
import { iterationXlsx } from './workbook.ts';
import { engineNumbers } from './testing/oracle.ts';
import { loadWorkbook, namedCells, shownNumber } from './testing/workbooks.ts';

describe('the .xlsx file', () => {
	it('reads back with every name, formula and cached number, zeros included', async () => {
		// ReLU neurons whose total is negative have gradients of exactly 0.
		const start = seededSnapshot([3, 4, 3, 2], ['sigmoid', 'relu', 'sigmoid'], 4);
		const workbook = await loadWorkbook(await iterationXlsx({ snapshot: start }));
		const cells = namedCells(workbook);
		const expected = engineNumbers(start);
		expect([...cells.keys()].sort()).toEqual([...expected.keys()].sort());
		// Exact, but for the sign of zero, which the file does not keep.
		const differ = [...expected].filter(([name, value]) => shownNumber(cells.get(name)!) !== value);
		expect(differ).toEqual([]);
		expect([...expected.values()]).toContain(0);
		expect(cells.get('a_1_0')!.formula).toBe('MAX(0,z_1_0)');
		expect(workbook.worksheets.map((s) => s.name)).toEqual([
			'Inputs',
			'Forward',
			'Loss',
			'Backward',
			'Train',
			'Names'
		]);
	});

	it('marks the numbers you set and notes a pinned cell', async () => {
		const pinned = createSnapshot({ ...handStart(), overrides: { 'layers.1.neurons.0.total': 2 } });
		const cells = namedCells(await loadWorkbook(await iterationXlsx({ snapshot: pinned })));
		const fill = (name: string) =>
			(cells.get(name)!.fill as { fgColor?: { argb?: string } }).fgColor?.argb;
		expect(fill('w_0_1_0')).toBe('FFFFF2CC');
		expect(cells.get('w_0_1_0')!.numFmt).toBe('0.000000');
		expect(cells.get('dE_dw_0_1_0')!.numFmt).toBe('0.000E+00');
		expect(cells.get('z_1_0')!.value).toBe(2);
		expect(String(cells.get('z_1_0')!.note)).toContain('=b_1_0+w_1_0_0*a_0_0+w_1_0_1*a_0_1');
	});
});
