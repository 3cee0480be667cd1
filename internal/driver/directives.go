// This file decides which //wxerrlint:ignore directives are themselves
// findings: one that names no check, one that gives no reason, and one
// that silences nothing (every check it names ran, and none reported on
// its line or the next). The checks report what a directive silences with
// a category that says so (errcode.KeepIgnored); findings drops those
// and records the directive as used.

package driver

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// directiveCheck is the check name of findings about directives.
const directiveCheck = "directive"

const ignoreDirective = "//wxerrlint:ignore"

// directiveURL documents the directive.
const directiveURL = "https://github.com/wxerrlint/wxerrlint#silencing-a-finding"

// usedDirective is a directive by file and line.
type usedDirective struct {
	File string
	Line int
}

// silenced reports whether a diagnostic was silenced by a directive, and
// which one.
func silenced(d analysis.Diagnostic, file string) (usedDirective, bool) {
	line, ok := strings.CutPrefix(d.Category, errcode.IgnoredCategory)
	if !ok {
		return usedDirective{}, false
	}
	n, _ := strconv.Atoi(line)
	return usedDirective{file, n}, true
}

// A directiveFile is a file whose ignore directives are judged, with them.
type directiveFile struct {
	Name       string
	Directives []directive
}

// A directive is an ignore directive: its text, its line, and the finding
// about it, Message aside.
type directive struct {
	Text    string
	Line    int
	Finding Finding
}

// directiveFiles returns the files of p that directives are judged in
// (its Go files as written, not generated, test files only with
// -errcode.testfiles), with their ignore directives.
func directiveFiles(p *packages.Package) []directiveFile {
	testFiles := false
	if f := errcode.Analyzer.Flags.Lookup("testfiles"); f != nil {
		testFiles = f.Value.String() == "true"
	}
	var list []directiveFile
	for _, f := range p.Syntax {
		tf := p.Fset.File(f.FileStart)
		if tf == nil || !slices.Contains(p.GoFiles, tf.Name()) || ast.IsGenerated(f) {
			continue
		}
		if strings.HasSuffix(tf.Name(), "_test.go") && !testFiles {
			continue // nothing is reported there
		}
		df := directiveFile{Name: tf.Name()}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, ignoreDirective) {
					df.Directives = append(df.Directives, directive{c.Text, tf.Line(c.Slash), directiveFinding(p.Fset, c, "")})
				}
			}
		}
		list = append(list, df)
	}
	return list
}

// directiveFindings returns the findings about the directives in the
// files of results, those of the root packages, against the checks that
// ran on every root package.
func directiveFindings(results []*pkgResult, checks []string, analyzers []*analysis.Analyzer, used map[usedDirective]bool) []Finding {
	if len(checks) == 0 {
		for _, a := range analyzers {
			checks = append(checks, a.Name)
		}
	}
	known := append([]string{"all"}, checks...)
	ran := make(map[string]bool) // checks that ran on every root package
	for _, a := range analyzers {
		ran[a.Name] = true
	}
	for _, res := range results {
		for _, name := range res.Failed {
			ran[name] = false
		}
	}
	var list []Finding
	seen := make(map[string]bool)
	for _, res := range results {
		for _, df := range res.Directives {
			if seen[df.Name] {
				continue
			}
			seen[df.Name] = true
			for _, d := range df.Directives {
				if msg := judgeDirective(d.Text, known, ran, used[usedDirective{df.Name, d.Line}]); msg != "" {
					f := d.Finding
					f.Message = msg
					list = append(list, f)
				}
			}
		}
	}
	return list
}

// judgeDirective returns what is wrong with comment if it is an ignore
// directive, or "".
func judgeDirective(comment string, known []string, ran map[string]bool, used bool) string {
	rest, ok := strings.CutPrefix(comment, ignoreDirective)
	if !ok || rest != "" && rest[0] != ' ' {
		return ""
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return fmt.Sprintf("%s names no check; write %s CHECK[,CHECK] REASON (checks: %s)", ignoreDirective, ignoreDirective, strings.Join(known, ", "))
	}
	names := strings.Split(fields[0], ",")
	for _, name := range names {
		if !slices.Contains(known, name) {
			return fmt.Sprintf("%s names no check %q; the checks are %s", ignoreDirective, name, strings.Join(known, ", "))
		}
	}
	if len(fields) < 2 {
		return fmt.Sprintf("%s %s gives no reason; say why after the check names", ignoreDirective, fields[0])
	}
	if used {
		return ""
	}
	for _, name := range names {
		if name == "all" {
			for _, check := range known[1:] {
				if !ran[check] {
					return ""
				}
			}
		} else if !ran[name] {
			return "" // a check that did not run may have needed it
		}
	}
	return fmt.Sprintf("%s %s silences nothing on its line or the next; remove it", ignoreDirective, fields[0])
}

func directiveFinding(fset *token.FileSet, c *ast.Comment, msg string) Finding {
	raw := fset.PositionFor(c.Slash, false)
	return Finding{
		Check:   directiveCheck,
		URL:     directiveURL,
		Pos:     fset.Position(c.Slash),
		End:     fset.Position(c.End()),
		Message: msg,
		RawFile: raw.Filename,
		Offset:  raw.Offset,
	}
}

// judgesDirectives reports whether a run of analyzers applies the ignore
// directives itself: when they are wxerrlint's checks, which share
// errcode.Analyzer. It then turns errcode.KeepIgnored on until release
// is called (and no other run of the process needs it).
func judgesDirectives(analyzers []*analysis.Analyzer) (judge bool, release func()) {
	for a := range analyzer.WithRequired(analyzers) {
		judge = judge || a == errcode.Analyzer
	}
	if !judge {
		return false, func() {}
	}
	keepMu.Lock()
	defer keepMu.Unlock()
	// Written only when no run is analyzing: the checks read it unlocked.
	if keepers++; keepers == 1 {
		errcode.KeepIgnored(true)
	}
	return true, func() {
		keepMu.Lock()
		defer keepMu.Unlock()
		if keepers--; keepers == 0 {
			errcode.KeepIgnored(false)
		}
	}
}

// keepers counts the runs that need errcode.KeepIgnored.
var (
	keepMu  sync.Mutex
	keepers int
)
