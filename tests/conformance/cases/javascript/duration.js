export function poll(done) {
  setTimeout(done, 5000);
  const client = { timeout: 250 };
  void client;
}
