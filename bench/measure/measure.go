// Package measure holds what both forms of the benchmark (cmd/wxbench and
// the go test -bench form) need: medians, and vet tools that miss go vet's
// cache.
package measure

import (
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Median returns the median of xs (the mean of the middle two for an even
// count), or 0 for none.
func Median[T int64 | time.Duration | float64](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// CopyWithNonce copies the executable src to dst with nonce appended. go
// vet keys its cache on the vet tool's content, so the copy runs the same
// code while every vet action misses the cache.
func CopyWithNonce(src, dst, nonce string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, append(data, nonce...), 0o755); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
