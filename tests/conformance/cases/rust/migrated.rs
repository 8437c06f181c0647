use std::time::Duration;

use conf::settings;

pub fn poll() -> Duration {
    Duration::from_secs(settings::get().poll)
}
