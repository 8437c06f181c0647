export const bound = (ttl: number, n: number): number[] => [
  Math.max(ttl, 1),
  Math.min(n, 100),
];
