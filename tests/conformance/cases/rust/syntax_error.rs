use std::time::Duration;

pub fn broken( {
}

pub fn poll() -> Duration {
    Duration::from_secs(5)
}
