package main

// These tests build the wxerrlint command once and run it, as a command
// and as go vet's -vettool, on testdata/fixture: a module of its own that
// requires the codes module of this repository (codes/) through a replace
// directive, so that fixes may import codes and it needs no network
// (GOPROXY=off).
//
// The fixture's packages:
//
//	api     a response type and an errcode getter (exported as a fact)
//	app     magic-number comparisons, one through api's getter
//	custom  an errcode field named Ret, an errcode only with -errcode.fields=ret
//	clean   comparisons with named constants: nothing to report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	fixturemod "github.com/wxerrlint/wxerrlint/internal/fixture"
)

var (
	cacheDir  string // the command's result cache
	wxerrlint string // the command built by TestMain
	goCmd     string // the go command
	fixture   string // a copy of testdata/fixture shared by tests that do not modify it
	repoRoot  string
)

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	var err error
	if goCmd, err = exec.LookPath("go"); err != nil {
		fmt.Fprintln(os.Stderr, "the go command is needed to build and run wxerrlint:", err)
		return 1
	}
	if repoRoot, err = filepath.Abs(filepath.Join("..", "..")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "wxerrlint-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	cacheDir = filepath.Join(tmp, "cache")

	wxerrlint = filepath.Join(tmp, "wxerrlint")
	build := exec.Command(goCmd, "build", "-buildvcs=false", "-o", wxerrlint, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	fixture = filepath.Join(tmp, "fixture")
	if err := copyFixture(fixture); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// copyFixture copies testdata/fixture to dir, pointing its replace
// directive at this repository.
func copyFixture(dir string) error {
	return fixturemod.CopyModule(filepath.Join("testdata", "fixture"), dir, repoRoot)
}

// tempFixture returns a copy of the fixture that the test may modify.
func tempFixture(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "fixture")
	if err := copyFixture(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// addPackage writes src as the one file of a new package dir/name.
func addPackage(t *testing.T, dir, name, src string) {
	t.Helper()
	if err := os.Mkdir(filepath.Join(dir, name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name, name+".go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

type result struct {
	stdout, stderr string
	code           int
}

// run runs a command in dir, offline, and returns its output and exit
// status.
func run(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	return runEnv(t, nil, dir, name, args...)
}

// runEnv is run with more environment variables.
func runEnv(t *testing.T, env []string, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local",
		"WXERRLINT_CACHE="+cacheDir)
	cmd.Env = append(cmd.Env, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	if exit, ok := err.(*exec.ExitError); ok {
		res.code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	if strings.Contains(res.stderr, "panic:") {
		t.Errorf("%s %s panicked:\n%s", filepath.Base(name), strings.Join(args, " "), res.stderr)
	}
	return res
}

func (r result) String() string {
	return fmt.Sprintf("exit status %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// finding is a diagnostic as it appears in text output.
type finding struct {
	pos     string // file:line:col, the file relative to the fixture
	message string
}

// want returns the finding at the first occurrence of text in file (a
// slash-separated path relative to the fixture), with a message that
// starts with message.
func want(t *testing.T, dir, file, text, message string) finding {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(data), text)
	if i < 0 {
		t.Fatalf("%s does not contain %q", file, text)
	}
	before := string(data[:i])
	line := strings.Count(before, "\n") + 1
	col := i - strings.LastIndex(before, "\n")
	return finding{fmt.Sprintf("%s:%d:%d", filepath.FromSlash(file), line, col), message}
}

var diagLine = regexp.MustCompile(`^(.*\.go:\d+:\d+): (.*)$`)

// findings parses text diagnostics, making file names relative to dir.
func findings(out, dir string) []finding {
	var list []finding
	for _, l := range strings.Split(out, "\n") {
		m := diagLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		pos := strings.TrimPrefix(m[1], dir+string(filepath.Separator))
		list = append(list, finding{pos, m[2]})
	}
	return list
}

// checkFindings reports an error unless every wanted finding is in got and
// no finding in got is at a position in notWanted.
func checkFindings(t *testing.T, res result, got []finding, wanted []finding, notWanted ...finding) {
	t.Helper()
	for _, w := range wanted {
		if !slices.ContainsFunc(got, func(g finding) bool { return g.pos == w.pos && strings.HasPrefix(g.message, w.message) }) {
			t.Errorf("missing finding %s: %s...", w.pos, w.message)
		}
	}
	for _, n := range notWanted {
		if slices.ContainsFunc(got, func(g finding) bool { return g.pos == n.pos }) {
			t.Errorf("unexpected finding at %s", n.pos)
		}
	}
	if t.Failed() {
		t.Logf("%s", res)
	}
}

// The findings that the fixture gets with default flags, and those it gets
// only with flags or without its ignore directive.
func defaultFindings(t *testing.T, dir string) []finding {
	return []finding{
		// Through the getter fact exported for package api.
		want(t, dir, "app/app.go", "40001 {", "errcode 40001 compared as a magic number; use codes.InvalidCredential ("),
		want(t, dir, "app/app.go", "42001:", "errcode 42001 compared as a magic number; use codes.AccessTokenExpired ("),
		want(t, dir, "app/app.go", "400001", "errcode 400001 is not a documented WeChat errcode (a typo?); nearest documented: "),
	}
}

func zeroFinding(t *testing.T, dir string) finding {
	return want(t, dir, "app/app.go", "0:", "errcode 0 compared as a magic number; use codes.OK")
}

func fieldsFinding(t *testing.T, dir string) finding {
	return want(t, dir, "custom/custom.go", "42001", "errcode 42001 compared as a magic number; use codes.AccessTokenExpired")
}

func ignoredFinding(t *testing.T, dir string) finding {
	return want(t, dir, "app/app.go", "45009 {", "errcode 45009 compared as a magic number; use codes.")
}

func TestCommandFindings(t *testing.T) {
	t.Parallel()
	res := run(t, fixture, wxerrlint, "./...")
	if res.code != 3 {
		t.Errorf("wxerrlint ./...: exit status %d, want 3 (findings)", res.code)
	}
	checkFindings(t, res, findings(res.stdout, fixture), defaultFindings(t, fixture),
		zeroFinding(t, fixture), fieldsFinding(t, fixture), ignoredFinding(t, fixture))
	sameAsChecker(t, res, "./...")
}

func TestCommandFlags(t *testing.T) {
	t.Parallel()
	args := []string{"-errcodemagic.zero", "-errcode.fields=ret", "./..."}
	res := run(t, fixture, wxerrlint, args...)
	if res.code != 3 {
		t.Errorf("exit status %d, want 3", res.code)
	}
	checkFindings(t, res, findings(res.stdout, fixture),
		append(defaultFindings(t, fixture), zeroFinding(t, fixture), fieldsFinding(t, fixture)),
		ignoredFinding(t, fixture))
	sameAsChecker(t, res, args...)
	// The second run is a hit in the result cache: same output.
	if again := run(t, fixture, wxerrlint, args...); again != res {
		t.Errorf("second run differs:\n%s\nfirst:\n%s", again, res)
	}
}

// sameAsChecker checks that the x/tools checker, which loads everything
// from source, prints what the command's own driver printed.
func sameAsChecker(t *testing.T, res result, args ...string) {
	t.Helper()
	if stock := runEnv(t, []string{"WXERRLINT_DRIVER=checker"}, fixture, wxerrlint, args...); stock != res {
		t.Errorf("the x/tools checker prints\n%s\nthe command's driver prints\n%s", stock, res)
	}
}

func TestCommandClean(t *testing.T) {
	t.Parallel()
	res := run(t, fixture, wxerrlint, "./clean", "./api")
	if res.code != 0 || res.stderr != "" || res.stdout != "" {
		t.Errorf("wxerrlint on clean packages: want exit status 0 and no output, got\n%s", res)
	}
}

// jsonFinding is the shape of a line of -f json output.
type jsonFinding struct {
	Check    string `json:"check"`
	Position struct {
		File   string `json:"file"`
		Line   int    `json:"line"`
		Column int    `json:"column"`
	} `json:"position"`
	Message string `json:"message"`
	URL     string `json:"url"`
	Fixes   []struct {
		Message string `json:"message"`
		Edits   []struct {
			File string `json:"file"`
			New  string `json:"new"`
		} `json:"edits"`
	} `json:"fixes"`
}

// TestCommandJSON checks -f json (and -json): one object per finding,
// each once although a test variant of the package repeats its files,
// with its check, position relative to the working directory, message,
// URL and fixes; exit status 3.
func TestCommandJSON(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	test := "package app\n\nimport \"testing\"\n\nfunc TestHandle(t *testing.T) { _ = Handle }\n"
	if err := os.WriteFile(filepath.Join(dir, "app", "app_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-f", "json", "./..."}, {"-json", "./..."}} {
		res := run(t, dir, wxerrlint, args...)
		if res.code != 3 {
			t.Errorf("%s: exit status %d, want 3 (findings)", args, res.code)
		}
		var got []finding
		fixes := make(map[string][]string) // position -> new texts of the fixes
		for _, line := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
			var f jsonFinding
			if err := json.Unmarshal([]byte(line), &f); err != nil {
				t.Fatalf("%s: a line does not parse: %v\n%s", args, err, res)
			}
			pos := fmt.Sprintf("%s:%d:%d", filepath.FromSlash(f.Position.File), f.Position.Line, f.Position.Column)
			got = append(got, finding{pos, f.Message})
			if f.Check != "errcodemagic" || !strings.HasSuffix(f.URL, "#errcodemagic") {
				t.Errorf("%s: check %q, URL %q", pos, f.Check, f.URL)
			}
			for _, fix := range f.Fixes {
				for _, e := range fix.Edits {
					fixes[pos] = append(fixes[pos], e.New)
					if e.File != "app/app.go" {
						t.Errorf("%s: a fix edits %q", pos, e.File)
					}
				}
			}
		}
		wanted := defaultFindings(t, dir)
		checkFindings(t, res, got, wanted)
		if len(got) != len(wanted) {
			t.Errorf("%s: got %d findings, want %d:\n%s", args, len(got), len(wanted), res.stdout)
		}
		if f := fixes[wanted[0].pos]; !slices.Contains(f, "codes.InvalidCredential") {
			t.Errorf("the fix of %s has edits %q, want one to codes.InvalidCredential", wanted[0].pos, f)
		}
		if f := fixes[wanted[2].pos]; len(f) != 0 {
			t.Errorf("an undocumented code has no fix, got edits %q", f)
		}
	}

	res := run(t, dir, wxerrlint, "-json", "-errcodemagic=false", "./app")
	if res.code != 0 || res.stdout != "" {
		t.Errorf("with -errcodemagic=false, want no findings, got\n%s", res)
	}
}

// TestCommandText checks the text lines: position relative to the
// working directory, message, check; sorted by position; each finding
// once; on stdout.
func TestCommandText(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	test := "package app\n\nimport \"testing\"\n\nfunc TestHandle(t *testing.T) { _ = Handle }\n"
	if err := os.WriteFile(filepath.Join(dir, "app", "app_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, filepath.Join(dir, "app"), wxerrlint, "./...")
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	if res.code != 3 || res.stderr != "" || len(lines) != 3 {
		t.Fatalf("want exit status 3, three lines on stdout, got\n%s", res)
	}
	for i, f := range defaultFindings(t, dir) {
		wantPrefix := strings.TrimPrefix(f.pos, "app"+string(filepath.Separator)) + ": " + f.message
		if !strings.HasPrefix(lines[i], wantPrefix) || !strings.HasSuffix(lines[i], ") (errcodemagic)") {
			t.Errorf("line %d: %q, want %q... (errcodemagic)", i+1, lines[i], wantPrefix)
		}
	}
}

// TestCommandFix checks -diff and -fix: the merged fixes as a diff, then
// written without reformatting anything else, and the findings that remain
// printed as a plain run on the fixed code prints them, with its exit
// status; both drivers write the same.
func TestCommandFix(t *testing.T) {
	t.Parallel()
	golden, err := os.ReadFile(filepath.Join("testdata", "fixture", "app", "app.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	// A line that gofmt would change stays as it is.
	const unformatted = "\nvar   notFormatted =  1\n"
	for _, env := range [][]string{nil, {"WXERRLINT_DRIVER=checker"}} {
		dir := tempFixture(t)
		appGo := filepath.Join(dir, "app", "app.go")
		orig, err := os.ReadFile(appGo)
		if err != nil {
			t.Fatal(err)
		}
		orig = append(orig, unformatted...)
		if err := os.WriteFile(appGo, orig, 0o644); err != nil {
			t.Fatal(err)
		}

		res := runEnv(t, env, dir, wxerrlint, "-diff", "./...")
		if res.code != 3 {
			t.Errorf("%s -diff: exit status %d, want 3 (findings)\n%s", env, res.code, res)
		}
		for _, want := range []string{"--- a/app/app.go\n+++ b/app/app.go\n", "-\tif r.Code() == 40001 {\n+\tif r.Code() == codes.InvalidCredential {\n", "+\t\"github.com/wxerrlint/wxerrlint/codes\"\n"} {
			if !strings.Contains(res.stdout, want) {
				t.Errorf("%s -diff: the diff lacks %q:\n%s", env, want, res)
			}
		}
		if now, _ := os.ReadFile(appGo); !bytes.Equal(now, orig) {
			t.Errorf("%s -diff modified app.go", env)
		}

		fix := runEnv(t, env, dir, wxerrlint, "-fix", "./...")
		fixed, err := os.ReadFile(appGo)
		if err != nil {
			t.Fatal(err)
		}
		if want := append(golden, unformatted...); !bytes.Equal(fixed, want) {
			t.Errorf("%s -fix wrote app.go:\n%s\nwant (testdata/fixture/app/app.go.golden):\n%s", env, fixed, want)
		}
		// What remains is what a plain run on the fixed code finds: only
		// the finding without a fix.
		plain := runEnv(t, env, dir, wxerrlint, "./...")
		got := findings(plain.stdout, dir)
		if plain.code != 3 || len(got) != 1 || !strings.Contains(got[0].message, "errcode 400001 is not a documented") {
			t.Errorf("%s after -fix, want exit status 3 and only the 400001 finding, got\n%s", env, plain)
		}
		if fix.code != plain.code || fix.stdout != plain.stdout {
			t.Errorf("%s -fix printed\n%s\nwant what remains, as a plain run prints it:\n%s", env, fix, plain)
		}
	}
}

func TestIgnoreDirective(t *testing.T) {
	t.Parallel()
	// The fixture's directive silences 45009 (TestCommandFindings); without
	// the directive it is reported.
	dir := tempFixture(t)
	appGo := filepath.Join(dir, "app", "app.go")
	data, err := os.ReadFile(appGo)
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`(?m)^\s*//wxerrlint:ignore errcodemagic .*\n`).ReplaceAll(data, nil)
	if bytes.Equal(edited, data) {
		t.Fatal("app.go has no //wxerrlint:ignore errcodemagic line")
	}
	if err := os.WriteFile(appGo, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, dir, wxerrlint, "./app")
	checkFindings(t, res, findings(res.stdout, dir), []finding{ignoredFinding(t, dir)})
}

func TestBadFlag(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{wxerrlint, "-nosuchflag", "./..."},
		{wxerrlint, "-errcodemagic.zero=maybe", "./..."},
		{goCmd, "vet", "-vettool=" + wxerrlint, "-nosuchflag", "./..."},
	} {
		res := run(t, fixture, args[0], args[1:]...)
		wantMsg := "flag provided but not defined: -nosuchflag"
		if strings.HasSuffix(args[1], "=maybe") {
			wantMsg = `invalid boolean value "maybe" for -errcodemagic.zero`
		}
		if res.code == 0 || !strings.Contains(res.stderr, wantMsg) {
			t.Errorf("%s: want a non-zero exit status and %q, got\n%s", strings.Join(args[1:], " "), wantMsg, res)
		}
		if args[0] == wxerrlint && res.code != 2 {
			t.Errorf("%s: exit status %d, want 2", strings.Join(args[1:], " "), res.code)
		}
	}
}

func TestPackagesThatDoNotLoad(t *testing.T) {
	t.Parallel()
	dir := tempFixture(t)
	addPackage(t, dir, "broken", "package broken\n\nfunc F() int { return \"not an int\" }\n")
	typeError := filepath.Join("broken", "broken.go") + ":3:"
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{wxerrlint, "./nosuch"}, []string{"nosuch"}},
		{[]string{wxerrlint, "./broken"}, []string{typeError, "cannot use"}},
		{[]string{goCmd, "vet", "-vettool=" + wxerrlint, "./broken"}, []string{typeError, "cannot use"}},
		{[]string{goCmd, "vet", "-vettool=" + wxerrlint, "./nosuch"}, []string{"nosuch"}},
	} {
		res := run(t, dir, tc.args[0], tc.args[1:]...)
		if res.code != 1 {
			t.Errorf("%s: exit status %d, want 1", strings.Join(tc.args[1:], " "), res.code)
		}
		for _, w := range tc.want {
			if !strings.Contains(res.stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", strings.Join(tc.args[1:], " "), w, res)
			}
		}
	}
}

func TestGoVet(t *testing.T) {
	t.Parallel()
	vet := func(args ...string) result {
		return run(t, fixture, goCmd, append([]string{"vet", "-vettool=" + wxerrlint}, args...)...)
	}

	// The finding through api's getter needs the fact that go vet's run on
	// package api wrote and its run on package app read.
	res := vet("./...")
	if res.code != 1 {
		t.Errorf("go vet: exit status %d, want 1 (findings)", res.code)
	}
	checkFindings(t, res, findings(res.stderr, fixture), defaultFindings(t, fixture),
		zeroFinding(t, fixture), fieldsFinding(t, fixture), ignoredFinding(t, fixture))

	// Analyzer flags pass through go vet.
	res = vet("-errcodemagic.zero", "-errcode.fields=ret", "./...")
	checkFindings(t, res, findings(res.stderr, fixture),
		append(defaultFindings(t, fixture), zeroFinding(t, fixture), fieldsFinding(t, fixture)),
		ignoredFinding(t, fixture))

	res = vet("./clean", "./api")
	if res.code != 0 || len(findings(res.stderr, fixture)) != 0 {
		t.Errorf("go vet on clean packages: want exit status 0 and no findings, got\n%s", res)
	}
}
