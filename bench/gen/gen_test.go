package gen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// files returns the contents of the .go files under dir by relative path.
func files(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(dir, path)
		out[rel] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestGenerate(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := Generate(dir, 103); err != nil {
			t.Fatal(err)
		}
	}
	fa, fb := files(t, a), files(t, b)
	if len(fa) != 103 {
		t.Errorf("wrote %d .go files, want 103", len(fa))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	// Every api package starts with an API file that uses its parent's
	// getter, so facts cross package boundaries.
	if !bytes.Contains(fa[filepath.Join("api003", "f0060.go")], []byte("api001.Decode20(data)")) {
		t.Errorf("api003/f0060.go does not call its parent's decoder")
	}
	if err := Generate(a, 10); err == nil {
		t.Errorf("Generate into a non-empty directory: no error")
	}
	if err := Generate(t.TempDir(), 2); err == nil {
		t.Errorf("Generate of 2 files: no error")
	}
}
