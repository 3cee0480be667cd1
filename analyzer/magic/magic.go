package magic

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
	"github.com/wxerrlint/wxerrlint/codes"
)

//go:embed doc.go
var doc string

// Analyzer reports errcodes compared as magic numbers.
var Analyzer = &analysis.Analyzer{
	Name:     "errcodemagic",
	Doc:      analysisutil.MustExtractDoc(doc, "errcodemagic"),
	URL:      "https://github.com/wxerrlint/wxerrlint/blob/main/docs/checks.md#errcodemagic",
	Requires: []*analysis.Analyzer{errcode.Analyzer},
	Run:      run,
}

var (
	reportZero  bool // -zero
	reportWeCom bool // -wecom
)

func init() {
	Analyzer.Flags.BoolVar(&reportZero, "zero", false, "also report comparisons with 0 (fix: codes.OK)")
	Analyzer.Flags.BoolVar(&reportWeCom, "wecom", false, "also report in packages that call the WeCom (企业微信) API, whose codes differ")
}

// codesPath is the import path of the package the fixes refer to.
const codesPath = "github.com/wxerrlint/wxerrlint/codes"

func run(pass *analysis.Pass) (any, error) {
	ec := pass.ResultOf[errcode.Analyzer].(*errcode.Info)
	if !ec.Candidate || ec.WeCom && !reportWeCom {
		return nil, nil
	}
	ins := ec.Inspector()
	rep := analysisutil.NewReporter(pass)
	for cur := range ins.Root().Preorder((*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				continue
			}
			if ec.IsErrcode(n.X) {
				check(pass, rep, n.Y)
			} else if ec.IsErrcode(n.Y) {
				check(pass, rep, n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag == nil || !ec.IsErrcode(n.Tag) {
				continue
			}
			for _, stmt := range n.Body.List {
				for _, e := range stmt.(*ast.CaseClause).List {
					check(pass, rep, e)
				}
			}
		}
	}
	return nil, nil
}

// check reports e if it is an integer literal.
func check(pass *analysis.Pass, rep *analysisutil.Reporter, e ast.Expr) {
	lit := literal(pass.TypesInfo, e)
	if lit == nil {
		return
	}
	tv := pass.TypesInfo.Types[lit]
	if tv.Value == nil {
		return
	}
	v, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || v != int64(int(v)) {
		return
	}
	code := int(v)
	if code == 0 && !reportZero {
		return
	}
	info, ok := codes.Lookup(code)
	if !ok {
		var near []string
		for _, n := range codes.Nearest(code, 3) {
			near = append(near, fmt.Sprintf("%d (%s)", n.Code, n.Name))
		}
		rep.Report(analysis.Diagnostic{
			Pos: lit.Pos(), End: lit.End(),
			Message: fmt.Sprintf("errcode %d is not a documented WeChat errcode (a typo?); nearest documented: %s",
				code, strings.Join(near, ", ")),
		})
		return
	}
	rep.Report(analysis.Diagnostic{
		Pos: lit.Pos(), End: lit.End(),
		Message: fmt.Sprintf("errcode %d compared as a magic number; use codes.%s (%s)", code, info.Name, describe(info)),
		SuggestedFixes: []analysis.SuggestedFix{{
			Message:   "Use codes." + info.Name,
			TextEdits: replaceWithConstant(pass, lit, info.Name),
		}},
	})
}

// literal returns the integer literal that e spells, with its sign (-1),
// through parentheses and conversions (int64(40001)), or nil if e is
// anything else, such as a named constant.
func literal(info *types.Info, e ast.Expr) ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		if x.Kind == token.INT {
			return x
		}
	case *ast.UnaryExpr:
		if b, ok := ast.Unparen(x.X).(*ast.BasicLit); ok && b.Kind == token.INT && (x.Op == token.SUB || x.Op == token.ADD) {
			return x
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return literal(info, x.Args[0])
		}
	}
	return nil
}

// describe gives a code's meaning for a message: both descriptions, short.
func describe(info codes.Info) string {
	const max = 90
	text := info.English
	if info.Chinese != "" {
		if text != "" {
			text += "; "
		}
		text += info.Chinese
	}
	if r := []rune(text); len(r) > max {
		text = strings.TrimSpace(string(r[:max])) + "…"
	}
	return text
}

// replaceWithConstant returns the edits that replace lit with the codes
// constant name, adding the import of codes where the file lacks it.
func replaceWithConstant(pass *analysis.Pass, lit ast.Expr, name string) []analysis.TextEdit {
	file := enclosingFile(pass, lit.Pos())
	qual, importEdit := codesQualifier(pass, file, lit.Pos())
	edits := []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(qual + name)}}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return edits
}

func enclosingFile(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// codesQualifier returns how to refer to the codes package at pos
// ("codes.", an existing alias, or "" for a dot import) and the edit that
// imports it, if the file does not yet.
func codesQualifier(pass *analysis.Pass, file *ast.File, pos token.Pos) (string, *analysis.TextEdit) {
	for _, imp := range file.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		if path != codesPath {
			continue
		}
		switch {
		case imp.Name == nil:
			return "codes.", nil
		case imp.Name.Name == ".":
			return "", nil
		case imp.Name.Name != "_":
			return imp.Name.Name + ".", nil
		}
	}
	// Choose a name that no import and no declaration visible at pos uses.
	name := "codes"
	for i := 0; taken(pass, file, pos, name); i++ {
		name = "wxcodes"
		if i > 0 {
			name = fmt.Sprintf("wxcodes%d", i)
		}
	}
	spec := strconv.Quote(codesPath)
	if name != "codes" {
		spec = name + " " + spec
	}
	return name + ".", addImport(file, spec)
}

// taken reports whether name is declared in the file's imports or in a
// scope visible at pos.
func taken(pass *analysis.Pass, file *ast.File, pos token.Pos, name string) bool {
	for _, imp := range file.Imports {
		if imp.Name != nil && imp.Name.Name == name {
			return true
		}
		if path, _ := strconv.Unquote(imp.Path.Value); imp.Name == nil && (path == name || strings.HasSuffix(path, "/"+name)) {
			return true
		}
	}
	scope := pass.TypesInfo.Scopes[file]
	if scope == nil {
		return pass.Pkg.Scope().Lookup(name) != nil
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	_, obj := scope.LookupParent(name, pos)
	return obj != nil
}

// addImport returns the edit that adds an import spec to file.
func addImport(file *ast.File, spec string) *analysis.TextEdit {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + spec)}
		}
		// import "fmt" becomes a block holding both.
		existing := gd.Specs[0].(*ast.ImportSpec)
		old := existing.Path.Value
		if existing.Name != nil {
			old = existing.Name.Name + " " + old
		}
		return &analysis.TextEdit{Pos: gd.Pos(), End: gd.End(), NewText: []byte("import (\n\t" + old + "\n\t" + spec + "\n)")}
	}
	return &analysis.TextEdit{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + spec)}
}
