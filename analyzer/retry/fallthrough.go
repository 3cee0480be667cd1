// This file decides where a branch that does not end in a return goes
// when it falls through: to the error return right after its if or switch, or
// off the end of a function without results. Either gives up just as a
// return in the branch does, unless the branch fetches a new reply on the
// way (an inline retry). Anything else (the if nested in another
// statement, more statements after it, a break) cannot be told.

package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// fallsTo returns where a retry-worthy branch goes when it falls through:
// the error return that follows its if or switch in the same block, or
// ends when the if or switch is the last statement of the body of a
// function without results.
// ok is false when that cannot be told.
func (rp *retryPass) fallsTo(cmp *comparison, fc *funcCtx) (ret *ast.ReturnStmt, ends, ok bool) {
	if len(cmp.stmts) == 0 || !fallsThrough(cmp.stmts[len(cmp.stmts)-1]) || rp.fetchesReply(cmp) {
		return nil, false, false
	}
	if fc.lit && fc.inLoop {
		return nil, false, false // the loop around the literal may retry
	}
	// The if or switch must be a statement of a block: what follows it
	// there is what every path through the branch reaches.
	var list []ast.Stmt
	parent := cmp.stmt.Parent().Node()
	switch p := parent.(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	}
	stmt := cmp.stmt.Node()
	for i, s := range list {
		if s != stmt {
			continue
		}
		if i+1 < len(list) {
			ret, ok := list[i+1].(*ast.ReturnStmt)
			return ret, false, ok && rp.returnsFailure(ret, fc.sig)
		}
		// The end of the function's own body, not of a nested block.
		return nil, true, parent == fc.body && fc.sig.Results().Len() == 0
	}
	return nil, false, false
}

// returnsFailure reports whether a return statement fails the call: its
// error result is not nil. A return nil after the branch is the success
// path too, and a naked return may return anything.
func (rp *retryPass) returnsFailure(ret *ast.ReturnStmt, sig *types.Signature) bool {
	res := sig.Results()
	if len(ret.Results) != res.Len() {
		return false
	}
	for i, x := range ret.Results {
		if analysisutil.IsError(res.At(i).Type()) {
			return !rp.info.Types[x].IsNil()
		}
	}
	return false
}

// fallsThrough reports whether control may leave a branch through its
// last statement s into what follows the branch. A loop, switch, select,
// labeled statement or jump is left alone: it cannot be told cheaply.
func fallsThrough(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.IncDecStmt, *ast.DeclStmt, *ast.GoStmt, *ast.DeferStmt, *ast.EmptyStmt:
		return true // an ExprStmt here is no exit: judge has looked
	case *ast.BlockStmt:
		return len(s.List) == 0 || fallsThrough(s.List[len(s.List)-1])
	case *ast.IfStmt:
		if s.Else == nil {
			return true
		}
		return fallsThrough(s.Body) || fallsThrough(s.Else)
	}
	return false
}

// fetchesReply reports whether a branch may fetch a new reply, so that
// what follows it may see the result of a retry: it assigns a response or
// an errcode, or the variable the compared errcode is read from, takes
// the address of one, or calls a function that returns a response.
func (rp *retryPass) fetchesReply(cmp *comparison) bool {
	root := rootVar(rp.info, cmp.errcode)
	isReply := func(e ast.Expr) bool {
		if t := rp.info.TypeOf(e); t != nil && rp.ec.IsResponseType(t) {
			return true
		}
		if id, ok := ast.Unparen(e).(*ast.Ident); ok && root != nil && rp.info.ObjectOf(id) == root {
			return true
		}
		return rp.ec.IsErrcode(e)
	}
	found := false
	for _, st := range cmp.stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					found = found || isReply(lhs)
				}
			case *ast.UnaryExpr:
				found = found || (n.Op == token.AND && isReply(n.X))
			case *ast.CallExpr:
				switch t := rp.info.TypeOf(n).(type) {
				case *types.Tuple:
					for i := range t.Len() {
						found = found || rp.ec.IsResponseType(t.At(i).Type())
					}
				case nil:
				default:
					found = found || rp.ec.IsResponseType(t)
				}
			}
			return !found
		})
	}
	return found
}

// rootVar returns the variable an expression such as resp.Base.ErrCode,
// (*r).ErrCode, int(r.ErrCode) or r.Code() is read from, or nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			e = x.X
		case *ast.CallExpr:
			switch fun := ast.Unparen(x.Fun).(type) {
			case *ast.SelectorExpr: // a getter: r.Code()
				e = fun.X
			default:
				if len(x.Args) != 1 || !info.Types[x.Fun].IsType() {
					return nil
				}
				e = x.Args[0] // a conversion: int(r.ErrCode)
			}
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		default:
			return nil
		}
	}
}
