import { describe, expect, it } from 'vitest';
import { allAddresses, parseAddress } from '../../engine/maths/addresses.ts';
import { formulaOf } from '../../engine/maths/cells/cells.ts';
import { handNet, seededSnapshot } from '../../engine/__fixtures__/nets.ts';
import { layerSizes } from '../../engine/maths/model.ts';
import { cellFormula } from './formulas.ts';
import { cellName } from './names.ts';

const mixed = seededSnapshot([3, 4, 3, 2], ['sigmoid', 'relu', 'linear'], 4).net;

/** Every name a net's workbook defines: each address, and a parameter's number after Train. */
function allNames(sizes: number[]): string[] {
	return allAddresses(sizes).flatMap((a) => {
		const kind = parseAddress(a)!.kind;
		return kind === 'bias' || kind === 'weights'
			? [cellName(a), cellName(a, 'new')]
			: [cellName(a)];
	});
}

describe('defined names', () => {
	it('are valid spreadsheet names that no spreadsheet reads as a cell reference', () => {
		// Indices up to the limits (LIMITS in model.ts): 16 layers, 256 neurons and inputs.
		const names = allNames([256, 2, 256, ...Array<number>(13).fill(1), 256]);
		// Letters, digits and underscores; not A1 (letters then digits), not R1C1, not a lone R or C.
		const valid = (name: string) =>
			/^[A-Za-z][A-Za-z0-9_]*$/.test(name) &&
			!/^[A-Za-z]{1,3}\d+$|^[RrCc]\d*([RrCc]\d*)?$/.test(name);
		expect(names.filter((name) => !valid(name))).toEqual([]);
		expect(names).toContain('dE_dw_15_255_0');
	});

	it('name every number once, whatever the case', () => {
		const names = allNames([3, 4, 3, 2]).map((n) => n.toLowerCase());
		expect(new Set(names).size).toBe(names.length);
	});

	it('read like the maths', () => {
		expect(cellName('layers.2.neurons.1.weights.0')).toBe('w_2_1_0');
		expect(cellName('layers.2.neurons.1.weights.0', 'new')).toBe('w_2_1_0_new');
		expect(cellName('layers.0.neurons.3.activation_gradient')).toBe('delta_0_3');
		expect(cellName('learning_rate')).toBe('eta');
	});
});

describe('spreadsheet formulas', () => {
	it('are the hand-worked formulas of a 2-2-1 tanh net', () => {
		expect(cellFormula(handNet, 'layers.1.neurons.0.total')).toBe(
			'b_1_0+w_1_0_0*a_0_0+w_1_0_1*a_0_1'
		);
		expect(cellFormula(handNet, 'layers.0.neurons.1.value')).toBe('TANH(z_0_1)');
		expect(cellFormula(handNet, 'layers.1.neurons.0.activation_gradient')).toBe(
			'(1-a_1_0^2)*(a_1_0-t_0)'
		);
		expect(cellFormula(handNet, 'layers.0.neurons.1.activation_gradient')).toBe(
			'(1-a_0_1^2)*(delta_1_0*w_1_0_1)'
		);
		expect(cellFormula(handNet, 'layers.0.neurons.1.weight_gradients.0')).toBe('x_0*delta_0_1');
		expect(cellFormula(handNet, 'layers.0.neurons.1.weights.0')).toBe('w_0_1_0-dE_dw_0_1_0*eta');
		expect(cellFormula(handNet, 'loss')).toBe('0.5*((a_1_0-t_0)^2)');
		expect(cellFormula(handNet, 'inputs.0')).toBeUndefined();
	});

	it('write each activation and its slope', () => {
		expect(cellFormula(mixed, 'layers.0.neurons.0.value')).toBe('1/(1+EXP(-z_0_0))');
		expect(cellFormula(mixed, 'layers.1.neurons.2.value')).toBe('MAX(0,z_1_2)');
		expect(cellFormula(mixed, 'layers.2.neurons.1.value')).toBe('z_2_1');
		expect(cellFormula(mixed, 'layers.0.neurons.0.activation_gradient')).toMatch(
			/^a_0_0\*\(1-a_0_0\)\*\(/
		);
		expect(cellFormula(mixed, 'layers.1.neurons.0.activation_gradient')).toMatch(
			/^IF\(a_1_0>0,1,0\)\*\(/
		);
		expect(cellFormula(mixed, 'layers.2.neurons.0.activation_gradient')).toBe('1*(a_2_0-t_0)');
	});

	it('refer to exactly the precedents of the engine’s cell model', () => {
		for (const net of [handNet, mixed]) {
			for (const address of allAddresses(layerSizes(net))) {
				const formula = cellFormula(net, address);
				const precedents = formulaOf(net, address)?.precedents ?? [];
				if (formula === undefined) {
					expect(precedents).toEqual([]);
					continue;
				}
				const kind = parseAddress(address)!.kind;
				// Train's formula also reads the parameter's own old number.
				const own = kind === 'bias' || kind === 'weights' ? [cellName(address)] : [];
				const referred = formula.match(/\b[A-Za-z][A-Za-z0-9_]*\b(?!\()/g) ?? [];
				expect(new Set(referred)).toEqual(new Set([...own, ...precedents.map((p) => cellName(p))]));
			}
		}
	});
});
