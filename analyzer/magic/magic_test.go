package magic_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
	"github.com/wxerrlint/wxerrlint/analyzer/magic"
)

func TestMagic(t *testing.T) {
	testdata := testutil.TestData(t)
	testutil.SetFlag(t, magic.Analyzer, "addimport", "true") // the testdata has codes
	results := analysistest.RunWithSuggestedFixes(t, testdata, magic.Analyzer, "magic", "magicalias")
	testutil.GoldenFilesCompile(t, testdata, "magic", "magicalias")
	checkRawFixes(t, results)
}

func TestShadowedNames(t *testing.T) {
	// A local declaration that shadows the codes import or a dot-imported
	// constant at a literal: the fixes of that file import codes anew.
	testdata := testutil.TestData(t)
	testutil.SetFlag(t, magic.Analyzer, "addimport", "true") // the testdata has codes
	results := analysistest.RunWithSuggestedFixes(t, testdata, magic.Analyzer, "magicshadow")
	testutil.GoldenFilesCompile(t, testdata, "magicshadow")
	checkRawFixes(t, results)
}

func TestFixesMerge(t *testing.T) {
	// Several fixes in two files: the fixes of a file carry identical
	// import edits, which the drivers merge (a conflict fails the test).
	testdata := testutil.TestData(t)
	testutil.SetFlag(t, magic.Analyzer, "addimport", "true") // the testdata has codes
	results := analysistest.RunWithSuggestedFixes(t, testdata, magic.Analyzer, "magicmulti")
	testutil.GoldenFilesCompile(t, testdata, "magicmulti")
	checkRawFixes(t, results)
}

func TestImportPlacement(t *testing.T) {
	// The import goes where goimports puts it, with edits that touch only
	// the import lines and the literal, also in a file not gofmt-formatted.
	testdata := testutil.TestData(t)
	testutil.SetFlag(t, magic.Analyzer, "addimport", "true") // the testdata has codes
	results := analysistest.RunWithSuggestedFixes(t, testdata, magic.Analyzer, "magicimports")
	testutil.GoldenFilesCompile(t, testdata, "magicimports")
	checkRawFixes(t, results)
}

func TestSilentPackages(t *testing.T) {
	// WeCom code (by its constants, or by calling a WeCom SDK), generated files.
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magicwecom", "magicwecomcaller", "magicgen")
}

func TestCgo(t *testing.T) {
	// A handwritten file that imports "C" is reported; a generated one is not.
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magiccgo")
}

func TestZeroFlag(t *testing.T) {
	testutil.SetFlag(t, magic.Analyzer, "zero", "true")
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magiczero")
}

func TestWeComFlag(t *testing.T) {
	testutil.SetFlag(t, magic.Analyzer, "wecom", "true")
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magicwecomflag")
}

func TestExtraFields(t *testing.T) {
	testutil.SetFlag(t, errcode.Analyzer, "fields", "RetCode,ret")
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magicfields")
}

func TestNoFixWhereCodesMayNotResolve(t *testing.T) {
	// Without -addimport, a package that does not import codes, directly
	// or not, gets no fix (the import may not resolve in its module) and
	// a message naming the command that makes it resolve; a package that
	// imports codes gets fixes in all its files (magicalias: noimports.go).
	testdata := testutil.TestData(t)
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
