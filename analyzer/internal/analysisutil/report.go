// This file decides where a check's diagnostic is dropped: generated and
// test files, lines under //wxerrlint:ignore, and fixes in cgo files.

package analysisutil

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// IgnoreDirective silences a check on its own line or the line below:
//
//	//wxerrlint:ignore errcodemagic,errcoderetry the reason
const IgnoreDirective = "//wxerrlint:ignore"

// ReportTestFiles is errcode's -testfiles flag. Off by default: tests
// compare the errcodes of their own fixtures and drop the results of mock
// servers, so a report there is almost never one a maintainer would act on.
var ReportTestFiles bool

// KeepIgnored, set by a driver that applies ignore directives itself (the
// wxerrlint command, which reports a directive that silences nothing),
// makes Report report a diagnostic that a directive silences, with the
// category IgnoredCategory followed by the directive's line.
var KeepIgnored bool

// IgnoredCategory starts the category of a diagnostic that an ignore
// directive silences (see KeepIgnored).
const IgnoredCategory = "wxerrlint-ignored@"

// Reporter reports a check's diagnostics, except in generated files, in
// _test.go files (unless ReportTestFiles) and where an ignore directive
// names the check, and without fixes in files that import "C". Make one
// per pass.
type Reporter struct {
	pass  *analysis.Pass
	files map[*token.File]*fileInfo
}

type fileInfo struct {
	generated bool
	test      bool        // a _test.go file
	cgo       bool        // cmd/cgo's translation of the user's file
	ignored   map[int]int // lines where the check is ignored -> line of the directive
}

// NewReporter returns a Reporter for pass.
func NewReporter(pass *analysis.Pass) *Reporter {
	return &Reporter{pass: pass, files: make(map[*token.File]*fileInfo)}
}

// Report reports d unless it is in a generated or test file, or silenced.
func (r *Reporter) Report(d analysis.Diagnostic) {
	tf := r.pass.Fset.File(d.Pos)
	if tf == nil {
		return
	}
	fi := r.fileInfo(tf)
	if fi.generated || (fi.test && !ReportTestFiles) {
		return
	}
	if at, ok := fi.ignored[tf.Line(d.Pos)]; ok {
		if !KeepIgnored {
			return
		}
		d.Category = IgnoredCategory + strconv.Itoa(at)
	}
	if fi.cgo {
		// Edits would apply to the translation, not to the user's file.
		d.SuggestedFixes = nil
	}
	r.pass.Report(d)
}

// Generated reports whether f, a file of the pass, is generated: a check
// that reports nothing there can skip it before doing any work.
func (r *Reporter) Generated(f *ast.File) bool {
	return r.fileInfo(r.pass.Fset.File(f.FileStart)).generated
}

func (r *Reporter) fileInfo(tf *token.File) *fileInfo {
	if fi, ok := r.files[tf]; ok {
		return fi
	}
	var fi *fileInfo
	for _, f := range r.pass.Files {
		if r.pass.Fset.File(f.FileStart) != tf {
			continue
		}
		generated, cgo := classify(f)
		fi = &fileInfo{
			generated: generated,
			test:      strings.HasSuffix(tf.Name(), "_test.go"),
			cgo:       cgo,
			ignored:   make(map[int]int),
		}
		if generated {
			break // nothing is reported there: no directives to read
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if IgnoresCheck(c.Text, r.pass.Analyzer.Name) {
					line := tf.Line(c.Slash)
					fi.ignored[line] = line
					if _, ok := fi.ignored[line+1]; !ok {
						fi.ignored[line+1] = line
					}
				}
			}
		}
		break
	}
	if fi == nil {
		// Not a file of the pass: report nothing there.
		fi = &fileInfo{generated: true}
	}
	r.files[tf] = fi
	return fi
}

// IgnoresCheck reports whether comment is an ignore directive naming check
// (or "all"). The directive is //wxerrlint:ignore check[,check...] reason.
func IgnoresCheck(comment, check string) bool {
	name, args, ok := ParseDirective(comment)
	if !ok || DirectivePrefix+name != IgnoreDirective {
		return false
	}
	fields := strings.Fields(args)
	if len(fields) == 0 {
		return false
	}
	names := strings.Split(fields[0], ",")
	return slices.Contains(names, check) || slices.Contains(names, "all")
}

// InTestFile reports whether pos lies in a _test.go file.
func InTestFile(fset *token.FileSet, pos token.Pos) bool {
	tf := fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}
