// This file tests that the command's result cache deletes only its own files.

package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCacheDirNotOurs checks that the result cache never deletes a file it
// did not write: a directory that is not empty and holds no wxerrlint
// cache is refused, and files a week old in it (the sources of a checkout,
// .git/HEAD, a two-letter directory like the cache's own) all survive.
func TestCacheDirNotOurs(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	for _, name := range []string{".git/HEAD", "ab/notes.txt", "trimmed"} {
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte("user data\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	monthAgo := time.Now().Add(-30 * 24 * time.Hour)
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		if err == nil {
			err = os.Chtimes(path, monthAgo, monthAgo)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	for _, cache := range []string{".", dir, filepath.Join(dir, "ab")} {
		res := runEnv(t, []string{"WXERRLINT_CACHE=" + cache}, dir, wxerrlint, "./...")
		if res.code != 1 || !strings.Contains(res.stderr, "not a wxerrlint cache") || res.stdout != "" {
			t.Errorf("WXERRLINT_CACHE=%s: want exit status 1 and a refusal, got\n%s", cache, res)
		}
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("the cache deleted a user file: %v", err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "ab")); len(entries) != 1 {
		t.Errorf("the cache wrote into a directory that is not its own: %v", entries)
	}

	// An empty directory becomes a cache, and a second run hits it.
	empty := t.TempDir()
	first := runEnv(t, []string{"WXERRLINT_CACHE=" + empty}, fixture, wxerrlint, "./app")
	again := runEnv(t, []string{"WXERRLINT_CACHE=" + empty}, fixture, wxerrlint, "./app")
	if first.code != 3 || first != again {
		t.Errorf("a cache in an empty directory: first run\n%s\nsecond run\n%s", first, again)
	}
}

// TestCacheKeysOnBinaryContent checks that the result cache tells two
// builds of the command apart by content: a rebuild of the same size and
// modification time, at the same path, must not replay the other build's
// result (its messages may differ).
func TestCacheKeysOnBinaryContent(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	build := func(name, buildID string) string {
		out := filepath.Join(tmp, name)
		cmd := exec.Command(goCmd, "build", "-buildvcs=false", "-ldflags=-buildid="+buildID, "-o", out, ".")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, b)
		}
		return out
	}
	a, b := build("a", strings.Repeat("a", 32)), build("b", strings.Repeat("b", 32))
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		t.Fatal(errA, errB)
	}
	if sa.Size() != sb.Size() {
		t.Skipf("the two builds differ in size (%d, %d): the test needs a same-size rebuild", sa.Size(), sb.Size())
	}

	cache := t.TempDir()
	exe := filepath.Join(tmp, "wxerrlint")
	mtime := time.Now().Add(-time.Hour).Truncate(time.Second)
	runAs := func(build string) result {
		data, err := os.ReadFile(build)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(exe, data, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(exe, mtime, mtime); err != nil {
			t.Fatal(err)
		}
		return runEnv(t, []string{"WXERRLINT_CACHE=" + cache}, fixture, exe, "./app")
	}
	// entries counts the run entries, and records the package records
	// (in pkg/) of the cache.
	entries := func() (runs, records int) {
		_ = filepath.WalkDir(cache, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && len(d.Name()) == 64 {
				if strings.Contains(filepath.ToSlash(path), "/pkg/") {
					records++
				} else {
					runs++
				}
			}
			return nil
		})
		return runs, records
	}

	runAs(a)
	runs, records := entries()
	if runs != 1 || records == 0 {
		t.Fatalf("after the first build's run: %d run entries and %d package records, want 1 and some", runs, records)
	}
	runAs(b)
	if n, m := entries(); n != 2 || m != 2*records {
		t.Errorf("after the same-size rebuild's run: %d run entries and %d package records, want 2 and %d (new keys)", n, m, 2*records)
	}
	runAs(b)
	if n, m := entries(); n != 2 || m != 2*records {
		t.Errorf("after the rebuild's second run: %d run entries and %d package records, want 2 and %d (hits)", n, m, 2*records)
	}
}
