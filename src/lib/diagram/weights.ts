/**
 * The number each link of the diagram stands for, in linkGeometry's order
 * (geometry.ts): its weight, or its weight's gradient once Backward has it.
 * A link is a weight, so the links' order is the parameters' one order
 * (model.ts's parameterPlaces: layer, neuron, input) with the biases left out.
 */
import {
	layerSizes,
	parameterAt,
	parameterPlaces,
	type Net,
	type ParameterPlace
} from '$lib/engine/maths/model.ts';
import { backwardDone, type Snapshot } from '$lib/engine/maths/snapshot.ts';

type LinkPlace = ParameterPlace & { readonly index: number };

const cache = new Map<string, readonly LinkPlace[]>();

/** The weights' places of a net with `sizes`, made once per shape: the diagram reads them every step. */
function linkPlaces(sizes: readonly number[]): readonly LinkPlace[] {
	const key = sizes.join(',');
	let places = cache.get(key);
	if (!places) {
		places = parameterPlaces(sizes).filter((p): p is LinkPlace => p.index !== undefined);
		if (cache.size > 8) cache.clear(); // a few shapes are live at once; keep memory bounded
		cache.set(key, places);
	}
	return places;
}

/** Each link's weight now, in `linkGeometry`'s order. */
export function weightNumbers(net: Net): number[] {
	return linkPlaces(layerSizes(net)).map((place) => parameterAt(net, place)!);
}

/**
 * Each link's weight gradient in `linkGeometry`'s order, undefined until
 * backward has reached its neuron. Read from the arrays directly: parsing ten
 * thousand addresses per step would be wasted work.
 */
export function weightGradientNumbers(s: Snapshot): (number | undefined)[] {
	return linkPlaces(layerSizes(s.net)).map(({ layer, neuron, index }) =>
		backwardDone(s.cursor, layer, neuron) ? s.weightGradients[layer][neuron][index] : undefined
	);
}
