package cases

import "time"

func Waits() []time.Duration {
	return []time.Duration{
		5 * time.Second, // hardcode-lint: ignore
		7 * time.Second, // noqa: HCL101
		8 * time.Second, //nolint:hardcodelint
		9 * time.Second,
	}
}
