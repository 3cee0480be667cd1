// This file decides what a run has found: the diagnostics of each
// package as a result the cache can keep, and of the root packages' results
// the findings, each once (a package and its test variant share files),
// sorted by position, and the analyses that failed for a reason other
// than a package error (which is printed as it is).

package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// A Finding is one diagnostic as the command prints it.
type Finding struct {
	Check   string // the analyzer's name
	URL     string // its documentation
	Pos     token.Position
	End     token.Position // Filename "" when the diagnostic has no end
	Message string
	Fixes   []Fix
	RawFile string // Pos.Filename unadjusted by //line directives: where fixes apply
	Offset  int    // of Pos in RawFile
}

// A Fix is a suggested fix: edits that belong together.
type Fix struct {
	Message string
	Edits   []Edit
}

// An Edit replaces the bytes [Start, End) of File with New.
type Edit struct {
	File       string
	Start, End int
	New        string
	Size       int // of File as analysed
}

// A pkgResult is what the analyses of one package found, as the report
// needs it and the cache keeps it (pkgcache.go): its findings, the ignore
// directives that silenced one, the directives in its files, and the
// analyses that failed.
type pkgResult struct {
	Findings   []Finding
	Used       []usedDirective
	Directives []directiveFile
	Failed     []string // the analyzers whose analysis failed
	Failures   []string // their errors, where the package has none of its own
}

// resultOf returns what the actions of one package found. With directives,
// the checks kept what ignore directives silence (directives.go).
func resultOf(acts []*checker.Action, directives bool) *pkgResult {
	res := new(pkgResult)
	if len(acts) == 0 {
		return res
	}
	p := acts[0].Package
	for _, act := range acts {
		if act.Err != nil {
			res.Failed = append(res.Failed, act.Analyzer.Name)
			if len(p.Errors) == 0 && !p.IllTyped {
				res.Failures = append(res.Failures, fmt.Sprintf("%s: %s: %v", p.PkgPath, act.Analyzer.Name, act.Err))
			}
			continue
		}
		for _, d := range act.Diagnostics {
			if f, ok := finding(act, d, res); ok {
				res.Findings = append(res.Findings, f)
			}
		}
	}
	if directives {
		res.Directives = directiveFiles(p)
	}
	return res
}

// finding converts d, a diagnostic of act, into a finding, or records the
// directive that silenced it in res.
func finding(act *checker.Action, d analysis.Diagnostic, res *pkgResult) (Finding, bool) {
	fset := act.Package.Fset
	f := Finding{
		Check:   act.Analyzer.Name,
		URL:     cmp.Or(d.URL, act.Analyzer.URL),
		Pos:     fset.Position(d.Pos),
		Message: d.Message,
	}
	raw := fset.PositionFor(d.Pos, false)
	f.RawFile, f.Offset = raw.Filename, raw.Offset
	if used, ok := silenced(d, f.RawFile); ok {
		res.Used = append(res.Used, used)
		return Finding{}, false
	}
	if d.End.IsValid() && d.End > d.Pos {
		f.End = fset.Position(d.End)
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		ok := len(sf.TextEdits) > 0
		for _, e := range sf.TextEdits {
			edit, valid := textEdit(fset, e)
			if !valid || !isSource(act, edit.File) {
				ok = false // a fix must apply whole, to files of the package
				break
			}
			fix.Edits = append(fix.Edits, edit)
		}
		if ok {
			f.Fixes = append(f.Fixes, fix)
		}
	}
	return f, true
}

// resultsOf returns the results of the root packages of graph, in order.
func resultsOf(graph *checker.Graph, directives bool) []*pkgResult {
	var order []*packages.Package
	acts := make(map[*packages.Package][]*checker.Action)
	for _, act := range graph.Roots {
		if acts[act.Package] == nil {
			order = append(order, act.Package)
		}
		acts[act.Package] = append(acts[act.Package], act)
	}
	var results []*pkgResult
	for _, p := range order {
		results = append(results, resultOf(acts[p], directives))
	}
	return results
}

// findings returns the findings of the root packages' results, each once
// (a package and its test variant share files), sorted by position, and
// the errors of the analyses that failed in packages without errors of
// their own (those show as the package's errors). With directives, the
// directives are judged (directives.go) against checks, the names of
// every check of the command.
func findings(results []*pkgResult, analyzers []*analysis.Analyzer, checks []string, directives bool) ([]Finding, []string) {
	var list []Finding
	var failures []string
	seen := make(map[string]bool)
	used := make(map[usedDirective]bool)
	for _, res := range results {
		for _, msg := range res.Failures {
			if !seen[msg] {
				seen[msg] = true
				failures = append(failures, msg)
			}
		}
		for _, u := range res.Used {
			used[u] = true
		}
		for _, f := range res.Findings {
			key := fmt.Sprintf("%s\x00%s:%d\x00%s", f.Check, f.RawFile, f.Offset, f.Message)
			if seen[key] {
				continue // the package's test variant, or a second analysis
			}
			seen[key] = true
			list = append(list, f)
		}
	}
	if directives {
		list = append(list, directiveFindings(results, checks, analyzers, used)...)
	}
	slices.SortStableFunc(list, compareFindings)
	return list, failures
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Pos.Filename, b.Pos.Filename),
		cmp.Compare(a.Pos.Line, b.Pos.Line),
		cmp.Compare(a.Pos.Column, b.Pos.Column),
		cmp.Compare(a.Check, b.Check),
		cmp.Compare(a.Message, b.Message))
}

// textEdit converts e to byte offsets in its file, as the file is on
// disk (no //line adjustment).
func textEdit(fset *token.FileSet, e analysis.TextEdit) (Edit, bool) {
	tf := fset.File(e.Pos)
	if tf == nil {
		return Edit{}, false
	}
	end := e.End
	if !end.IsValid() {
		end = e.Pos
	}
	if end < e.Pos || int(end) > tf.Base()+tf.Size() {
		return Edit{}, false
	}
	return Edit{File: tf.Name(), Start: tf.Offset(e.Pos), End: tf.Offset(end), New: string(e.NewText), Size: tf.Size()}, true
}

// isSource reports whether file is a Go file of the action's package as
// written (not a file that cgo generated).
func isSource(act *checker.Action, file string) bool {
	return slices.Contains(act.Package.GoFiles, file) && strings.HasSuffix(file, ".go")
}

// relPath returns file relative to dir when it lies there, else file.
func relPath(dir, file string) string {
	if dir == "" || file == "" {
		return file
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || !filepath.IsLocal(rel) {
		return file
	}
	return rel
}
