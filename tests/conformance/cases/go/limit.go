package cases

type Options struct {
	PoolSize int
}

func Pool() Options {
	maxRetries := 3
	_ = maxRetries
	return Options{PoolSize: 10}
}
