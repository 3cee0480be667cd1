package magic

// This file decides where a fix adds the import of codes: where goimports
// puts a third-party import, with edits that touch only import lines, so
// that a gofmt- and goimports-clean file stays clean in every driver,
// including editors that apply the edits as they are.

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// addImport returns the edits that add spec, an import of CodesPath under
// name, to file: into the group of third-party imports that shares the
// longest path prefix with it, in sorted order; else as a group of its own
// after the last group (the standard library's); else into a new import
// declaration after the package clause. import "C" is never touched: its
// doc comment is cgo's preamble.
func addImport(tf *token.File, file *ast.File, name, spec string) []analysis.TextEdit {
	var decls []*ast.GenDecl
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break // imports come first
		}
		if !importsC(gd) {
			decls = append(decls, gd)
		}
	}
	e := importEditor{tf: tf, name: name, spec: spec}
	if gd, group := bestGroup(tf, decls); group != nil {
		return e.intoGroup(gd, group)
	}
	for i := len(decls) - 1; i >= 0; i-- {
		if decls[i].Lparen.IsValid() {
			return e.newGroup(decls[i])
		}
	}
	if len(decls) > 0 {
		return e.toBlock(decls[len(decls)-1])
	}
	return e.newDecl(file)
}

type importEditor struct {
	tf         *token.File
	name, spec string
}

func (e importEditor) line(pos token.Pos) int { return e.tf.Line(pos) }

// insert returns the edit that inserts text at pos.
func insert(pos token.Pos, text string) analysis.TextEdit {
	return analysis.TextEdit{Pos: pos, End: pos, NewText: []byte(text)}
}

// lineAfter returns the start of the line after the one holding pos.
func (e importEditor) lineAfter(pos token.Pos) token.Pos {
	return e.tf.LineStart(e.line(pos) + 1)
}

// intoGroup inserts the spec into group, a run of specs of gd, where
// gofmt's sorting would put it.
func (e importEditor) intoGroup(gd *ast.GenDecl, group []*ast.ImportSpec) []analysis.TextEdit {
	for _, s := range group {
		if !sortsBefore(s, analysisutil.CodesPath, e.name) {
			start := specStart(s)
			if prev := e.endBefore(gd, s); e.line(prev) < e.line(start) {
				// s starts its line: insert a line above it.
				return []analysis.TextEdit{insert(e.tf.LineStart(e.line(start)), "\t"+e.spec+"\n")}
			}
			return []analysis.TextEdit{insert(start, e.spec+"\n\t")}
		}
	}
	last := group[len(group)-1]
	end := specEnd(last)
	if next := e.startAfter(gd, last); e.line(next) > e.line(end) {
		return []analysis.TextEdit{insert(e.lineAfter(end), "\t"+e.spec+"\n")}
	}
	return []analysis.TextEdit{insert(end, "\n\t"+e.spec)}
}

// newGroup adds the spec as a group of its own at the end of gd.
func (e importEditor) newGroup(gd *ast.GenDecl) []analysis.TextEdit {
	if len(gd.Specs) == 0 {
		return []analysis.TextEdit{insert(gd.Lparen+1, "\n\t"+e.spec+"\n")}
	}
	end := specEnd(gd.Specs[len(gd.Specs)-1].(*ast.ImportSpec))
	if e.line(gd.Rparen) > e.line(end) {
		return []analysis.TextEdit{insert(e.lineAfter(end), "\n\t"+e.spec+"\n")}
	}
	return []analysis.TextEdit{insert(end, "\n\n\t"+e.spec+"\n")}
}

// toBlock turns gd, an import declaration of one spec without
// parentheses, into a block that also holds the spec.
func (e importEditor) toBlock(gd *ast.GenDecl) []analysis.TextEdit {
	s := gd.Specs[0].(*ast.ImportSpec)
	open, closing := "(\n\t", "\n)"
	switch {
	case !isThirdParty(importPath(s)):
		closing = "\n\n\t" + e.spec + closing
	case sortsBefore(s, analysisutil.CodesPath, e.name):
		closing = "\n\t" + e.spec + closing
	default:
		open += e.spec + "\n\t"
	}
	return []analysis.TextEdit{insert(s.Pos(), open), insert(specEnd(s), closing)}
}

// newDecl adds an import declaration after the package clause, at the end
// of its line.
func (e importEditor) newDecl(file *ast.File) []analysis.TextEdit {
	pos := file.FileEnd
	if l := e.line(file.Name.End()); l < e.tf.LineCount() {
		pos = e.tf.LineStart(l+1) - 1 // the newline
	}
	return []analysis.TextEdit{insert(pos, "\n\nimport "+e.spec)}
}

// endBefore returns where what precedes s in gd ends: the previous spec
// with its line comment, or the opening parenthesis.
func (e importEditor) endBefore(gd *ast.GenDecl, s *ast.ImportSpec) token.Pos {
	prev := gd.Lparen
	for _, x := range gd.Specs {
		if x == s {
			break
		}
		prev = specEnd(x.(*ast.ImportSpec))
	}
	return prev
}

// startAfter returns where what follows s in gd starts: the next spec with
// its doc comment, or the closing parenthesis.
func (e importEditor) startAfter(gd *ast.GenDecl, s *ast.ImportSpec) token.Pos {
	for i, x := range gd.Specs {
		if x == s && i+1 < len(gd.Specs) {
			return specStart(gd.Specs[i+1].(*ast.ImportSpec))
		}
	}
	return gd.Rparen
}

// bestGroup returns the group of third-party imports that the spec joins,
// as goimports chooses: the one sharing the longest path prefix with
// CodesPath, the first of them on a tie. A group is a run of specs on
// consecutive lines, as gofmt sorts them; it is third-party when all its
// paths are.
func bestGroup(tf *token.File, decls []*ast.GenDecl) (*ast.GenDecl, []*ast.ImportSpec) {
	var (
		bestDecl  *ast.GenDecl
		bestGroup []*ast.ImportSpec
		bestMatch = -1
	)
	for _, gd := range decls {
		if !gd.Lparen.IsValid() {
			continue
		}
		for _, group := range groups(tf, gd) {
			match := -1
			for _, s := range group {
				p := importPath(s)
				if !isThirdParty(p) {
					match = -1
					break
				}
				match = max(match, sharedElements(p, analysisutil.CodesPath))
			}
			if match > bestMatch {
				bestDecl, bestGroup, bestMatch = gd, group, match
			}
		}
	}
	return bestDecl, bestGroup
}

// groups splits the specs of gd into runs on consecutive lines, as gofmt
// does before sorting each.
func groups(tf *token.File, gd *ast.GenDecl) [][]*ast.ImportSpec {
	var (
		out      [][]*ast.ImportSpec
		lastLine = -1
	)
	for _, x := range gd.Specs {
		s := x.(*ast.ImportSpec)
		if len(out) == 0 || tf.Line(s.Pos()) > lastLine+1 {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
		lastLine = tf.Line(s.End())
	}
	return out
}

// sortsBefore reports whether gofmt sorts s before an import of path
// under name: by path, then by name.
func sortsBefore(s *ast.ImportSpec, path, name string) bool {
	if p := importPath(s); p != path {
		return p < path
	}
	sName := ""
	if s.Name != nil {
		sName = s.Name.Name
	}
	if name == "codes" {
		name = "" // spelled without a name
	}
	return sName <= name
}

func importPath(s *ast.ImportSpec) string {
	p, _ := strconv.Unquote(s.Path.Value)
	return p
}

// isThirdParty reports whether goimports groups path apart from the
// standard library: its first element has a dot.
func isThirdParty(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return strings.Contains(first, ".")
}

// sharedElements is the number of leading path elements a and b share.
func sharedElements(a, b string) int {
	n := 0
	for x, y := strings.Split(a, "/"), strings.Split(b, "/"); n < len(x) && n < len(y) && x[n] == y[n]; n++ {
	}
	return n
}

func specStart(s *ast.ImportSpec) token.Pos {
	if s.Doc != nil {
		return s.Doc.Pos()
	}
	return s.Pos()
}

func specEnd(s *ast.ImportSpec) token.Pos {
	if s.Comment != nil && s.Comment.End() > s.End() {
		return s.Comment.End()
	}
	return s.End()
}

func importsC(gd *ast.GenDecl) bool {
	for _, s := range gd.Specs {
		if importPath(s.(*ast.ImportSpec)) == "C" {
			return true
		}
	}
	return false
}
