pub struct Pool {
    pub max_size: usize,
}

pub fn pool() -> Pool {
    let batch_size = 500;
    let _ = batch_size;
    Pool {
        max_size: 10,
    }
}
