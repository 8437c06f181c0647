use std::time::Duration;

pub fn waits() -> [Duration; 3] {
    [
        Duration::from_secs(5), // hardcode-lint: ignore
        Duration::from_secs(7), // noqa: HCL101
        Duration::from_secs(9),
    ]
}
