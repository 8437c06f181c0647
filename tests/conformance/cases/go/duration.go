package cases

import "time"

func Poll() time.Duration {
	time.Sleep(5 * time.Second)
	return 250 * time.Millisecond
}
