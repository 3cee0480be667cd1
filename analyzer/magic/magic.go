package magic

// This file decides which comparisons are reported: an errcode compared
// with an integer literal, in a file that is not generated.

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
	"github.com/wxerrlint/wxerrlint/internal/codes"
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
	importCodes bool // -addimport
)

func init() {
	Analyzer.Flags.BoolVar(&reportZero, "zero", false, "also report comparisons with 0 (fix: codes.OK)")
	Analyzer.Flags.BoolVar(&reportWeCom, "wecom", false, "also report in packages that call the WeCom (企业微信) API, whose codes differ")
	Analyzer.Flags.BoolVar(&importCodes, "addimport", false, "offer fixes that import "+analysisutil.CodesPath+" into packages that do not use it yet: set it where the module requires "+analysisutil.CodesPath+" (the wxerrlint command sets it itself, from go list -m)")
}

func run(pass *analysis.Pass) (any, error) {
	ec := pass.ResultOf[errcode.Analyzer].(*errcode.Info)
	if !ec.Candidate || ec.WeCom && !reportWeCom {
		return nil, nil
	}
	rep := analysisutil.NewReporter(pass)
	for cur := range ec.Inspector().Root().Children() {
		file := cur.Node().(*ast.File)
		if rep.Generated(file) {
			continue // nothing there is reported: not worth a look
		}
		checkFile(pass, ec, rep, cur, file)
	}
	return nil, nil
}

// A comparison is an integer literal compared with an errcode.
type comparison struct {
	lit  ast.Expr
	code int
	at   inspector.Cursor // the comparison or switch holding lit
}

// checkFile reports the comparisons of one file. The fixes of a file
// share one decision on how to name the codes package (see planFixes), so
// that a driver can apply them all at once.
func checkFile(pass *analysis.Pass, ec *errcode.Info, rep *analysisutil.Reporter, fileCur inspector.Cursor, file *ast.File) {
	var found []comparison
	add := func(at inspector.Cursor, e ast.Expr) {
		if c, ok := compared(pass.TypesInfo, e); ok {
			c.at = at
			found = append(found, c)
		}
	}
	for cur := range fileCur.Preorder((*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				continue
			}
			if ec.IsErrcode(n.X) {
				add(cur, n.Y)
			} else if ec.IsErrcode(n.Y) {
				add(cur, n.X)
			}
		case *ast.SwitchStmt:
			if n.Tag == nil || !ec.IsErrcode(n.Tag) {
				continue
			}
			for _, stmt := range n.Body.List {
				for _, e := range stmt.(*ast.CaseClause).List {
					add(cur, e)
				}
			}
		}
	}
	if len(found) == 0 {
		return
	}

	var sites []fixSite
	for _, c := range found {
		if info, ok := codes.Lookup(c.code); ok {
			sites = append(sites, fixSite{lit: c.lit, scope: enclosingScope(pass.TypesInfo, c.at), name: info.Name})
		}
	}
	var fixes filePlan
	resolves := codesResolves(pass)
	if resolves {
		fixes = planFixes(pass, file, sites)
	}
	for _, c := range found {
		info, ok := codes.Lookup(c.code)
		if !ok {
			reportUnknown(rep, c)
			continue
		}
		d := analysis.Diagnostic{
			Pos: c.lit.Pos(), End: c.lit.End(),
			Message: fmt.Sprintf("errcode %d compared as a magic number; use codes.%s (%s)", c.code, info.Name, analysisutil.Description(info)),
		}
		if !resolves {
			d.Message += "; to use codes: " + goGetCodes
		}
		if edits := fixes.edits(c.lit, info.Name); edits != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Use codes." + info.Name, TextEdits: edits}}
		}
		rep.Report(d)
	}
}

// compared returns the comparison that e, the operand compared with an
// errcode, makes if it is an integer literal worth reporting.
func compared(info *types.Info, e ast.Expr) (comparison, bool) {
	lit := literal(info, e)
	if lit == nil {
		return comparison{}, false
	}
	tv := info.Types[lit]
	if tv.Value == nil {
		return comparison{}, false
	}
	v, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || v != int64(int(v)) {
		return comparison{}, false
	}
	if v == 0 && !reportZero {
		return comparison{}, false
	}
	return comparison{lit: lit, code: int(v)}, true
}

// reportUnknown reports a literal that is no documented code where it is
// near-certainly a typo of one (see typoOf), and says nothing otherwise.
func reportUnknown(rep *analysisutil.Reporter, c comparison) {
	intended := typoOf(c.code)
	if len(intended) == 0 {
		return
	}
	var near []string
	for _, n := range intended[:min(3, len(intended))] {
		near = append(near, fmt.Sprintf("%d (%s)", n.Code, n.Name))
	}
	rep.Report(analysis.Diagnostic{
		Pos: c.lit.Pos(), End: c.lit.End(),
		Message: fmt.Sprintf("errcode %d is not a documented WeChat errcode (a typo?); nearest documented: %s",
			c.code, strings.Join(near, ", ")),
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
