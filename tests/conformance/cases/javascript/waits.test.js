export function waitABit(done) {
  setTimeout(done, 20);
}
