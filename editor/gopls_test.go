// This file tests the gopls build that includes the suite (WXERRLINT_GOPLS=1):
// diagnostics through gopls check and the quick fix through gopls codeaction.

package editor_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wxerrlint/wxerrlint/internal/fixture"
)

// TestGopls builds wxerrlint-gopls with build-gopls.sh and runs it on the
// fixture module in testdata/fixture: gopls check must show the
// errcodemagic diagnostics, including one that needs a fact from another
// package, and gopls codeaction must offer and apply the quick fix.
//
// Building gopls takes minutes on a cold build cache (and needs the Go
// module proxy once, to fill the module cache), so the test runs only when
// WXERRLINT_GOPLS=1.
func TestGopls(t *testing.T) {
	if os.Getenv("WXERRLINT_GOPLS") != "1" {
		t.Skip("set WXERRLINT_GOPLS=1 to build wxerrlint-gopls and run it on a fixture")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("build-gopls.sh needs sh: %v", err)
	}

	bin := filepath.Join(t.TempDir(), "wxerrlint-gopls")
	start := time.Now()
	run(t, "", nil, sh, "build-gopls.sh", bin)
	t.Logf("build-gopls.sh: %v", time.Since(start).Round(time.Millisecond))

	dir := t.TempDir()
	repoRoot, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	// The fixture requires the codes module of this checkout (its replace
	// directive points at codes/), so that the codes package of the quick
	// fix resolves.
	if err := fixture.CopyModule(filepath.Join("testdata", "fixture"), dir, repoRoot); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "app", "app.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// gopls runs the go command on the fixture, whose one dependency is
	// the codes module of this checkout: nothing may need the network. A fresh GOPLSCACHE makes gopls compute
	// errcode's facts for the sdk package instead of finding them cached.
	env := []string{"GOPLSCACHE=" + t.TempDir(), "GOPROXY=off", "GOWORK=off", "GOFLAGS=-mod=mod"}

	// gopls check prints "file:line:col-col: message" for each diagnostic.
	start = time.Now()
	out := run(t, dir, env, bin, "check", file)
	t.Logf("wxerrlint-gopls check: %v", time.Since(start).Round(time.Millisecond))
	diagRE := regexp.MustCompile(`^(.+):(\d+):(\d+)(?:-[\d:]+)?: (.*)$`)
	var got []string
	for line := range strings.Lines(strings.TrimSpace(out)) {
		m := diagRE.FindStringSubmatch(strings.TrimSuffix(line, "\n"))
		if m == nil || m[1] != file {
			t.Errorf("unexpected gopls check output: %q", line)
			continue
		}
		got = append(got, m[2]+":"+m[3]+": "+m[4])
	}
	field, fieldCol := position(t, src, "r.ErrCode == 40001", "40001")
	getter, getterCol := position(t, src, "r.Code() == 42001", "42001")
	// 45009 is silenced by a //wxerrlint:ignore directive and 45011 is a
	// named constant: any diagnostic there, or anywhere else, is an error.
	want := []string{
		fmt.Sprintf("%d:%d: errcode 40001 compared as a magic number; use codes.InvalidCredential (", field, fieldCol),
		// Reported only if gopls ran errcode on package sdk and passed
		// its getter fact on to package app.
		fmt.Sprintf("%d:%d: errcode 42001 compared as a magic number; use codes.AccessTokenExpired (", getter, getterCol),
	}
	if len(got) != len(want) {
		t.Fatalf("gopls check reported %d diagnostics, want %d:\n%s", len(got), len(want), out)
	}
	slices.Sort(got)
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %q, want prefix %q", got[i], want[i])
		}
	}

	// The quick fix: gopls codeaction -exec prints the file with the edit
	// applied.
	start = time.Now()
	fixed := run(t, dir, env, bin, "codeaction", "-kind=quickfix", "-title=^Use codes\\.InvalidCredential$", "-exec",
		fmt.Sprintf("%s:%d:%d", file, field, fieldCol))
	t.Logf("wxerrlint-gopls codeaction: %v", time.Since(start).Round(time.Millisecond))
	f, err := parser.ParseFile(token.NewFileSet(), file, fixed, parser.ImportsOnly)
	if err != nil {
		t.Fatalf("the fixed file does not parse: %v\n%s", err, fixed)
	}
	if !slices.ContainsFunc(f.Imports, func(imp *ast.ImportSpec) bool {
		return imp.Path.Value == strconv.Quote("github.com/wxerrlint/wxerrlint/codes")
	}) {
		t.Errorf("the fixed file does not import the codes package:\n%s", fixed)
	}
	for _, s := range []string{"r.ErrCode == codes.InvalidCredential", "r.Code() == 42001"} {
		if !strings.Contains(fixed, s) {
			t.Errorf("the fixed file lacks %q:\n%s", s, fixed)
		}
	}
	// gofmt-clean as it is: gopls applies the edits without formatting.
	if formatted, err := format.Source([]byte(fixed)); err != nil || string(formatted) != fixed {
		t.Errorf("the fixed file is not gofmt-clean (err %v):\n%s", err, fixed)
	}
}

// position returns the line and byte column (1-based, as gopls prints
// them) of sub within the unique line of src that contains context.
func position(t *testing.T, src []byte, context, sub string) (line, col int) {
	t.Helper()
	for i, l := range bytes.Split(src, []byte("\n")) {
		if j := bytes.Index(l, []byte(context)); j >= 0 {
			if line != 0 {
				t.Fatalf("the fixture has %q twice", context)
			}
			line, col = i+1, j+strings.Index(context, sub)+1
		}
	}
	if line == 0 {
		t.Fatalf("the fixture lacks %q", context)
	}
	return line, col
}

// run runs name with args in dir (the test's directory if empty), adding
// env to the environment, and returns its standard output. It fails the
// test if the command fails.
func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\nstdout:\n%s\nstderr:\n%s", name, strings.Join(args, " "), err, &stdout, &stderr)
	}
	return stdout.String()
}
