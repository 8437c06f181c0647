use std::time::Duration;

pub fn poll() -> Duration {
    std::thread::sleep(Duration::from_secs(5));
    Duration::from_millis(250)
}
