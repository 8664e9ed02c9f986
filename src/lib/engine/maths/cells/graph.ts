/**
 * Who reads whom: precedents come from each cell's formula; dependents are
 * their inverse, built once per shape of net (the cells' formulas do not
 * depend on the numbers, only on the layer sizes).
 */
import { allAddresses } from '../addresses.ts';
import { formulaOf } from './cells.ts';
import { layerSizes, type Net } from '../model.ts';

export interface CellGraph {
	readonly addresses: readonly string[];
	precedents(address: string): readonly string[];
	dependents(address: string): readonly string[];
}

const NONE: readonly string[] = [];
const cache = new Map<string, CellGraph>();

export function cellGraph(net: Net): CellGraph {
	const key = layerSizes(net).join('-');
	let graph = cache.get(key);
	if (!graph) {
		graph = buildGraph(net);
		if (cache.size > 8) cache.clear(); // a few shapes are live at once; keep memory bounded
		cache.set(key, graph);
	}
	return graph;
}

function buildGraph(net: Net): CellGraph {
	const addresses = allAddresses(layerSizes(net));
	const precedents = new Map<string, readonly string[]>();
	const dependents = new Map<string, string[]>();
	for (const address of addresses) {
		const reads = formulaOf(net, address)?.precedents ?? NONE;
		precedents.set(address, reads);
		for (const read of reads) {
			let list = dependents.get(read);
			if (!list) dependents.set(read, (list = []));
			list.push(address);
		}
	}
	return {
		addresses,
		precedents: (address) => precedents.get(address) ?? NONE,
		dependents: (address) => dependents.get(address) ?? NONE
	};
}
