// This file tests what errcoderetry reports, with and without -strict.

package retry_test

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
	"github.com/wxerrlint/wxerrlint/analyzer/retry"
)

// TestAnalyzer runs the default flags on every package at once: each Run
// analyzes the standard library again, since the analyzer has facts.
//
//   - retrybasic: the retry forms, each retry class, literals and named
//     constants, refresh without retry and retry without refresh;
//   - retrycallback: callbacks of retry-go, backoff v4/v5 and go-retry,
//     permanent errors;
//   - retryfacts/...: facts across packages, markers, and (plain) no facts
//     in a package without WeChat code;
//   - retrynostrict: generic failure checks, silent without -strict;
//   - retrywecom, retrygen: silent packages;
//   - retrybad: type errors and generics;
//   - retrytoken: 40001 from an access-token endpoint itself (no refresh
//     advice), and the cases that stay reported;
//   - retryfallthrough: branches that fall off a handler's end or into a
//     shared error return, and those whose fate cannot be told.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retry.Analyzer,
		"retrybasic", "retrycallback", "retryfacts/...", "retrynostrict", "retrywecom", "retrygen", "retrybad", "retrytoken", "retryfallthrough")
}

// Functions of another module named by -retriers and -refreshers retry
// and refresh the token, as the markers declare in this module; with
// -retriers alone, the 42001 branch still lacks a refresh.
func TestThirdPartyFlags(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retry.Analyzer, "retrythirdparty/off")
	testutil.SetFlag(t, retry.Analyzer, "retriers", "retrythirdparty/lib.Again")
	testutil.SetFlag(t, retry.Analyzer, "refreshers", "retrythirdparty/lib.Sync")
	analysistest.Run(t, analysistest.TestData(), retry.Analyzer, "retrythirdparty/on")
}

func TestStrict(t *testing.T) {
	testutil.SetFlag(t, retry.Analyzer, "strict", "true")
	analysistest.Run(t, analysistest.TestData(), retry.Analyzer, "retrystrict")
}

// discard swallows the errors analysistest reports: TestStrictOff reads
// the diagnostics from the results instead.
type discard struct{}

func (discard) Errorf(string, ...any) {}

func TestStrictOff(t *testing.T) {
	// TestAnalyzer runs retrynostrict without -strict and expects nothing;
	// with it, each of its two functions is reported once.
	testutil.SetFlag(t, retry.Analyzer, "strict", "true")
	results := analysistest.Run(discard{}, analysistest.TestData(), retry.Analyzer, "retrynostrict")
	var got []string
	for _, r := range results {
		if r.Action.Err != nil {
			t.Fatal(r.Action.Err)
		}
		for _, d := range r.Action.Diagnostics {
			if !strings.HasPrefix(d.Message, "WeChat call failure returns without any retry") {
				t.Errorf("unexpected diagnostic: %s", d.Message)
			}
			got = append(got, enclosingFunc(r.Action.Package, d.Pos))
		}
	}
	if want := []string{"GetUser", "Menu"}; !slices.Equal(got, want) {
		t.Errorf("with -strict, reports in %v, want one in each of %v", got, want)
	}
}

// enclosingFunc names the function declaration of pkg that holds pos.
func enclosingFunc(pkg *packages.Package, pos token.Pos) string {
	for _, f := range pkg.Syntax {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd.Name.Name
			}
		}
	}
	return "(none)"
}

func TestDoc(t *testing.T) {
	first, _, _ := strings.Cut(retry.Analyzer.Doc, "\n")
	if first != "report retry-worthy WeChat errcodes handled without a retry" {
		t.Errorf("Doc starts %q, want the one-line summary", first)
	}
	for _, want := range []string{retry.RetriesMarker, retry.RefreshesTokenMarker, "-strict"} {
		if !strings.Contains(retry.Analyzer.Doc, want) {
			t.Errorf("Doc does not document %s", want)
		}
	}
}
