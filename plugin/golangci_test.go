package plugin_test

// TestGolangciLint builds golangci-lint with this plugin (build-golangci.sh)
// and runs it on testdata/lintme. The build takes a minute or more, so the
// test runs only when WXERRLINT_GOLANGCI=1; WXERRLINT_GOLANGCI_BIN names a
// binary built already, to skip the build.
//
//	WXERRLINT_GOLANGCI=1 go test -run GolangciLint -v ./plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/wxerrlint/wxerrlint/internal/fixture"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGolangciLint(t *testing.T) {
	if os.Getenv("WXERRLINT_GOLANGCI") != "1" {
		t.Skip("set WXERRLINT_GOLANGCI=1 to build golangci-lint with the plugin and run it (a minute or more)")
	}
	bin := os.Getenv("WXERRLINT_GOLANGCI_BIN")
	if bin == "" {
		bin = filepath.Join(t.TempDir(), "golangci-lint")
		start := time.Now()
		cmd := exec.Command("bash", "build-golangci.sh", bin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("build-golangci.sh: %v\n%s", err, out)
		}
		t.Logf("built golangci-lint in %v\n%s", time.Since(start).Round(time.Second), lastLines(out, 3))
	}

	dir := copyModule(t, filepath.Join("testdata", "lintme"))
	cache := t.TempDir()
	var golangciIn func(dir string, args ...string) ([]issue, string, int)
	golangci := func(args ...string) (issues []issue, stderr string, code int) {
		t.Helper()
		return golangciIn(dir, args...)
	}
	golangciIn = func(dir string, args ...string) (issues []issue, stderr string, code int) {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"run", "--output.json.path=stdout", "--output.text.path=stderr", "--show-stats=false"}, args...)...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local", "GOLANGCI_LINT_CACHE="+cache)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if exit, ok := err.(*exec.ExitError); ok {
			code = exit.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code <= 1 { // 0 clean, 1 issues; anything else is an error with no JSON
			var res struct{ Issues []issue }
			if err := json.Unmarshal(out.Bytes(), &res); err != nil {
				t.Fatalf("golangci-lint %s: output does not parse: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, out.String(), errb.String())
			}
			issues = res.Issues
		}
		return issues, errb.String(), code
	}

	appGo := filepath.Join(dir, "app", "app.go")
	src, err := os.ReadFile(appGo)
	if err != nil {
		t.Fatal(err)
	}
	at := func(text string) string { return position(t, src, "app/app.go", text) }
	var (
		viaFact  = at("40001 {") // the getter's fact crosses packages
		zero     = at("0:\n")    // settings: errcodemagic: zero: true
		fields   = at("42001\n") // settings: errcode: fields: [Ret]
		nolinted = at("42001: ") // //nolint:wxerrlint
		ignored  = at("45009 {") // //wxerrlint:ignore
	)

	issues, stderr, code := golangci("./...")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (issues)\n%s", code, stderr)
	}
	got := make(map[string]string) // position -> text of the errcodemagic issues
	for _, is := range issues {
		if is.FromLinter != "wxerrlint" {
			t.Errorf("issue of linter %q, want only wxerrlint: %s", is.FromLinter, is)
		}
		if pos := is.pos(); pos == nolinted || pos == ignored {
			t.Errorf("a silenced line is reported: %s", is)
		}
		if strings.HasPrefix(is.Text, "errcodemagic: ") {
			got[is.pos()] = is.Text
		}
	}
	for pos, want := range map[string]string{
		viaFact: "errcodemagic: errcode 40001 compared as a magic number; use codes.InvalidCredential (",
		zero:    "errcodemagic: errcode 0 compared as a magic number; use codes.OK",
		fields:  "errcodemagic: errcode 42001 compared as a magic number; use codes.AccessTokenExpired (",
	} {
		if !strings.HasPrefix(got[pos], want) {
			t.Errorf("at %s: got %q, want %q...", pos, got[pos], want)
		}
		delete(got, pos)
	}
	for pos, text := range got {
		t.Errorf("unexpected issue at %s: %s", pos, text)
	}

	// Without its //nolint comment, the line is reported: the comment, not
	// something else, silenced it.
	edited := bytes.Replace(src, []byte(" //nolint:wxerrlint"), []byte(" //"), 1)
	if bytes.Equal(edited, src) {
		t.Fatal("app.go has no //nolint:wxerrlint")
	}
	if err := os.WriteFile(appGo, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	issues, stderr, _ = golangci("./app")
	if !hasIssue(issues, nolinted, "errcodemagic: errcode 42001 compared as a magic number") {
		t.Errorf("without //nolint:wxerrlint, %s is not reported: %v\n%s", nolinted, issues, stderr)
	}

	// --fix applies the suggested fixes.
	if _, stderr, code = golangci("--fix", "./app"); code > 1 {
		t.Fatalf("--fix: exit status %d\n%s", code, stderr)
	}
	fixed, err := os.ReadFile(appGo)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"r.Code() == codes.InvalidCredential {", "case codes.AccessTokenExpired:", `"github.com/wxerrlint/wxerrlint/codes"`} {
		if !bytes.Contains(fixed, []byte(want)) {
			t.Errorf("after --fix, app.go lacks %q:\n%s", want, fixed)
		}
	}

	// The quickstart's .golangci.yml is lossless: every finding the
	// wxerrlint command prints arrives, the two on one line too.
	quick := copyModule(t, filepath.Join("..", "examples", "quickstart"))
	issues, stderr, code = golangciIn(quick, "./...")
	quickSrc, err := os.ReadFile(filepath.Join(quick, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ at, text string }{
		{"json.Unmarshal(body, &resp); err != nil {\n\t\treturn \"\"", "errcodeunchecked: errcode of resp (ticketResp) is never checked"},
		{"resp.ErrCode == 42001", "errcoderetry: errcode 42001 (access_token expired) calls for a retry"},
		{"42001 {", "errcodemagic: errcode 42001 compared as a magic number"},
	} {
		if pos := position(t, quickSrc, "main.go", want.at); !hasIssue(issues, pos, want.text) {
			t.Errorf("quickstart: no issue %s: %s...", pos, want.text)
		}
	}
	if code != 1 || len(issues) != 3 {
		t.Errorf("quickstart: exit status %d and %d issues, want 1 and 3: %v\n%s", code, len(issues), issues, stderr)
	}

	// A setting that names nothing is an error that says so.
	bad := filepath.Join(dir, "bad.golangci.yml")
	config := "version: \"2\"\nlinters:\n  default: none\n  enable: [wxerrlint]\n  settings:\n    custom:\n      wxerrlint:\n        type: module\n        settings:\n          errcodemagic:\n            nosuch: true\n"
	if err := os.WriteFile(bad, []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code = golangci("--config", bad, "./..."); code <= 1 || !strings.Contains(stderr, "wxerrlint settings: errcodemagic.nosuch: no such setting") {
		t.Errorf("bad setting: exit status %d, want an error naming it:\n%s", code, stderr)
	}
}

type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

func (is issue) pos() string {
	return fmt.Sprintf("%s:%d:%d", filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column)
}

func (is issue) String() string { return is.pos() + ": " + is.Text }

func hasIssue(issues []issue, pos, text string) bool {
	for _, is := range issues {
		if is.pos() == pos && strings.HasPrefix(is.Text, text) {
			return true
		}
	}
	return false
}

// position returns file:line:col of the first occurrence of text in src.
func position(t *testing.T, src []byte, file, text string) string {
	t.Helper()
	i := bytes.Index(src, []byte(text))
	if i < 0 {
		t.Fatalf("%s does not contain %q", file, text)
	}
	line := bytes.Count(src[:i], []byte("\n")) + 1
	col := i - bytes.LastIndexByte(src[:i], '\n')
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// copyModule copies the module in dir to a temporary directory, pointing
// its replace directive at this repository.
func copyModule(t *testing.T, dir string) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(dir))
	if err := fixture.CopyModule(dir, dst, root); err != nil {
		t.Fatal(err)
	}
	return dst
}

func lastLines(b []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}
