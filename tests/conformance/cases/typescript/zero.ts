export function floor(done: () => void, deadline: number): number {
  setTimeout(done, 0);
  return Math.max(0, deadline);
}
