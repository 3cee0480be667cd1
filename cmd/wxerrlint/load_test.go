// This file tests loading: a moved GOROOT, and load errors with their cause.

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGOROOTElsewhere checks that the standard library is recognised
// when the go command's GOROOT is not where the binary was built (an
// upgrade, GOTOOLCHAIN): the driver asks the go command, and reads the
// standard library from export data, not from source.
func TestGOROOTElsewhere(t *testing.T) {
	if testing.Short() {
		t.Skip("copies the go command")
	}
	t.Parallel()
	goroot := strings.TrimSpace(run(t, fixture, goCmd, "env", "GOROOT").stdout)
	if goroot == "" {
		t.Fatal("go env GOROOT printed nothing")
	}
	// A GOROOT elsewhere: the go command copied (it finds its GOROOT from
	// its own path), the rest linked.
	moved := filepath.Join(t.TempDir(), "go")
	if err := os.MkdirAll(filepath.Join(moved, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(goroot)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "bin" {
			if err := os.Symlink(filepath.Join(goroot, e.Name()), filepath.Join(moved, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	data, err := os.ReadFile(goCmd)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(moved, "bin", "go"), data, 0o755); err != nil {
		t.Fatal(err)
	}

	dir := tempFixture(t)
	addPackage(t, dir, "decode", "package decode\n\nimport \"encoding/json\"\n\nfunc Decode(b []byte, v any) error { return json.Unmarshal(b, v) }\n")
	env := []string{"GOROOT=", "PATH=" + filepath.Join(moved, "bin") + string(os.PathListSeparator) + os.Getenv("PATH"), "WXERRLINT_CACHE=off"}
	res := runEnv(t, env, dir, wxerrlint, "-timing", "./decode")
	if res.code != 0 {
		t.Fatalf("wxerrlint with GOROOT elsewhere: exit status %d\n%s", res.code, res)
	}
	if got := regexp.MustCompile(`(?m)^driver: .*candidate dependencies: .*$`).FindString(res.stderr); got == "" || strings.Contains(got, "encoding/json") {
		t.Errorf("with the go command's GOROOT at %s, the standard library counts as candidates:\n%s", moved, got)
	}
}

// TestLoadErrorsKeepTheirCause checks that a package that does not load
// is reported with the go command's or the type checker's words, as the
// x/tools checker reports it: a dependency's type error (not "no export
// data"), a go.sum SECURITY ERROR, a module lookup that GOPROXY=off
// forbids, a missing go.sum entry (not "matched no packages").
func TestLoadErrorsKeepTheirCause(t *testing.T) {
	t.Parallel()
	// A module of its own in a temp dir, with the given go.mod lines,
	// go.sum and files.
	module := func(require, gosum string, files map[string]string) string {
		dir := filepath.Join(t.TempDir(), "m")
		files["go.mod"] = "module example.com/m\n\ngo 1.25.0\n" + require
		files["go.sum"] = gosum
		for name, text := range files {
			f := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	// testify is in the module cache: this repository's tests use it.
	testify := regexp.MustCompile(`(?m)^github\.com/stretchr/testify (v\S+) h1:`).FindStringSubmatch(string(must(os.ReadFile(filepath.Join(repoRoot, "go.sum")))))
	if testify == nil {
		t.Fatal("no testify line in go.sum")
	}
	importsTestify := map[string]string{"app/app.go": "package app\n\nimport _ \"github.com/stretchr/testify/assert\"\n"}
	badSum := "github.com/stretchr/testify " + testify[1] + " h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n" +
		"github.com/stretchr/testify " + testify[1] + "/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n"

	for _, tc := range []struct {
		name    string
		dir     string
		pattern string
		want    string
		env     []string
	}{
		{"dependency type error", module("", "", map[string]string{
			"dep/dep.go": "package dep\n\nfunc F() int { return \"x\" }\n",
			"app/app.go": "package app\n\nimport \"example.com/m/dep\"\n\nvar X = dep.F()\n",
		}), "./app", "cannot use \"x\"", nil},
		{"go.sum SECURITY ERROR", module("\nrequire github.com/stretchr/testify "+testify[1]+"\n", badSum, importsTestify), "./...", "SECURITY ERROR", nil},
		{"GOPROXY=off", module("\nrequire example.com/nosuchmod v1.0.0\n", "", map[string]string{
			"app/app.go": "package app\n\nimport _ \"example.com/nosuchmod\"\n",
		}), "./...", "module lookup disabled by GOPROXY=off", nil},
		{"missing go.sum entry", module("\nrequire github.com/stretchr/testify "+testify[1]+"\n", "", importsTestify), "github.com/stretchr/testify/assert", "missing go.sum entry", []string{"GOFLAGS=-mod=readonly"}},
	} {
		env := append([]string{"GOSUMDB=off", "WXERRLINT_CACHE=off"}, tc.env...)
		res := runEnv(t, env, tc.dir, wxerrlint, tc.pattern)
		if res.code != 1 || !strings.Contains(res.stderr, tc.want) {
			t.Errorf("%s: want exit status 1 and %q, got\n%s", tc.name, tc.want, res)
		}
		if stock := runEnv(t, append(env, "WXERRLINT_DRIVER=checker"), tc.dir, wxerrlint, tc.pattern); stock != res {
			t.Errorf("%s: the x/tools checker prints\n%q\nthe command's driver prints\n%q", tc.name, stock, res)
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestLoadErrorsOnce checks that each load error is printed once (not
// again for the package's test variant, nor as a type error that follows
// from it), in the go command's own words, with no line saying that a
// check was skipped.
func TestLoadErrorsOnce(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "m")
	for name, text := range map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.25.0\n",
		"b/b.go":       "package b\n\nfunc F() int { return \"x\" }\n",
		"b/b_test.go":  "package b\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) {}\n",
		"i/i.go":       "package i\n\nimport _ \"example.com/nosuchmod\"\n",
		"i/i_test.go":  "package i\n\nimport \"testing\"\n\nfunc TestI(t *testing.T) {}\n",
		"none/none.go": "package none\n",
	} {
		f := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := []string{"WXERRLINT_CACHE=off"}
	res := runEnv(t, env, dir, wxerrlint, "./b", "./i")
	if res.code != 1 {
		t.Errorf("exit status %d, want 1", res.code)
	}
	for _, want := range []string{
		filepath.Join("b", "b.go") + ":3:23: cannot use \"x\"",
		filepath.Join("i", "i.go") + ":3:8: ",
	} {
		if n := strings.Count(res.stderr, want); n != 1 {
			t.Errorf("%q printed %d times, want once:\n%s", want, n, res)
		}
	}
	for _, not := range []string{"analysis skipped", "could not import", "errcodemagic", "no export data"} {
		if strings.Contains(res.stderr, not) {
			t.Errorf("stderr says %q:\n%s", not, res)
		}
	}

	// No module: the go command's words, not go/packages' wrapping.
	noModule := t.TempDir()
	res = runEnv(t, env, noModule, wxerrlint, ".")
	if res.code != 1 || !strings.Contains(res.stderr, "go.mod file not found") || strings.Contains(res.stderr, "exit status") || strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("outside a module: want exit status 1 and the go command's one line, got\n%s", res)
	}
}
