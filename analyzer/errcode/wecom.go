// Which functions call the WeCom (企业微信) API, whose code table differs
// from WeChat's: the WeComFact and its propagation to callers.

package errcode

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// markWeCom exports WeComFact for the package's functions that call the
// WeCom API and reports whether the package does: a string constant of the
// package names the WeCom host, or a function of it calls one that does.
func markWeCom(pass *analysis.Pass, ins *inspector.Inspector) bool {
	pkgWeCom := false
	marked := make(map[*types.Func]bool)
	for cur := range ins.Root().Preorder((*ast.BasicLit)(nil), (*ast.Ident)(nil)) {
		if !namesWeComHost(pass.TypesInfo, cur.Node()) {
			continue
		}
		pkgWeCom = true
		for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			if fn, ok := pass.TypesInfo.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
				marked[fn] = true
			}
		}
	}

	// Propagate to callers: of imported functions by fact, of the
	// package's own functions through a worklist over its call edges.
	callers := make(map[*types.Func][]*types.Func)
	for decl := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		caller, ok := pass.TypesInfo.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func)
		if !ok {
			continue
		}
		for call := range decl.Preorder((*ast.CallExpr)(nil)) {
			callee := analysisutil.Callee(pass.TypesInfo, call.Node().(*ast.CallExpr))
			switch {
			case callee == nil || callee.Pkg() == nil:
			case callee.Pkg() == pass.Pkg:
				callers[callee] = append(callers[callee], caller)
			case pass.ImportObjectFact(callee, new(WeComFact)):
				marked[caller] = true
			}
		}
	}
	analysisutil.MarkCallers(marked, callers)
	for fn := range marked {
		pass.ExportObjectFact(fn, &WeComFact{CallsWeCom: true})
	}
	return pkgWeCom || len(marked) > 0
}

// namesWeComHost reports whether n is a string literal or a use of a string
// constant that contains the WeCom host.
func namesWeComHost(info *types.Info, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BasicLit:
		return n.Kind == token.STRING && strings.Contains(n.Value, WeComHost)
	case *ast.Ident:
		c, ok := info.Uses[n].(*types.Const)
		return ok && c.Val().Kind() == constant.String && strings.Contains(constant.StringVal(c.Val()), WeComHost)
	}
	return false
}
