package cases

import "time"

// délai de grâce, 等待
func Wait() time.Duration {
	caféTimeoutSecs := 30 // «ok»
	_ = caféTimeoutSecs
	étiquette := "naïve 时间"; _ = étiquette; return 4 * time.Second
}
