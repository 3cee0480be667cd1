// This file tests that _test.go files are reported only under -errcode.testfiles.

package analyzer_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
)

// TestTestFiles runs the whole suite over testdata/src/testfiles, whose
// plain and test files hold the same findings: by default only the plain
// file's are reported, and with -errcode.testfiles both.
func TestTestFiles(t *testing.T) {
	testdata, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(testdata, "src", "testfiles")
	plain := markedLines(t, filepath.Join(dir, "resp.go"), "reported")
	inTests := markedLines(t, filepath.Join(dir, "resp_test.go"), "in a test file")
	if len(plain) != 2 || len(inTests) != 2 {
		t.Fatalf("testdata markers: want 2 and 2, got %v and %v", plain, inTests)
	}

	if got := suiteFindings(t, testdata, "testfiles"); !slices.Equal(got, plain) {
		t.Errorf("default run:\n got %q\nwant %q", got, plain)
	}

	testutil.SetFlag(t, errcode.Analyzer, "testfiles", "true")
	want := append(slices.Clone(plain), inTests...)
	slices.Sort(want)
	if got := suiteFindings(t, testdata, "testfiles"); !slices.Equal(got, want) {
		t.Errorf("with -errcode.testfiles:\n got %q\nwant %q", got, want)
	}
}

// markedLines returns "file:line check" for each line of file whose
// comment says "<marker>: check".
func markedLines(t *testing.T, file, marker string) []string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	re := regexp.MustCompile(`// ` + marker + `: (\w+)$`)
	var marked []string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			marked = append(marked, fmt.Sprintf("%s:%d %s", filepath.Base(file), line, m[1]))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return marked
}

// suiteFindings loads pkg with its tests from the GOPATH tree testdata,
// runs every analyzer of the suite, and returns its findings as
// "file:line check", sorted and without duplicates (a plain file is
// analysed again in the test variant).
func suiteFindings(t *testing.T, testdata, pkg string) []string {
	t.Helper()
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax,
		Dir:   testdata,
		Env:   append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOWORK=off"),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, pkg)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata does not load")
	}
	graph, err := checker.Analyze(analyzer.Suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			posn := act.Package.Fset.Position(d.Pos)
			found = append(found, fmt.Sprintf("%s:%d %s", filepath.Base(posn.Filename), posn.Line, act.Analyzer.Name))
		}
	}
	slices.Sort(found)
	return slices.Compact(found)
}
