package cases

import "math"

func Bound(ttl int, n float64) (int, float64) {
	return max(ttl, 1), math.Min(n, 100)
}
