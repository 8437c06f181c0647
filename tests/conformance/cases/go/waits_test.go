package cases

import (
	"testing"
	"time"
)

func TestWait(t *testing.T) {
	time.Sleep(20 * time.Millisecond)
}
