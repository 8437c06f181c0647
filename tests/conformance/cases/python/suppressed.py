import time

time.sleep(5)  # hardcode-lint: ignore
time.sleep(7)  # noqa: HCL101
time.sleep(9)
