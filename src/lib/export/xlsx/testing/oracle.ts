/**
 * What the engine says every named cell of an exported workbook holds, worked
 * out apart from the exporter: the iteration replayed from its start by the
 * passes, each address read as the notebook reads it.
 */
import { allAddresses, parameterPlaceOf, parseAddress } from '../../../engine/maths/addresses.ts';
import { cellInput, cellValue } from '../../../engine/maths/cells/values.ts';
import { layerSizes } from '../../../engine/maths/model.ts';
import { replayTo } from '../../../engine/maths/passes.ts';
import { createSnapshot, type Snapshot } from '../../../engine/maths/snapshot.ts';
import { cellName } from '../names.ts';

const DONE = { pass: 'done', layer: 0, neuron: 0 } as const;

/** The snapshot an iteration starts from, wherever `s` is in it. */
export const startOf = (s: Snapshot): Snapshot => createSnapshot({ ...s, net: s.startNet });

/** Every defined name of the export of `start`'s iteration, with the engine's number for it. */
export function engineNumbers(start: Snapshot): Map<string, number> {
	const done = replayTo(start, DONE);
	const numbers = new Map<string, number>();
	for (const address of allAddresses(layerSizes(done.net))) {
		const parameter = parameterPlaceOf(parseAddress(address)) !== undefined;
		if (address === 'iteration') numbers.set(cellName(address), start.iteration);
		else if (parameter) {
			numbers.set(cellName(address, 'old'), cellInput(done, address)!);
			numbers.set(cellName(address, 'new'), cellValue(done, address)!);
		} else numbers.set(cellName(address), cellValue(done, address)!);
	}
	return numbers;
}

/** Whether a spreadsheet's `actual` is the engine's `expected`: to 1e-9 relative, or 1e-15 near zero. */
export const agrees = (actual: number | undefined, expected: number): boolean =>
	actual !== undefined && Math.abs(actual - expected) <= Math.max(1e-9 * Math.abs(expected), 1e-15);
