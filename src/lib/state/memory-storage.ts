/** A Storage kept in memory, for tests of what the page saves in the browser. */
export function memoryStorage(entries: Iterable<readonly [string, string]> = []): Storage {
	const items = new Map<string, string>(entries);
	return {
		get length() {
			return items.size;
		},
		clear: () => items.clear(),
		getItem: (k) => items.get(k) ?? null,
		key: (i) => [...items.keys()][i] ?? null,
		removeItem: (k) => void items.delete(k),
		setItem: (k, value) => void items.set(k, value)
	};
}
