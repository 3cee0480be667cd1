// This file tests each fix applied alone, as an editor applies it.

package magic_test

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// checkRawFixes applies the fixes of results as an editor does, without
// formatting the result (analysistest formats both sides before comparing,
// which hides misplaced imports and whole-file reformatting):
//   - each fix alone leaves a gofmt-clean file gofmt-clean, with its
//     imports in goimports' groups (the standard library apart from the
//     others);
//   - all the fixes of a file, identical edits merged, give its .golden
//     byte for byte, so they touch no line the golden does not show changed.
func checkRawFixes(t *testing.T, results []*analysistest.Result) {
	t.Helper()
	for _, res := range results {
		fset := res.Pass.Fset
		fixes := make(map[string][][]analysis.TextEdit)
		for _, d := range res.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				name := fset.File(fix.TextEdits[0].Pos).Name()
				fixes[name] = append(fixes[name], fix.TextEdits)
			}
		}
		for name, list := range fixes {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			formatted, _ := format.Source(src)
			clean := bytes.Equal(formatted, src)
			var all []analysis.TextEdit
			for _, edits := range list {
				out := applyEdits(t, fset, src, edits)
				if clean {
					if f, err := format.Source(out); err != nil || !bytes.Equal(f, out) {
						t.Errorf("%s: a fix leaves the file not gofmt-clean (err %v):\n%s", name, err, out)
					}
					checkImportGroups(t, name, out)
				}
				all = append(all, edits...)
			}
			out := applyEdits(t, fset, src, all)
			golden, err := os.ReadFile(name + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, golden) {
				t.Errorf("%s: the fixes applied without formatting give\n%s\nwant (the .golden, byte for byte)\n%s", name, out, golden)
			}
		}
	}
}

// applyEdits applies edits to src; identical edits count once, as the
// drivers merge them, and overlapping different ones fail the test.
func applyEdits(t *testing.T, fset *token.FileSet, src []byte, edits []analysis.TextEdit) []byte {
	t.Helper()
	type edit struct {
		start, end int
		text       string
	}
	var list []edit
	for _, e := range edits {
		tf := fset.File(e.Pos)
		list = append(list, edit{tf.Offset(e.Pos), tf.Offset(e.End), string(e.NewText)})
	}
	slices.SortFunc(list, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return strings.Compare(a.text, b.text)
	})
	list = slices.Compact(list)
	var out []byte
	last := 0
	for i, e := range list {
		if e.start < last || i > 0 && e.start == list[i-1].start && e.start == e.end && list[i-1].start == list[i-1].end {
			t.Fatalf("conflicting edits at offset %d: %q", e.start, e.text)
		}
		out = append(append(out, src[last:e.start]...), e.text...)
		last = e.end
	}
	return append(out, src[last:]...)
}

// checkImportGroups checks that no run of import specs on consecutive
// lines mixes the standard library with other paths, which goimports
// would separate (goimports -l would list the file).
func checkImportGroups(t *testing.T, name string, src []byte) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		lastLine, lastGroup := -1, false
		for i, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			path, _ := strconv.Unquote(spec.Path.Value)
			first, _, _ := strings.Cut(path, "/")
			group := strings.Contains(first, ".")
			if i > 0 && fset.Position(spec.Pos()).Line == lastLine+1 && group != lastGroup {
				t.Errorf("%s: import %s is in a group of the other kind (goimports would separate them):\n%s", name, path, src)
			}
			lastLine, lastGroup = fset.Position(spec.End()).Line, group
		}
	}
}
