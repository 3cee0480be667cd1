// This file tests that -fix writes only into the main modules.

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixOutsideMainModule checks that -fix writes nothing when a pattern
// matches a package outside the main module (here a dependency replaced
// by a local directory, as a module cache package would be): it says so
// and exits non-zero, leaving the main module's files alone too.
func TestFixOutsideMainModule(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	dep := filepath.Join(filepath.Dir(dir), "dep")
	if err := os.MkdirAll(dep, 0o755); err != nil {
		t.Fatal(err)
	}
	depGo := filepath.Join(dep, "dep.go")
	files := map[string]string{
		filepath.Join(dep, "go.mod"): "module example.com/dep\n\ngo 1.25.0\n",
		depGo: `package dep

type Resp struct {
	ErrCode int    ` + "`json:\"errcode\"`" + `
	ErrMsg  string ` + "`json:\"errmsg\"`" + `
}

func Expired(r Resp) bool { return r.ErrCode == 42001 }
`,
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gomod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n"...)
	if err := os.WriteFile(gomod, data, 0o644); err != nil {
		t.Fatal(err)
	}
	appGo := filepath.Join(dir, "app", "app.go")
	before := map[string][]byte{}
	for _, f := range []string{depGo, appGo} {
		if before[f], err = os.ReadFile(f); err != nil {
			t.Fatal(err)
		}
	}

	for _, args := range [][]string{
		{"-fix", "example.com/dep"},
		{"-fix", "./app", "example.com/dep"},
		{"-fix", "-test=false", "-errcodemagic.zero", "example.com/dep"},
	} {
		res := run(t, dir, wxerrlint, args...)
		if res.code != 1 || !strings.Contains(res.stderr, "example.com/dep") || !strings.Contains(res.stderr, "outside the main module") {
			t.Errorf("%s: want exit status 1 and a refusal naming example.com/dep, got\n%s", strings.Join(args, " "), res)
		}
		for f, text := range before {
			if now, _ := os.ReadFile(f); !bytes.Equal(now, text) {
				t.Errorf("%s modified %s", strings.Join(args, " "), f)
				os.WriteFile(f, text, 0o644)
			}
		}
	}

	// Without -fix, a dependency's package is only reported, and -diff
	// writes nothing, so it may show the fix.
	res := run(t, dir, wxerrlint, "example.com/dep")
	if res.code != 3 || !strings.Contains(res.stdout, "errcode 42001") {
		t.Errorf("wxerrlint example.com/dep: want the finding, got\n%s", res)
	}
	res = run(t, dir, wxerrlint, "-diff", "example.com/dep")
	if res.code != 3 || !strings.Contains(res.stdout, "codes.AccessTokenExpired") {
		t.Errorf("-fix -diff example.com/dep: want the diff, got\n%s", res)
	}
}

// TestFixInModuleCache checks that -fix run from inside the module cache,
// where a module there is the main module, writes nothing.
func TestFixInModuleCache(t *testing.T) {
	t.Parallel()
	modcache := filepath.Join(t.TempDir(), "mod")
	dir := filepath.Join(modcache, "example.com", "fixture@v1.0.0")
	if err := copyFixture(dir); err != nil {
		t.Fatal(err)
	}
	appGo := filepath.Join(dir, "app", "app.go")
	orig, err := os.ReadFile(appGo)
	if err != nil {
		t.Fatal(err)
	}
	res := runEnv(t, []string{"GOMODCACHE=" + modcache}, dir, wxerrlint, "-fix", "./...")
	if res.code != 1 || !strings.Contains(res.stderr, "module cache") {
		t.Errorf("-fix in the module cache: want exit status 1 and a refusal, got\n%s", res)
	}
	if now, _ := os.ReadFile(appGo); !bytes.Equal(now, orig) {
		t.Errorf("-fix in the module cache modified app.go")
	}
}

// TestFixBuildsWithoutCodes checks that -fix leaves a module that does
// not require the codes module building: it offers no fix that imports
// codes there, and the finding names the command that makes codes
// resolve. Requiring this repository's root module is not enough: codes
// is a module of its own. Requiring the codes module alone is.
func TestFixBuildsWithoutCodes(t *testing.T) {
	t.Parallel()
	const m = `package m

type Resp struct {
	ErrCode int    ` + "`json:\"errcode\"`" + `
	ErrMsg  string ` + "`json:\"errmsg\"`" + `
}

func Expired(r Resp) bool { return r.ErrCode == 42001 }
`
	const header = "module example.com/m\n\ngo 1.25.0\n"
	for _, tc := range []struct {
		name  string
		gomod string
		fixed bool
	}{
		{"no requirement", header, false},
		{"the root module", header + "\nrequire github.com/wxerrlint/wxerrlint v0.0.0\n\nreplace github.com/wxerrlint/wxerrlint => " + filepath.ToSlash(repoRoot) + "\n", false},
		{"the codes module", header + "\nrequire github.com/wxerrlint/wxerrlint/codes v0.0.0\n\nreplace github.com/wxerrlint/wxerrlint/codes => " + filepath.ToSlash(filepath.Join(repoRoot, "codes")) + "\n", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, text := range map[string]string{"go.mod": tc.gomod, "m.go": m} {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			res := run(t, dir, wxerrlint, "-fix", "./...")
			now, _ := os.ReadFile(filepath.Join(dir, "m.go"))
			if tc.fixed {
				if res.code != 0 || !strings.Contains(string(now), "r.ErrCode == codes.AccessTokenExpired") {
					t.Errorf("-fix: want exit status 0 and the fix applied, got\n%s\nm.go:\n%s", res, now)
				}
			} else {
				if res.code != 3 || !strings.Contains(res.stdout, "m.go:8:49: errcode 42001 compared as a magic number; use codes.AccessTokenExpired (") ||
					!strings.Contains(res.stdout, "go get github.com/wxerrlint/wxerrlint/codes") {
					t.Errorf("-fix: want exit status 3 and the finding naming go get, got\n%s", res)
				}
				if string(now) != m {
					t.Errorf("-fix changed m.go:\n%s", now)
				}
			}
			if b := run(t, dir, goCmd, "build", "./..."); b.code != 0 {
				t.Errorf("after -fix, go build fails:\n%s", b)
			}
		})
	}
}

// TestNewFromRev checks -new-from-rev: only the findings on lines changed
// since the revision, and in files git does not track, are reported.
func TestNewFromRev(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := tempFixture(t)
	gitIn := func(args ...string) {
		t.Helper()
		res := runEnv(t, []string{"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@t", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@t"}, dir, "git", args...)
		if res.code != 0 {
			t.Fatalf("git %s: %s", strings.Join(args, " "), res)
		}
	}
	gitIn("init", "-q")
	gitIn("add", ".")
	gitIn("commit", "-q", "-m", "base")
	res := run(t, dir, wxerrlint, "-new-from-rev=HEAD", "./...")
	if res.code != 0 || res.stdout != "" {
		t.Errorf("-new-from-rev=HEAD with nothing changed: want exit status 0 and no finding, got\n%s", res)
	}
	// A new finding on a changed line, one in a new file; the old ones stay
	// out.
	appGo := filepath.Join(dir, "app", "app.go")
	data, err := os.ReadFile(appGo)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte("if r.ErrCode == 400001 {"), []byte("if r.ErrCode == 400001 || r.ErrCode == 45011 {"), 1)
	if err := os.WriteFile(appGo, data, 0o644); err != nil {
		t.Fatal(err)
	}
	src := "package app\n\nimport \"example.com/fixture/api\"\n\nfunc Busy(r *api.Resp) bool { return r.ErrCode == -1 }\n"
	if err := os.WriteFile(filepath.Join(dir, "app", "busy.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	res = run(t, dir, wxerrlint, "-new-from-rev=HEAD", "./...")
	got := findings(res.stdout, dir)
	wanted := []finding{
		want(t, dir, "app/app.go", "400001", "errcode 400001 is not a documented"),
		want(t, dir, "app/app.go", "45011", "errcode 45011 compared as a magic number"),
		want(t, dir, "app/busy.go", "-1", "errcode -1 compared as a magic number"),
	}
	checkFindings(t, res, got, wanted, defaultFindings(t, dir)[:2]...)
	if res.code != 3 || len(got) != len(wanted) {
		t.Errorf("want exit status 3 and %d findings, got\n%s", len(wanted), res)
	}
	if res := run(t, dir, wxerrlint, "-new-from-rev=nosuchrev", "./..."); res.code != 1 || !strings.Contains(res.stderr, `"nosuchrev" is no revision`) {
		t.Errorf("a bad revision: want exit status 1 and an error naming it, got\n%s", res)
	}
}
