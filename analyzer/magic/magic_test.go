// This file tests what errcodemagic reports and fixes, package by package.

package magic_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
	"github.com/wxerrlint/wxerrlint/analyzer/magic"
)

// runFixes runs the analyzer on pkgs and checks its fixes three ways: the
// golden files, that they compile, and each fix applied alone.
func runFixes(t *testing.T, pkgs ...string) {
	t.Helper()
	runFixesIn(t, analysistest.TestData(), pkgs...)
}

// runFixesIn is runFixes on the GOPATH tree testdata.
func runFixesIn(t *testing.T, testdata string, pkgs ...string) {
	t.Helper()
	testutil.SetFlag(t, magic.Analyzer, "addimport", "true") // the testdata has codes
	results := analysistest.RunWithSuggestedFixes(t, testdata, magic.Analyzer, pkgs...)
	testutil.GoldenFilesCompile(t, testdata, pkgs...)
	checkRawFixes(t, results)
}

func TestMagic(t *testing.T) {
	runFixes(t, "magic", "magicalias")
}

func TestShadowedNames(t *testing.T) {
	// A local declaration that shadows the codes import or a dot-imported
	// constant at a literal: the fixes of that file import codes anew.
	runFixes(t, "magicshadow")
}

func TestFixesMerge(t *testing.T) {
	// Several fixes in two files: the fixes of a file carry identical
	// import edits, which the drivers merge (a conflict fails the test).
	runFixes(t, "magicmulti")
}

func TestImportPlacement(t *testing.T) {
	// The import goes where goimports puts it, with edits that touch only
	// the import lines and the literal, also in a file not gofmt-formatted
	// (kept as unformatted.go.src, so that gofmt -l over the repository
	// stays quiet, and put in place in a copy of the tree).
	testdata := copyTestData(t)
	src := filepath.Join(testdata, "src", "magicimports", "unformatted.go")
	if err := os.Rename(src+".src", src); err != nil {
		t.Fatal(err)
	}
	runFixesIn(t, testdata, "magicimports")
}

// copyTestData copies the testdata tree into a temporary directory, its
// symbolic links (the codes package) pointing where the originals point.
func copyTestData(t *testing.T) string {
	t.Helper()
	from := analysistest.TestData()
	to := t.TempDir()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			real, err := filepath.EvalSymlinks(path)
			if err != nil {
				return err
			}
			return os.Symlink(real, target)
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

func TestSilentPackages(t *testing.T) {
	// WeCom code (by its constants, or by calling a WeCom SDK), generated files.
	analysistest.Run(t, analysistest.TestData(), magic.Analyzer, "magicwecom", "magicwecomcaller", "magicgen")
}

func TestCgo(t *testing.T) {
	// A handwritten file that imports "C" is reported; a generated one is not.
	analysistest.Run(t, analysistest.TestData(), magic.Analyzer, "magiccgo")
}

func TestZeroFlag(t *testing.T) {
	testutil.SetFlag(t, magic.Analyzer, "zero", "true")
	analysistest.Run(t, analysistest.TestData(), magic.Analyzer, "magiczero")
}

func TestWeComFlag(t *testing.T) {
	testutil.SetFlag(t, magic.Analyzer, "wecom", "true")
	analysistest.Run(t, analysistest.TestData(), magic.Analyzer, "magicwecomflag")
}

func TestExtraFields(t *testing.T) {
	testutil.SetFlag(t, errcode.Analyzer, "fields", "RetCode,ret")
	analysistest.Run(t, analysistest.TestData(), magic.Analyzer, "magicfields")
}

func TestNoFixWhereCodesMayNotResolve(t *testing.T) {
	// Without -addimport, a package that does not import codes, directly
	// or not, gets no fix (the import may not resolve in its module) and
	// a message naming the command that makes it resolve; a package that
	// imports codes gets fixes in all its files (magicalias: noimports.go).
	testdata := analysistest.TestData()
	results := analysistest.Run(t, testdata, magic.Analyzer, "magicnocodes")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) != 0 {
				t.Errorf("%s: a fix where codes may not resolve", r.Pass.Fset.Position(d.Pos))
			}
		}
	}
	fixed := 0
	for _, r := range analysistest.RunWithSuggestedFixes(t, testdata, magic.Analyzer, "magicalias") {
		for _, d := range r.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				t.Errorf("%s: no fix in a package that imports codes", r.Pass.Fset.Position(d.Pos))
			}
			fixed++
		}
	}
	if fixed == 0 {
		t.Error("no finding in magicalias")
	}
}
