package cases

import (
	"time"

	"example.com/m/settings"
)

func Wait() {
	time.Sleep(settings.Get().Poll)
}
