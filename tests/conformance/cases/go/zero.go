package cases

import "time"

func Floor(deadline int) (time.Duration, int) {
	return 0 * time.Second, max(0, deadline)
}
