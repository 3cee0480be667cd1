// This file runs the suite and the command over the broken and unusual
// fixtures (type errors, syntax errors, cgo, generics, //line directives).

package integration

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const fixturesGolden = "testdata/fixtures.golden"

// TestFixtures runs the suite over the fixtures of testdata/fixtures:
// code with type errors, syntax errors, cgo, generics and //line
// directives. Each must give diagnostics or clean errors, never a panic;
// what they give is compared with testdata/fixtures.golden (-update
// rewrites it).
func TestFixtures(t *testing.T) {
	dir := copyFixtures(t)
	patterns := []string{"./..."}
	if !cgoEnabled(t) {
		t.Fatal("cgo is disabled (CGO_ENABLED=0 or no C compiler): the cgo fixture needs it")
	}
	pkgs := load(t, dir, false, false, patterns...)

	// Only the fixtures meant to be broken may have errors. (go list
	// reports some syntax errors itself, as list errors.)
	broken := map[string]bool{"typeerrors": true, "syntaxerrors": true, "badlinedirectives": true}
	for _, p := range pkgs {
		name := strings.TrimPrefix(p.PkgPath, "fixtures/")
		if len(p.Syntax) == 0 || len(p.Syntax) != len(p.CompiledGoFiles) {
			t.Errorf("%s: %d files parsed of %d", p.PkgPath, len(p.Syntax), len(p.CompiledGoFiles))
		}
		for _, e := range p.Errors {
			if !broken[name] {
				t.Errorf("%s: unexpected error: %v", p.PkgPath, e)
			}
		}
		if broken[name] && !p.IllTyped {
			t.Errorf("%s: want an ill-typed package", p.PkgPath)
		}
	}

	rep := analyze(t, pkgs, relTo(dir))
	var got []string
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Posn, "/") && !strings.HasPrefix(f.Posn, "/nonexistent/") {
			t.Errorf("finding outside the fixtures: %s", f)
		}
		got = append(got, f.String())
	}
	for _, e := range rep.Errors {
		got = append(got, "error\t"+escape(e))
	}
	checkGolden(t, fixturesGolden, got)
}

// TestCommand runs the wxerrlint command, built from the main module, over
// the fixtures with -json and with -fix: whatever it reports, it must not
// crash. -fix must leave the fixed packages compiling.
func TestCommand(t *testing.T) {
	if !cgoEnabled(t) {
		t.Fatal("cgo is disabled (CGO_ENABLED=0 or no C compiler): the cgo fixture needs it")
	}
	bin := filepath.Join(t.TempDir(), "wxerrlint")
	goCmd(t, ".", "build", "-o", bin, "github.com/wxerrlint/wxerrlint/cmd/wxerrlint")
	dir := copyFixtures(t)

	cache := t.TempDir()
	runEnv := func(env []string, args ...string) (string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly", "WXERRLINT_CACHE="+cache)
		cmd.Env = append(cmd.Env, env...)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), "panic:") || strings.Contains(string(out), "goroutine ") {
			t.Fatalf("wxerrlint %s crashed:\n%s", strings.Join(args, " "), out)
		}
		return string(out), code
	}
	run := func(args ...string) (string, int) { return runEnv(nil, args...) }

	// With -json, findings go to stdout; type errors, each once and with
	// no "analysis skipped" line, make the status 1.
	out, code := run("-json", "./...")
	if code != 1 {
		t.Errorf("wxerrlint -json ./...: exit status %d, want 1 (type errors)\n%s", code, out)
	}
	if n := strings.Count(out, "undefined: undefinedFunc"); n != 1 || strings.Contains(out, "analysis skipped") {
		t.Errorf("wxerrlint -json ./... did not print its type error once (%d times), alone:\n%s", n, out)
	}

	// The command's own driver, which loads only candidates from source,
	// prints what the x/tools checker prints, type errors included.
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}} {
		mine, code := run(args...)
		stock, scode := runEnv([]string{"WXERRLINT_DRIVER=checker"}, args...)
		if mine != stock || code != scode {
			t.Errorf("wxerrlint %s: the driver (exit %d) prints\n%s\nthe x/tools checker (exit %d) prints\n%s",
				strings.Join(args, " "), code, mine, scode, stock)
		}
	}

	// -fix on the packages that compile: they must still compile after.
	// The fixes import the codes package of the codes module.
	requireCodesModule(t, dir)
	clean := []string{"./cgo", "./generics", "./linedirectives"}
	out, code = run(append([]string{"-fix"}, clean...)...)
	if code == 2 {
		t.Errorf("wxerrlint -fix: exit status 2:\n%s", out)
	}
	t.Logf("wxerrlint -fix: exit status %d\n%s", code, out)
	cmd := exec.Command("go", append([]string{"vet"}, clean...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("the fixed fixtures do not compile: %v\n%s", err, out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "linedirectives", "linedirectives.go"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(fixed), "codes."); n == 0 {
		t.Errorf("wxerrlint -fix changed nothing behind //line directives:\n%s", fixed)
	}
}

// requireCodesModule makes the module in dir require the codes module
// (codes/ of the repository above), which requires nothing.
func requireCodesModule(t *testing.T, dir string) {
	t.Helper()
	codes, err := filepath.Abs(filepath.Join("..", "codes"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "go.mod"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "\nrequire github.com/wxerrlint/wxerrlint/codes v0.0.0\n\nreplace github.com/wxerrlint/wxerrlint/codes => %s\n", codes)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// copyFixtures copies testdata/fixtures to a temporary directory, renaming
// the *.go.broken files (which gofmt could not parse) to *.go.
func copyFixtures(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("testdata", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, strings.TrimSuffix(rel, ".broken"))
		if d.IsDir() {
			return os.MkdirAll(target, 0o777)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o666)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func cgoEnabled(t *testing.T) bool {
	t.Helper()
	if strings.TrimSpace(goCmd(t, ".", "env", "CGO_ENABLED")) != "1" {
		return false
	}
	cc := strings.Fields(goCmd(t, ".", "env", "CC"))
	if len(cc) == 0 {
		return false
	}
	_, err := exec.LookPath(cc[0])
	return err == nil
}

// checkGolden compares lines with a golden file, or rewrites it under
// -update. The golden file's "# analyzers:" line names the suite.
func checkGolden(t *testing.T, file string, got []string) {
	t.Helper()
	suite := strings.Join(suiteNames(), ",")
	if *update {
		var b strings.Builder
		fmt.Fprintf(&b, "# What the suite reports on testdata/fixtures: findings, then analyzer errors.\n")
		fmt.Fprintf(&b, "# go test -run %s -update rewrites this file.\n", t.Name())
		fmt.Fprintf(&b, "# analyzers: %s\n", suite)
		for _, l := range got {
			b.WriteString(l + "\n")
		}
		if err := os.WriteFile(file, []byte(b.String()), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	var want []string
	made := ""
	for _, l := range strings.Split(string(data), "\n") {
		if a, ok := strings.CutPrefix(l, "# analyzers:"); ok {
			made = strings.TrimSpace(a)
		}
		if l != "" && !strings.HasPrefix(l, "#") {
			want = append(want, l)
		}
	}
	if d := diff(want, got); d != "" || len(want) != len(got) {
		t.Errorf("output differs from %s (- expected, + got); check it, then run go test -run %s -update:\n%s", file, t.Name(), d)
	}
	if made != suite {
		t.Errorf("%s was made with analyzers %q, the suite now holds %q: run go test -run %s -update", file, made, suite, t.Name())
	}
}
