package errcode_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testutil.TestData(t), errcode.Analyzer, "errcodefacts", "magicrecall/sdk")
}

// A package is a candidate by its own bytes or by importing one; the
// standard library and packages without WeChat words are not.
func TestCandidates(t *testing.T) {
	results := analysistest.Run(t, testutil.TestData(t), errcode.Analyzer, "candidate/...")
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
