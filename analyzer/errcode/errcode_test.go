// This file tests errcode's facts and which packages are candidates.

package errcode_test

import (
	"go/ast"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), errcode.Analyzer, "errcodefacts")
	// The getter fact (results 1) that errcodemagic's recall test relies on
	// across packages, asserted where that test's input lives.
	magicTestdata, err := filepath.Abs(filepath.Join("..", "magic", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, magicTestdata, errcode.Analyzer, "magicrecall/sdk")
}

// A package is a candidate by its own bytes or by importing one; the
// standard library and packages without WeChat words are not.
func TestCandidates(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), errcode.Analyzer, "candidate/...")
	for _, r := range results {
		in := r.Result.(*errcode.Info)
		if want := r.Pass.Pkg.Path() != "candidate/none"; in.Candidate != want {
			t.Errorf("%s: Candidate = %v, want %v", r.Pass.Pkg.Path(), in.Candidate, want)
		}
		// Outside candidates the Info still answers, and says no.
		for _, f := range r.Pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if e, ok := n.(ast.Expr); ok && !in.Candidate && (in.IsErrcode(e) || in.IsErrmsg(e)) {
					t.Errorf("%s: %s taken for an errcode or errmsg", r.Pass.Pkg.Path(), r.Pass.Fset.Position(e.Pos()))
				}
				return true
			})
		}
	}
}
