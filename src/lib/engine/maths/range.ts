/** 0, 1, …, n − 1: the indices of n inputs, neurons, weights or columns. */
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
