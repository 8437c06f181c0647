export function poll(done: () => void): void {
  setTimeout(done, 5000);
  const client = { timeout: 250 };
  void client;
}
