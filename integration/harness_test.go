// This file loads packages and runs the suite for the integration tests,
// and prints findings in the expectations files' form.

package integration

import (
	"bytes"
	"fmt"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer"
)

// A finding is one diagnostic, printed as analyzer<TAB>file:line:col<TAB>message.
type finding struct {
	Analyzer string
	Posn     string // file:line:col, file relative to the corpus root
	Message  string
}

func (f finding) String() string {
	return f.Analyzer + "\t" + f.Posn + "\t" + escape(f.Message)
}

// escape keeps a message on one line of one column.
func escape(s string) string {
	return strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`).Replace(s)
}

// A report is what one run of the suite produced.
type report struct {
	Findings []finding // sorted, without duplicates (test variants repeat files)
	Errors   []string  // errors of analyzer actions, sorted, without duplicates
	Actions  int       // analyzer × package actions run, dependencies included
}

// suiteNames returns the names of the analyzers of the suite.
func suiteNames() []string {
	var names []string
	for _, a := range analyzer.Suite {
		names = append(names, a.Name)
	}
	return names
}

// loadMode is what multichecker loads when an analyzer has facts: every
// package, dependencies included, from source.
const loadMode = packages.LoadAllSyntax | packages.NeedModule

// load loads the packages matching patterns in dir and fails the test if
// the patterns match nothing or if wantClean and any package, dependencies
// included, has errors.
func load(t testing.TB, dir string, tests, wantClean bool, patterns ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode:  loadMode,
		Dir:   dir,
		Tests: tests,
		Env:   append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading %s in %s: %v", strings.Join(patterns, " "), dir, err)
	}
	if len(pkgs) == 0 {
		t.Fatalf("%s matched no packages in %s", strings.Join(patterns, " "), dir)
	}
	if wantClean {
		var errs []string
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				errs = append(errs, e.Error())
			}
		})
		if len(errs) > 0 {
			t.Fatalf("%d errors loading %s:\n%s", len(errs), strings.Join(patterns, " "), strings.Join(errs, "\n"))
		}
	}
	return pkgs
}

// analyze runs every analyzer of the suite (with the analyzers they
// require, on every dependency for the fact-producing ones) on pkgs, the
// way multichecker does. It does not recover panics: a panic fails the
// test binary. Facts go through gob encoding, as under go vet.
// rel maps an absolute file name to the name to print.
func analyze(t testing.TB, pkgs []*packages.Package, rel func(string) string) report {
	t.Helper()
	graph, err := checker.Analyze(analyzer.Suite, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Fatalf("checker.Analyze: %v", err)
	}
	var rep report
	seen := make(map[finding]bool)
	seenErr := make(map[string]bool)
	for act := range graph.All() {
		rep.Actions++
		if act.Err != nil {
			msg := fmt.Sprintf("%s@%s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
			if !seenErr[msg] {
				seenErr[msg] = true
				rep.Errors = append(rep.Errors, msg)
			}
		}
		for _, d := range act.Diagnostics {
			f := finding{
				Analyzer: act.Analyzer.Name,
				Posn:     posn(act.Package.Fset, d.Pos, rel),
				Message:  d.Message,
			}
			if !seen[f] {
				seen[f] = true
				rep.Findings = append(rep.Findings, f)
			}
		}
	}
	sortFindings(rep.Findings)
	sort.Strings(rep.Errors)
	return rep
}

// posn prints pos as file:line:col, with the line directives applied.
func posn(fset *token.FileSet, pos token.Pos, rel func(string) string) string {
	p := fset.Position(pos)
	if !p.IsValid() {
		return "-"
	}
	return fmt.Sprintf("%s:%d:%d", rel(p.Filename), p.Line, p.Column)
}

func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Posn != b.Posn {
			return lessPosn(a.Posn, b.Posn)
		}
		if a.Analyzer != b.Analyzer {
			return a.Analyzer < b.Analyzer
		}
		return a.Message < b.Message
	})
}

// lessPosn orders file:line:col by file, then numerically.
func lessPosn(a, b string) bool {
	fa, la, ca := splitPosn(a)
	fb, lb, cb := splitPosn(b)
	if fa != fb {
		return fa < fb
	}
	if la != lb {
		return la < lb
	}
	return ca < cb
}

func splitPosn(p string) (file string, line, col int) {
	i := strings.LastIndexByte(p, ':')
	if i < 0 {
		return p, 0, 0
	}
	j := strings.LastIndexByte(p[:i], ':')
	if j < 0 {
		return p, 0, 0
	}
	fmt.Sscan(p[j+1:i], &line)
	fmt.Sscan(p[i+1:], &col)
	return p[:j], line, col
}

// relTo returns a rel function that prints file names relative to root
// (with forward slashes), and others in full.
func relTo(root string) func(string) string {
	return func(name string) string {
		if r, err := filepath.Rel(root, name); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return name
	}
}

// moduleDir returns the directory of a module of the build list of the
// integration module, downloading it if needed.
func moduleDir(t testing.TB, path string) string {
	t.Helper()
	out := goCmd(t, ".", "list", "-mod=readonly", "-m", "-f", "{{.Dir}}", path)
	dir := strings.TrimSpace(out)
	if dir == "" {
		goCmd(t, ".", "mod", "download", path)
		dir = strings.TrimSpace(goCmd(t, ".", "list", "-mod=readonly", "-m", "-f", "{{.Dir}}", path))
	}
	if dir == "" {
		t.Fatalf("module %s has no directory", path)
	}
	return dir
}

// goCmd runs the go command and returns its standard output.
func goCmd(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return string(out)
}
