export function floor(done, deadline) {
  setTimeout(done, 0);
  return Math.max(0, deadline);
}
