// What expression denotes an errcode value: an errcode field, a local
// assigned one, a call of a getter, m["errcode"], and conversions of these.

package errcode

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
)

// collectLocals adds the local variables of a function that are assigned
// from errcode expressions and reports whether it found new ones.
func (in *Info) collectLocals(fn inspector.Cursor) bool {
	changed := false
	mark := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := in.info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || in.locals[v] {
			return
		}
		if in.IsErrcode(rhs) {
			in.locals[v] = true
			changed = true
		}
	}
	for cur := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				continue
			}
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					mark(n.Lhs[i], n.Rhs[i])
				}
			} else if len(n.Rhs) == 1 {
				// code, ok := m["errcode"].(float64)
				if _, ok := ast.Unparen(n.Rhs[0]).(*ast.TypeAssertExpr); ok {
					mark(n.Lhs[0], n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i := range n.Names {
				if i < len(n.Values) && len(n.Names) == len(n.Values) {
					mark(n.Names[i], n.Values[i])
				}
			}
		}
	}
	return changed
}

// returnsErrcode reports whether fd has one numeric result and every
// return statement of its own body returns an errcode expression.
func (in *Info) returnsErrcode(fd *ast.FuncDecl) bool {
	res := fd.Type.Results
	if res == nil || res.NumFields() != 1 || fd.Type.TypeParams.NumFields() > 0 {
		return false
	}
	if t := in.info.TypeOf(res.List[0].Type); t == nil || !isNumeric(t) {
		return false
	}
	found, all := false, true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 && in.IsErrcode(n.Results[0]) {
				found = true
			} else {
				all = false
			}
		}
		return all
	})
	return found && all
}

// IsErrcode reports whether e denotes a WeChat errcode value.
func (in *Info) IsErrcode(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		sel, ok := in.info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		return in.isErrcodeSelection(sel)
	case *ast.StarExpr:
		return in.IsErrcode(e.X)
	case *ast.Ident:
		v, ok := in.info.Uses[e].(*types.Var)
		return ok && in.locals[v]
	case *ast.TypeAssertExpr:
		if e.Type == nil {
			return false // a type switch guard
		}
		// The asserted type, not TypeOf(e): in comma-ok form that is a tuple.
		t := in.info.TypeOf(e.Type)
		return t != nil && isNumeric(t) && isErrcodeMapIndex(in.info, e.X)
	case *ast.IndexExpr:
		t := in.info.TypeOf(e)
		return t != nil && isNumeric(t) && isErrcodeMapIndex(in.info, e)
	case *ast.CallExpr:
		if tv, ok := in.info.Types[e.Fun]; ok && tv.IsType() {
			// A conversion: int(resp.ErrCode), int(m["errcode"].(float64)).
			return len(e.Args) == 1 && isNumeric(tv.Type) && in.IsErrcode(e.Args[0])
		}
		if len(e.Args) != 0 {
			return false
		}
		fn := calledFunc(in.info, e)
		return fn != nil && in.getter(fn)
	}
	return false
}

// calledFunc returns the function or method a call statically calls.
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	fun := ast.Unparen(call.Fun)
	// An instantiation: get[T](url), Map[K, V](m).
	switch f := fun.(type) {
	case *ast.IndexExpr:
		if tv, ok := info.Types[f.Index]; ok && tv.IsType() {
			fun = ast.Unparen(f.X)
		}
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// CalledFunc returns the function or method that call statically calls, or
// nil for a call of a function value.
func CalledFunc(info *types.Info, call *ast.CallExpr) *types.Func { return calledFunc(info, call) }

// isErrcodeMapIndex reports whether e is m["errcode"] on a map keyed by string.
func isErrcodeMapIndex(info *types.Info, e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	t := info.TypeOf(ix.X)
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isString(m.Key()) {
		return false
	}
	tv := info.Types[ix.Index]
	return tv.Value != nil && tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), "errcode")
}
