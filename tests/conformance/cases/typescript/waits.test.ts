export function waitABit(done: () => void): void {
  setTimeout(done, 20);
}
