/** E = ½ Σ_k (a_k − t_k)², the loss whose gradient the backward pass follows. */
export function loss(values: readonly number[], targets: readonly number[]): number {
	let sum = 0;
	for (let k = 0; k < values.length; k++) {
		const difference = values[k] - targets[k];
		sum += difference * difference;
	}
	return 0.5 * sum;
}

/**
 * The article's error %: |t − a| / |t| · 100. An exact hit is 0 % even when
 * t = 0; any other miss of a zero target is Infinity %, and shows as such.
 */
export function errorPercent(value: number, target: number): number {
	if (value === target) return 0;
	return (Math.abs(target - value) / Math.abs(target)) * 100;
}
