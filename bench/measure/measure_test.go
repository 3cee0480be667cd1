package measure

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []int64
		want int64
	}{{nil, 0}, {[]int64{5}, 5}, {[]int64{9, 1, 5}, 5}, {[]int64{4, 1, 3, 2}, 2}} {
		if got := Median(tc.in); got != tc.want {
			t.Errorf("Median(%v) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestCopyWithNonce(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "tool")
	if err := os.WriteFile(src, []byte("binary"), 0o755); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "copies", "tool-1")
	if err := CopyWithNonce(src, dst, "-n1"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(dst)
	if err != nil || string(data) != "binary-n1" {
		t.Errorf("copy holds %q (%v), want %q", data, err, "binary-n1")
	}
	if fi, err := os.Stat(dst); err != nil || fi.Mode()&0o100 == 0 {
		t.Errorf("copy is not executable: %v %v", fi, err)
	}
}
