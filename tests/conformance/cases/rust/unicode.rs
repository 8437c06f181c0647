// délai de grâce, 等待
pub fn wait() -> std::time::Duration {
    let café_timeout_secs = 30; // «ok»
    let _ = café_timeout_secs;
    let _étiquette = "naïve 时间"; std::time::Duration::from_secs(4)
}
