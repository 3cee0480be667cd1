// This file tests that the driver reports as the full checker does, and its cache and flags.

package driver

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

func lint(t *testing.T, cfg Config, patterns ...string) (string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code, err := Run(cfg, patterns, analyzer.Suite, &stdout, &stderr)
	require.NoError(t, err)
	return stdout.String() + stderr.String(), code
}

// copyMod copies testdata/mod, which the test may then change.
func copyMod(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "mod")
	require.NoError(t, os.CopyFS(dir, os.DirFS(filepath.Join("testdata", "mod"))))
	return dir
}

// TestSameAsFull checks that loading only the source set from source
// reports what loading everything from source (what the x/tools checker
// does) reports, that the facts the report needs cross from dependencies
// (a getter fact from api, a decoder fact from client, which knows nothing
// of WeChat), and that Verify finds no fact outside the source set.
func TestSameAsFull(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	dir := filepath.Join("testdata", "mod")
	pruned, code := lint(t, Config{Dir: dir, Tests: true}, "./app")
	assert.Equal(t, 3, code)
	assert.Contains(t, pruned, "app.go:16:12: errcode of r (TicketResp) is never checked")
	assert.Contains(t, pruned, "app.go:22:53: errcode 42001 compared as a magic number; use codes.AccessTokenExpired")
	assert.Contains(t, pruned, "menu.go:15:5: errcode of r (MenuResp) is never checked", "a decoder fact through two packages analysed on their own")

	full, fcode := lint(t, Config{Dir: dir, Tests: true, Full: true}, "./app")
	assert.Equal(t, pruned, full, "pruned and full runs differ")
	assert.Equal(t, code, fcode)

	verified, _ := lint(t, Config{Dir: dir, Tests: true, Verify: true}, "./app")
	assert.NotContains(t, verified, "driver: verify:")
	// app and api (an errcode field); not client (a decode), codec,
	// weblog (an errCode parameter), plain, nor the standard library.
	assert.Contains(t, verified, "; source set 2 of ")

	// Unchecked asks for client.Get's facts: client is analysed on its
	// own; nothing asks for codec's, nor for weblog's (app logs a response
	// it checked: only a checker fact would matter).
	timed, _ := lint(t, Config{Dir: dir, Tests: true, Timing: true}, "./app")
	assert.Contains(t, timed, " 2 in the source set (")
	assert.Contains(t, timed, "facts asked for: [example.com/m/client example.com/m/fetch]; read from the package cache: 0\n")
}

// TestVerifyCatchesAWrongAnswer checks that Verify fails when the source
// set alone would print something else: here, when demand.go answers for
// a candidate's facts instead of asking for them.
func TestVerifyCatchesAWrongAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the standard library from source")
	}
	testHookNoAsking = true
	defer func() { testHookNoAsking = false }()
	verified, code := lint(t, Config{Dir: filepath.Join("testdata", "mod"), Tests: true, Verify: true}, "./app")
	assert.NotEqual(t, 0, code)
	assert.Contains(t, verified, "driver: verify: the source set alone prints something else")
}

// TestCache checks that the result cache gives the same output again and
// misses when a file changes.
func TestCache(t *testing.T) {
	dir := copyMod(t)
	cache := t.TempDir()
	cfg := Config{Dir: dir, Tests: true, CacheDir: cache, Args: []string{"./..."}}
	first, code := lint(t, cfg, "./...")
	entries := cacheEntries(t, cache)
	require.Len(t, entries, 1, "cache entries after one run")
	again, code2 := lint(t, cfg, "./...")
	assert.Equal(t, first, again)
	assert.Equal(t, code, code2)
	entries = cacheEntries(t, cache)
	require.Len(t, entries, 1, "the same run again has another key")

	// A new magic number must show up: the key covers the files.
	f := filepath.Join(dir, "app", "app.go")
	data, err := os.ReadFile(f)
	require.NoError(t, err)
	data = bytes.Replace(data, []byte("== 42001 }"), []byte("== 42001 || r.Code() == 40014 }"), 1)
	require.NoError(t, os.WriteFile(f, data, 0o644))
	changed, _ := lint(t, cfg, "./...")
	assert.Contains(t, changed, "errcode 40014")
	assert.NotContains(t, first, "errcode 40014")

	// So does the go line of go.mod: it sets the language version.
	entries = cacheEntries(t, cache)
	before := len(entries)
	gomod := filepath.Join(dir, "go.mod")
	data, err = os.ReadFile(gomod)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(gomod, bytes.Replace(data, []byte("go 1.25.0"), []byte("go 1.24.0"), 1), 0o644))
	lint(t, cfg, "./...")
	entries = cacheEntries(t, cache)
	assert.Len(t, entries, before+1, "changing the go line must miss the cache")
}

// TestCacheJSON checks that a -json run is cached too, both streams.
func TestCacheJSON(t *testing.T) {
	cache := t.TempDir()
	run := func() (string, string, int) {
		var stdout, stderr bytes.Buffer
		cfg := Config{Dir: filepath.Join("testdata", "mod"), Tests: true, JSON: true, CacheDir: cache, Args: []string{"-json", "./app"}}
		code, err := Run(cfg, []string{"./app"}, analyzer.Suite, &stdout, &stderr)
		require.NoError(t, err)
		return stdout.String(), stderr.String(), code
	}
	out, errOut, code := run()
	assert.Contains(t, out, `"errcodeunchecked"`)
	entries := cacheEntries(t, cache)
	require.Len(t, entries, 1)
	out2, errOut2, code2 := run()
	assert.Equal(t, out, out2)
	assert.Equal(t, errOut, errOut2)
	assert.Equal(t, code, code2)
}

// TestTrimCache checks that entries unused for a week go, used ones stay,
// and that a trim runs at most once a day.
func TestTrimCache(t *testing.T) {
	dir := t.TempDir()
	c, err := openCache(dir)
	require.NoError(t, err)
	stale, used := strings.Repeat("a", 64), strings.Repeat("b", 64)
	c.put(stale, result{stderr: []byte("old\n")})
	c.put(used, result{stderr: []byte("used\n"), stdout: []byte("{}\n"), code: 3})
	weekAgo := time.Now().Add(-cacheMaxAge - time.Hour)
	for _, key := range []string{stale, used} {
		require.NoError(t, os.Chtimes(filepath.Join(dir, key[:2], key), weekAgo, weekAgo))
	}
	res, ok := c.get(used) // a hit marks it used
	require.True(t, ok)
	assert.Equal(t, result{stderr: []byte("used\n"), stdout: []byte("{}\n"), code: 3}, res)

	c.put(strings.Repeat("c", 64), result{}) // trimmed today already: no trim
	_, ok = c.get(stale)
	assert.True(t, ok, "trimmed twice in a day")
	require.NoError(t, os.Chtimes(filepath.Join(dir, stale[:2], stale), weekAgo, weekAgo))

	require.NoError(t, os.Chtimes(filepath.Join(dir, "trimmed"), weekAgo, weekAgo))
	c.put(strings.Repeat("d", 64), result{})
	_, ok = c.get(stale)
	assert.False(t, ok, "an entry unused for a week survived")
	_, ok = c.get(used)
	assert.True(t, ok, "an entry in use was removed")
}

// TestTrimOnlyEntries checks that a trim removes only files the cache
// writes: not a file someone put in the cache directory or in one of its
// subdirectories, however old.
func TestTrimOnlyEntries(t *testing.T) {
	dir := t.TempDir()
	c, err := openCache(dir)
	require.NoError(t, err)
	entry := strings.Repeat("a", 64)
	c.put(entry, result{stderr: []byte("old\n")})
	foreign := []string{"notes.txt", "aa/notes.txt", "aa/" + strings.Repeat("b", 64), "aa/" + entry + ".txt", "zz/" + strings.Repeat("z", 64), cacheReadme}
	for _, name := range foreign {
		f := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(f), 0o755))
		if name != cacheReadme {
			require.NoError(t, os.WriteFile(f, []byte("user data\n"), 0o644))
		}
	}
	monthAgo := time.Now().Add(-30 * 24 * time.Hour)
	require.NoError(t, filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err == nil {
			err = os.Chtimes(path, monthAgo, monthAgo)
		}
		return err
	}))
	c.trim()
	_, ok := c.get(entry)
	assert.False(t, ok, "an entry unused for a month survived")
	for _, name := range foreign {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		assert.NoError(t, err, "the trim removed a file the cache did not write")
	}
}

// TestOpenCache checks that a cache is created only in a new or empty
// directory and that a directory holding anything else is refused.
func TestOpenCache(t *testing.T) {
	fresh := filepath.Join(t.TempDir(), "new", "cache")
	_, err := openCache(fresh)
	require.NoError(t, err)
	_, err = openCache(fresh)
	require.NoError(t, err, "a cache is its own")
	_, err = openCache(t.TempDir())
	require.NoError(t, err, "an empty directory")

	used := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(used, "main.go"), []byte("package main\n"), 0o644))
	_, err = openCache(used)
	require.ErrorContains(t, err, "not a wxerrlint cache")
	_, err = os.Stat(filepath.Join(used, cacheReadme))
	assert.ErrorIs(t, err, fs.ErrNotExist, "a refused directory was written to")

	// A README that is not the cache's is no mark.
	other := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(other, cacheReadme), []byte("my project\n"), 0o644))
	_, err = openCache(other)
	require.ErrorContains(t, err, "not a wxerrlint cache")

	// A cache of an earlier wxerrlint, without a README, is adopted; with
	// one more file, it is not.
	earlier := t.TempDir()
	key := strings.Repeat("e", 64)
	require.NoError(t, os.Mkdir(filepath.Join(earlier, "ee"), 0o755))
	for _, name := range []string{"trimmed", "ee/" + key, "ee/tmp-123"} {
		require.NoError(t, os.WriteFile(filepath.Join(earlier, filepath.FromSlash(name)), nil, 0o644))
	}
	extra := filepath.Join(earlier, "ee", "notes.txt")
	require.NoError(t, os.WriteFile(extra, nil, 0o644))
	_, err = openCache(earlier)
	require.ErrorContains(t, err, "not a wxerrlint cache")
	require.NoError(t, os.Remove(extra))
	_, err = openCache(earlier)
	require.NoError(t, err, "a cache of an earlier wxerrlint")

	// A cache whose README is the one wxerrlint wrote before package
	// records is adopted, and its README says what it now holds.
	v1 := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(v1, cacheReadme), []byte(cacheReadmeTextV1), 0o644))
	_, err = openCache(v1)
	require.NoError(t, err, "a cache of the README before package records")
	readme, err := os.ReadFile(filepath.Join(v1, cacheReadme))
	require.NoError(t, err)
	assert.Equal(t, cacheReadmeText, string(readme))

	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	_, err = openCache(file)
	require.Error(t, err, "a file is no cache directory")
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		ok       bool
		analyzer []string
	}{
		{[]string{"./..."}, true, []string{"errcodemagic", "errcoderetry", "errcodeunchecked"}},
		{[]string{"-test=false", "-json", "-errcoderetry.strict", "-errcode.fields=Code", "./..."}, true, []string{"errcodemagic", "errcoderetry", "errcodeunchecked"}},
		{[]string{"-errcodemagic", "./..."}, true, []string{"errcodemagic"}},
		{[]string{"-errcodemagic=false", "./..."}, true, []string{"errcoderetry", "errcodeunchecked"}},
		{[]string{"-fix", "./..."}, true, []string{"errcodemagic", "errcoderetry", "errcodeunchecked"}},
		{[]string{"-diff", "-f", "sarif", "-tags=a,b", "./..."}, true, []string{"errcodemagic", "errcoderetry", "errcodeunchecked"}},
		{[]string{"-c=2", "./..."}, true, []string{"errcodemagic", "errcoderetry", "errcodeunchecked"}},
		// Not the driver's: go vet's protocol, help, flags it does not
		// have (the x/tools checker's -debug), a bad format, no patterns.
		{[]string{"-debug=f", "./..."}, false, nil},
		{[]string{"-f", "xml", "./..."}, false, nil},
		{[]string{"-V=full"}, false, nil},
		{[]string{"-flags"}, false, nil},
		{[]string{"/tmp/go-build/vet.cfg"}, false, nil},
		{[]string{"-errcodemagic.zero", "/tmp/go-build/vet.cfg"}, false, nil},
		{[]string{"-help"}, false, nil},
		{nil, false, nil},
	} {
		cfg, run, patterns, ok := Parse(analyzer.Suite, tc.args)
		if !assert.Equal(t, tc.ok, ok, "%q", tc.args) || !ok {
			continue
		}
		var names []string
		for _, a := range run {
			names = append(names, a.Name)
		}
		assert.ElementsMatch(t, tc.analyzer, names, "%q", tc.args)
		assert.Equal(t, []string{"./..."}, patterns)
		assert.Equal(t, tc.args, cfg.Args)
		if strings.Contains(strings.Join(tc.args, " "), "-test=false") {
			assert.False(t, cfg.Tests)
			assert.True(t, cfg.JSON)
		}
	}
	// Reset the flags the cases set.
	for a := range analyzer.WithRequired(analyzer.Suite) {
		a.Flags.VisitAll(func(f *flag.Flag) { _ = f.Value.Set(f.DefValue) })
	}
}

// TestTestFilesAskNothing checks that by default a function in a test file
// is not summarised (nothing is reported there), so a decoder that only a
// test calls is never analysed; with -errcode.testfiles it is.
func TestTestFilesAskNothing(t *testing.T) {
	dir := filepath.Join("testdata", "testonly")
	out, code := lint(t, Config{Dir: dir, Tests: true, Timing: true}, "./shop")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "facts asked for: []")

	f := errcode.Analyzer.Flags.Lookup("testfiles")
	require.NoError(t, f.Value.Set("true"))
	t.Cleanup(func() { _ = f.Value.Set("false") })
	out, code = lint(t, Config{Dir: dir, Tests: true, Timing: true}, "./shop")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "facts asked for: [example.com/t/decoder]")
}
