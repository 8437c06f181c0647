use std::time::Duration;

pub fn floor(deadline: u64) -> (Duration, u64) {
    (Duration::from_secs(0), deadline.max(0))
}
