export function waits(done) {
  setTimeout(done, 5000); // hardcode-lint: ignore
  setTimeout(done, 7000); // noqa: HCL101
  setTimeout(done, 9000);
}
