// This file tests that the command's result cache deletes only its own files.

package main

import (
	"io/fs"
	"os"
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
