export const bound = (ttl, n) => [
  Math.max(ttl, 1),
  Math.min(n, 100),
];
