// This file tests the result cache's entries and its key.

package driver

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/go/packages"
)

// cacheEntries returns the entry files of the result cache in dir.
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join(dir, "[0-9a-f][0-9a-f]", "*"))
	require.NoError(t, err)
	return entries
}

// TestCacheDamagedEntry checks that a zeroed, truncated, bit-flipped or
// empty entry is a miss, not a replay (a zeroed entry read as exit 0 and
// no output: a false clean).
func TestCacheDamagedEntry(t *testing.T) {
	cache := t.TempDir()
	cfg := Config{Dir: filepath.Join("testdata", "mod"), Tests: true, CacheDir: cache, Args: []string{"./app"}}
	want, wantCode := lint(t, cfg, "./app")
	require.Equal(t, 3, wantCode)
	entries := cacheEntries(t, cache)
	require.Len(t, entries, 1)
	intact, err := os.ReadFile(entries[0])
	require.NoError(t, err)

	flipped := bytes.Clone(intact)
	flipped[len(flipped)-2] ^= 0x04
	for name, damaged := range map[string][]byte{
		"zeroed":    make([]byte, len(intact)),
		"truncated": intact[:len(intact)/2],
		"flipped":   flipped,
		"empty":     nil,
	} {
		require.NoError(t, os.WriteFile(entries[0], damaged, 0o644))
		got, code := lint(t, cfg, "./app")
		assert.Equal(t, want, got, "a %s entry", name)
		assert.Equal(t, wantCode, code, "a %s entry", name)
	}
}

// TestCacheSkipsFailures checks that a run with errors is not cached: a
// passing failure (export data gone during the run, as under a
// concurrent go clean -cache) must not be replayed.
func TestCacheSkipsFailures(t *testing.T) {
	cache := t.TempDir()
	cfg := Config{Dir: filepath.Join("testdata", "mod"), Tests: true, CacheDir: cache, Args: []string{"./app"}}
	testHookListed = func(roots []*packages.Package) {
		packages.Visit(roots, nil, func(p *packages.Package) {
			if p.PkgPath == "example.com/m/plain" {
				p.ExportFile = filepath.Join(t.TempDir(), "removed")
			}
		})
	}
	failed, code := lint(t, cfg, "./app")
	testHookListed = nil
	require.Equal(t, 1, code, failed)
	assert.Contains(t, failed, "example.com/m/plain")
	assert.Empty(t, cacheEntries(t, cache), "a failed run was cached")

	got, code := lint(t, cfg, "./app")
	want, wantCode := lint(t, Config{Dir: cfg.Dir, Tests: true}, "./app")
	assert.Equal(t, want, got)
	assert.Equal(t, wantCode, code)
}

// TestCacheFileEditedDuringRun checks that a file edited after go list
// built its export data, before the driver read it, does not store the
// old result under the key of the new content.
func TestCacheFileEditedDuringRun(t *testing.T) {
	dir := copyMod(t)
	cache := t.TempDir()
	cfg := Config{Dir: dir, Tests: true, CacheDir: cache, Args: []string{"./app"}}
	plain := filepath.Join(dir, "plain", "plain.go")
	testHookListed = func([]*packages.Package) {
		// Trim now takes an int: app, which passes a string, is broken.
		require.NoError(t, os.WriteFile(plain, []byte("package plain\n\nfunc Trim(s int) string { return \"\" }\n"), 0o644))
	}
	lint(t, cfg, "./app")
	testHookListed = nil

	got, code := lint(t, cfg, "./app")
	want, wantCode := lint(t, Config{Dir: dir, Tests: true}, "./app")
	assert.Contains(t, want, "cannot use r.Ticket")
	assert.Equal(t, want, got)
	assert.Equal(t, wantCode, code)
}

// TestCacheKeyGoEnvFile checks that the key covers what go env -w sets
// (the GOENV file), not only the environment: any setting misses the
// cache, and build tags in GOFLAGS add a file with a finding.
func TestCacheKeyGoEnvFile(t *testing.T) {
	dir := copyMod(t)
	tagged := "//go:build wxerrlinttest\n\npackage app\n\nimport \"example.com/m/api\"\n\nfunc Tagged(r *api.Resp) bool { return r.Code() == 40001 }\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app", "tagged.go"), []byte(tagged), 0o644))
	goenv := filepath.Join(t.TempDir(), "go.env")
	require.NoError(t, os.WriteFile(goenv, nil, 0o644))
	t.Setenv("GOENV", goenv)
	t.Setenv("GOFLAGS", "")

	cfg := Config{Dir: dir, Tests: true, CacheDir: t.TempDir(), Args: []string{"./app"}}
	untagged, _ := lint(t, cfg, "./app")
	assert.NotContains(t, untagged, "errcode 40001")
	require.Len(t, cacheEntries(t, cfg.CacheDir), 1)

	require.NoError(t, os.WriteFile(goenv, []byte("GOPRIVATE=example.com/private\n"), 0o644))
	lint(t, cfg, "./app")
	assert.Len(t, cacheEntries(t, cfg.CacheDir), 2, "a setting of the GOENV file did not change the key")

	require.NoError(t, os.WriteFile(goenv, []byte("GOFLAGS=-tags=wxerrlinttest\n"), 0o644))
	withTag, _ := lint(t, cfg, "./app")
	assert.Contains(t, withTag, "errcode 40001", "the cache served a run without the GOENV file's tags")
}

// TestCacheFileEditedAfterScan checks that a run is not stored when a
// file that it parses differs from the file it hashed: an importer of a
// candidate, neither root nor candidate itself, is read again to be
// parsed.
func TestCacheFileEditedAfterScan(t *testing.T) {
	dir := copyMod(t)
	wrap := filepath.Join(dir, "wrap", "wrap.go")
	require.NoError(t, os.MkdirAll(filepath.Dir(wrap), 0o755))
	require.NoError(t, os.WriteFile(wrap, []byte("package wrap\n\nimport \"example.com/m/api\"\n\nfunc Wrap(r *api.Resp) *api.Resp { return r }\n"), 0o644))
	app := filepath.Join(dir, "app", "app.go")
	data, err := os.ReadFile(app)
	require.NoError(t, err)
	data = bytes.Replace(data, []byte("r.Code() == 42001"), []byte("wrap.Wrap(r).Code() == 42001"), 1)
	data = bytes.Replace(data, []byte("import (\n"), []byte("import (\n\t\"example.com/m/wrap\"\n"), 1)
	require.NoError(t, os.WriteFile(app, data, 0o644))

	cache := t.TempDir()
	cfg := Config{Dir: dir, Tests: true, CacheDir: cache, Timing: true, Args: []string{"./app"}}
	testHookScanned = func() {
		require.NoError(t, os.WriteFile(wrap, []byte("package wrap\n\nimport \"example.com/m/api\"\n\n// Wrap returns r.\nfunc Wrap(r *api.Resp) *api.Resp { return r }\n"), 0o644))
	}
	out, code := lint(t, cfg, "./app")
	testHookScanned = nil
	require.Equal(t, 3, code, out)
	require.Contains(t, out, "3 in the source set", "app, api, and wrap, an importer of api, are in the source set")
	require.NotRegexp(t, `candidate dependencies: .*wrap`, out, "wrap is no candidate: it is read again")
	assert.Empty(t, cacheEntries(t, cache), "a run whose file changed after it was hashed was stored")
}

// TestPackageCache checks that after a change in one package, a run
// analyses only that package, and its importers only if its API or facts
// changed; that it reads every other package's facts and findings from the
// package cache; and that it prints what a run without a cache prints.
func TestPackageCache(t *testing.T) {
	dir := copyMod(t)
	cache := t.TempDir()
	var mu sync.Mutex
	var analysed []string
	testHookAnalysed = func(id string) {
		mu.Lock()
		defer mu.Unlock()
		analysed = append(analysed, id)
	}
	defer func() { testHookAnalysed = nil }()
	run := func(cacheDir string) (string, []string) {
		analysed = nil
		out, _ := lint(t, Config{Dir: dir, CacheDir: cacheDir, Args: []string{"./..."}}, "./...")
		slices.Sort(analysed)
		return out, analysed
	}

	_, first := run(cache)
	assert.Equal(t, []string{"example.com/m/api", "example.com/m/app", "example.com/m/client", "example.com/m/codec", "example.com/m/fetch", "example.com/m/plain", "example.com/m/weblog"}, first,
		"the first run analyses the source set and the decoding candidate it asks about (client)")

	for _, tc := range []struct {
		file, add string
		want      []string // analysed again
	}{
		{"fetch/fetch.go", "// a comment", []string{"example.com/m/fetch"}},
		{"fetch/fetch.go", "func Extra() {}", []string{"example.com/m/app", "example.com/m/fetch"}},
		{"plain/plain.go", "// a comment", []string{"example.com/m/plain"}},
		{"plain/plain.go", "const Extra = 1", []string{"example.com/m/app", "example.com/m/plain"}},
		{"client/client.go", "// a comment", []string{"example.com/m/client"}},
		{"client/client.go", "func Extra(v any) error { return nil }", []string{"example.com/m/app", "example.com/m/client", "example.com/m/fetch"}},
		{"app/app.go", "// a comment", []string{"example.com/m/app"}},
	} {
		f := filepath.Join(dir, tc.file)
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(f, append(data, "\n"+tc.add+"\n"...), 0o644))
		out, again := run(cache)
		assert.Equal(t, tc.want, again, "after adding %q to %s", tc.add, tc.file)
		uncached, _ := run("")
		assert.Equal(t, uncached, out, "after adding %q to %s, the package cache changes the output", tc.add, tc.file)
		assert.Contains(t, out, "errcodeunchecked")
	}
}

// TestScanCache checks that a run after the first reads no file of the
// packages in the module cache: what scan learnt of them is kept.
func TestScanCache(t *testing.T) {
	version := regexp.MustCompile(`(?m)^github\.com/stretchr/testify (v\S+) h1:`).FindSubmatch(must(os.ReadFile(filepath.Join("..", "..", "go.sum"))))
	require.NotNil(t, version, "no testify line in go.sum")
	dir := filepath.Join(t.TempDir(), "m")
	for name, text := range map[string]string{
		"go.mod":     "module example.com/m\n\ngo 1.25.0\n\nrequire github.com/stretchr/testify " + string(version[1]) + "\n",
		"go.sum":     string(must(os.ReadFile(filepath.Join("..", "..", "go.sum")))),
		"app/app.go": "package app\n\nimport _ \"github.com/stretchr/testify/assert\"\n",
	} {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	t.Setenv("GOFLAGS", "-mod=mod") // testify's own requirements
	t.Setenv("GOPROXY", "off")
	cache := t.TempDir()
	filesRead := func() int {
		out, _ := lint(t, Config{Dir: dir, CacheDir: cache, Timing: true, Args: []string{"./..."}}, "./...")
		m := regexp.MustCompile(`driver: scan read (\d+) files`).FindStringSubmatch(out)
		require.NotNil(t, m, out)
		n, _ := strconv.Atoi(m[1])
		return n
	}
	first := filesRead()
	assert.Greater(t, first, 10, "the first run reads testify and its dependencies")
	f := filepath.Join(dir, "app", "app.go")
	require.NoError(t, os.WriteFile(f, append(must(os.ReadFile(f)), "\n// edited\n"...), 0o644))
	assert.Equal(t, 1, filesRead(), "after an edit, only the edited package's file is read")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
