package lite

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/bench/gen"
)

func lint(t *testing.T, cfg Config) (string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code, err := Run(cfg, []string{"./..."}, analyzer.Suite, &stdout, &stderr)
	if err != nil {
		t.Fatalf("Run(%+v): %v", cfg, err)
	}
	return stderr.String(), code
}

// TestSameAsFull checks that loading only the source set from source
// reports exactly what loading everything from source (what the x/tools
// checker does) reports, and that -verify finds no fact outside the
// source set, on a generated corpus whose facts cross packages.
func TestSameAsFull(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	dir := t.TempDir()
	if err := gen.Generate(dir, 70); err != nil {
		t.Fatal(err)
	}
	pruned, code := lint(t, Config{Dir: dir, Tests: true})
	if code != 3 || !strings.Contains(pruned, "compared as a magic number") {
		t.Fatalf("pruned run: exit %d, want 3 with diagnostics; output:\n%s", code, pruned)
	}
	full, fcode := lint(t, Config{Dir: dir, Tests: true, Full: true})
	if full != pruned || fcode != code {
		t.Errorf("pruned and full runs differ:\npruned (exit %d):\n%s\nfull (exit %d):\n%s", code, pruned, fcode, full)
	}
	verified, _ := lint(t, Config{Dir: dir, Tests: true, Verify: true})
	if strings.Contains(verified, "outside the source set") || !strings.Contains(verified, "lite: verified:") {
		t.Errorf("verify:\n%s", verified)
	}
}

// TestCache checks that the result cache gives the same output again and
// misses when a file changes.
func TestCache(t *testing.T) {
	dir := t.TempDir()
	if err := gen.Generate(dir, 5); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	cfg := Config{Dir: dir, Tests: true, CacheDir: cache, Args: []string{"./..."}}
	first, code := lint(t, cfg)
	entries, _ := filepath.Glob(filepath.Join(cache, "*", "*"))
	if len(entries) != 1 {
		t.Fatalf("cache holds %d entries after one run, want 1", len(entries))
	}
	again, code2 := lint(t, cfg)
	if again != first || code2 != code {
		t.Errorf("cached run differs:\n%s\nwant:\n%s", again, first)
	}
	// A new magic-number comparison must show up: the key covers the files.
	f := filepath.Join(dir, "api000", "f0000.go")
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("case 40001, 42001:"), []byte("case 40001, 42001, 40014:"), 1)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	changed, _ := lint(t, cfg)
	if !strings.Contains(changed, "errcode 40014") || strings.Contains(first, "errcode 40014") {
		t.Errorf("after adding 40014, output:\n%s\nbefore:\n%s", changed, first)
	}
}
