/**
 * Keeping the objects a list drew last: a derived list remade on each step
 * hands its `{#each}` new objects, and every item then re-runs its markup even
 * when it shows exactly what it did. Kept, an unchanged item is the same
 * object, and Svelte's equality stops there.
 */

/** Whether every field of `b` is, by Object.is, the same in `a`. */
export function sameFields<T extends object>(a: T, b: T): boolean {
	return (Object.keys(b) as (keyof T)[]).every((key) => Object.is(a[key], b[key]));
}

/** `next`, with `now`'s item at each place where `same` says it shows what `next`'s does. */
export function keptList<T>(
	now: readonly T[],
	next: readonly T[],
	same: (a: T, b: T) => boolean = sameFields as (a: T, b: T) => boolean
): T[] {
	return next.map((item, n) => (n < now.length && same(now[n], item) ? now[n] : item));
}
