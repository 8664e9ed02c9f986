/**
 * Edits to what an iteration starts from: a parameter, an input, a target,
 * the learning rate, or a pinned cell. Each returns a new start snapshot; the
 * caller replays it to where the iteration was (passes.ts, replayTo), so every
 * pass already run is recomputed and none is run that was not.
 */
import { parseAddress } from './addresses.ts';
import { kindOf } from './cells/kinds.ts';
import { createSnapshot, type Snapshot } from './snapshot.ts';

export type EditResult = { ok: true; start: Snapshot } | { ok: false; error: string };

/**
 * The start snapshot with the cell at `address` set to `value`: a number the
 * user sets is changed as its kind says (cell-kinds table, `set`), a
 * computed one is pinned.
 */
export function editStart(start: Snapshot, address: string, value: number): EditResult {
	const a = parseAddress(address);
	if (!a) return { ok: false, error: `${address} is not a cell` };
	if (!Number.isFinite(value)) return { ok: false, error: 'only a finite number can go here' };
	const kind = kindOf(a);
	const changed =
		kind.setBy === 'passes'
			? { overrides: { ...start.overrides, [address]: value } }
			: (kind.set?.(a, start, value) ?? `${address} cannot be edited`);
	if (typeof changed === 'string') return { ok: false, error: changed };
	return { ok: true, start: createSnapshot({ ...start, net: start.startNet, ...changed }) };
}

/** The start snapshot without the pin on `address`: its formula rules again. */
export function unpinStart(start: Snapshot, address: string): Snapshot {
	const overrides = { ...start.overrides };
	delete overrides[address];
	return createSnapshot({ ...start, net: start.startNet, overrides });
}
