/**
 * Gradient check: the central finite difference (E(θ + h) − E(θ − h)) / 2h of
 * the loss for one weight or bias, beside the analytic gradient backprop gives.
 */
import { parameterPlaceOf, parseAddress } from './addresses.ts';
import { cellValue } from './cells/values.ts';
import { parameterAt, type Net, type ParameterPlace } from './model.ts';
import { step } from './passes.ts';
import { createSnapshot, type Snapshot } from './snapshot.ts';

export interface GradientCheck {
	readonly analytic: number;
	readonly numeric: number;
	readonly relativeError: number;
}

/**
 * Magnitudes below this count as this much in the relative error, so that
 * rounding noise around a zero gradient is not flagged as a disagreement.
 */
const RELATIVE_ERROR_FLOOR = 1e-6;
/** Disagreements above this are flagged. */
export const GRADIENT_CHECK_TOLERANCE = 1e-4;

/** |a − n| / max(|a|, |n|, floor) */
export function relativeError(analytic: number, numeric: number): number {
	const scale = Math.max(Math.abs(analytic), Math.abs(numeric), RELATIVE_ERROR_FLOOR);
	return Math.abs(analytic - numeric) / scale;
}

/** The loss of `net` on the snapshot's sample, with the snapshot's pinned cells. */
function lossOf(s: Snapshot, net: Net): number {
	const start = createSnapshot({ ...s, net, iteration: s.iteration });
	return step(start, 'pass').loss;
}

/** `net` with the parameter at `addr` moved by `delta`. */
function nudged(net: Net, addr: string, delta: number): Net {
	const { layer, neuron, index } = placeOf(addr);
	const layers = [...net.layers];
	const neurons = [...layers[layer].neurons];
	const old = neurons[neuron];
	if (index !== undefined) {
		neurons[neuron] = { ...old, weights: old.weights.map((w, k) => (k === index ? w + delta : w)) };
	} else {
		neurons[neuron] = { ...old, bias: old.bias + delta };
	}
	layers[layer] = { ...layers[layer], neurons };
	return { ...net, layers };
}

function placeOf(addr: string): ParameterPlace {
	const place = parameterPlaceOf(parseAddress(addr));
	if (!place) throw new Error(`${addr} is not a weight or bias`);
	return place;
}

/** ∂E/∂θ by central differences, with a step scaled to θ. */
export function numericGradient(s: Snapshot, addr: string, h = 1e-5): number {
	const theta = parameterAt(s.startNet, placeOf(addr))!;
	const step = h * Math.max(1, Math.abs(theta));
	const plus = lossOf(s, nudged(s.startNet, addr, step));
	const minus = lossOf(s, nudged(s.startNet, addr, -step));
	return (plus - minus) / (2 * step);
}

/** The gradient address of a weight or bias: `…weights.i` → `…weight_gradients.i`. */
export function gradientAddress(addr: string): string {
	return addr
		.replace(/\.weights\.(\d+)$/, '.weight_gradients.$1')
		.replace(/\.bias$/, '.bias_gradient');
}

/**
 * Analytic against numeric for the weight or bias at `addr`. The analytic
 * gradient is the snapshot's own once Backward has computed it (pinned or
 * not), and otherwise a fresh backward pass's.
 */
export function checkGradient(s: Snapshot, addr: string): GradientCheck {
	const gradient = gradientAddress(addr);
	let analytic = cellValue(s, gradient);
	if (analytic === undefined) {
		const fresh = step(step(createSnapshot({ ...s, net: s.startNet }), 'pass'), 'pass');
		analytic = cellValue(fresh, gradient)!;
	}
	const numeric = numericGradient(s, addr);
	return { analytic, numeric, relativeError: relativeError(analytic, numeric) };
}
