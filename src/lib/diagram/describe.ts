/** The diagram's accessible name: the net's shape in words. */
/** "Network diagram: 2 inputs, layers of 3, 3 and 2 neurons". */
export function describeNet(sizes: readonly number[]): string {
	const [inputs = 0, ...layers] = sizes;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	const list =
		layers.length === 1
			? `one layer of ${plural(layers[0], 'neuron')}`
			: `layers of ${layers.slice(0, -1).join(', ')} and ${plural(layers.at(-1) ?? 0, 'neuron')}`;
	return `Network diagram: ${plural(inputs, 'input')}, ${list}`;
}
