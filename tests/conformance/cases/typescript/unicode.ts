// délai de grâce, 等待
export function wait(done: () => void): void {
  const caféTimeoutMs = 30; // «ok»
  void caféTimeoutMs;
  const étiquette = "naïve 时间"; setTimeout(done, 4000); void étiquette;
}
