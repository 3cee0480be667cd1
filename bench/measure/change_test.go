package measure

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAppendLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	orig := "package a\n"
	if err := os.WriteFile(path, []byte(orig), 0o640); err != nil {
		t.Fatal(err)
	}
	restore, err := AppendLine(path, "wxbench change 1")
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != orig+"\n// wxbench change 1\n" {
		t.Errorf("changed file holds %q", data)
	}
	if err := restore(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != orig {
		t.Errorf("restored file holds %q, want %q", data, orig)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o640 {
		t.Errorf("mode %v after restore", fi.Mode())
	}
	if _, err := AppendLine(path, "two\nlines"); err == nil {
		t.Error("a text with a line end was accepted")
	}
}

func TestFirstGoFile(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b/b.go", "a/a_test.go", "a/testdata/x.go", "a/z.go", "vendor/v/v.go"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("package x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := FirstGoFile(dir)
	if want := filepath.Join(dir, "a", "z.go"); err != nil || got != want {
		t.Errorf("FirstGoFile = %q, %v; want %q", got, err, want)
	}
	if _, err := FirstGoFile(t.TempDir()); err == nil {
		t.Error("no error for a directory without Go files")
	}
}
