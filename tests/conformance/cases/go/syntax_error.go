package cases

import "time"

func Broken( {
}

func Poll() time.Duration {
	return 5 * time.Second
}
