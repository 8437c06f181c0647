pub fn bound(ttl: u64, n: u64) -> (u64, u64) {
    let low = ttl.max(1);
    (low, std::cmp::min(n, 100))
}
