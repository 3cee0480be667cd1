// This file tests what the codes module brings into a user's build: the
// table alone, from a module as old as Go 1.21.

package codes_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCodesModuleBringsOnlyItself builds, offline, a user's module that
// requires the codes module of this checkout (as go get will add it once
// it is published) and imports codes: its build list must hold the two
// modules and nothing else, and its go line must stay what it was.
func TestCodesModuleBringsOnlyItself(t *testing.T) {
	codesDir, err := filepath.Abs(filepath.Join("..", "..", "codes"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(codesDir, "codes.go")); err != nil {
		t.Skipf("the codes module is not here (not a checkout): %v", err)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command: %v", err)
	}
	dir := t.TempDir()
	const gomodHead = "module example.com/user\n\ngo 1.21\n"
	files := map[string]string{
		"go.mod": gomodHead + "\nrequire github.com/wxerrlint/wxerrlint/codes v0.0.0\n\n" +
			"replace github.com/wxerrlint/wxerrlint/codes => " + filepath.ToSlash(codesDir) + "\n",
		"main.go": `package main

import (
	"fmt"

	"github.com/wxerrlint/wxerrlint/codes"
)

func main() { fmt.Println(codes.Text(codes.AccessTokenExpired), codes.IsRetryable(42001)) }
`,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(goCmd, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("build", "-o", filepath.Join(dir, "user"), ".")
	if got, want := run("list", "-m", "all"), "example.com/user\ngithub.com/wxerrlint/wxerrlint/codes v0.0.0 => "+codesDir+"\n"; got != want {
		t.Errorf("go list -m all:\n%s\nwant the user's module and the codes module alone:\n%s", got, want)
	}
	if gomod, _ := os.ReadFile(filepath.Join(dir, "go.mod")); !strings.HasPrefix(string(gomod), gomodHead) {
		t.Errorf("requiring the codes module changed the user's go line:\n%s", gomod)
	}
	if _, err := os.Stat(filepath.Join(dir, "go.sum")); err == nil {
		t.Errorf("the user's module needs a go.sum: the codes module requires something")
	}
}
