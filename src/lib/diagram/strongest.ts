/**
 * A big net's diagram draws only its strongest links: twelve thousand lines
 * are a blur that costs tens of milliseconds to repaint on every step, while
 * the strongest few hundred show where the net's weight (or gradient) lies.
 */

/** Most links drawn at once. */
const LINKS_DRAWN = 1200;

/**
 * The indices, in order, of the `cap` links whose number is largest in
 * magnitude; a link whose number is not computed yet ranks by its `fallback`
 * (its weight), and an overflowed (NaN) one ranks first. Every index when
 * there are no more than `cap`.
 */
export function strongestLinks(
	numbers: readonly (number | undefined)[],
	fallback: readonly number[],
	cap = LINKS_DRAWN
): number[] {
	const n = numbers.length;
	if (n <= cap) return Array.from({ length: n }, (_, k) => k);
	const strength = new Float64Array(n);
	for (let k = 0; k < n; k++) {
		const s = Math.abs(numbers[k] ?? fallback[k] ?? 0);
		strength[k] = Number.isNaN(s) ? Infinity : s;
	}
	const threshold = strength.slice().sort()[n - cap];
	const shown: number[] = [];
	for (let k = 0; k < n; k++) if (strength[k] > threshold) shown.push(k);
	// Ties at the threshold fill the rest, first come first.
	for (let k = 0; k < n && shown.length < cap; k++) if (strength[k] === threshold) shown.push(k);
	return shown.sort((a, b) => a - b);
}
