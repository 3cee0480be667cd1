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
	// local returns the local variable that lhs names, unless it is known.
	local := func(lhs ast.Expr) *types.Var {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return nil
		}
		v, ok := in.info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || in.locals[v] {
			return nil
		}
		return v
	}
	mark := func(lhs ast.Expr, rhs ast.Expr) {
		if v := local(lhs); v != nil && in.IsErrcode(rhs) {
			in.locals[v] = true
			changed = true
		}
	}
	markResults := func(lhs []ast.Expr, call *ast.CallExpr) {
		fn := calledFunc(in.info, call)
		if fn == nil || fn.Signature().Results().Len() != len(lhs) {
			return
		}
		rs := in.getterResults(fn)
		for i, e := range lhs {
			if v := local(e); v != nil && rs.has(i) {
				in.locals[v] = true
				changed = true
			}
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
				switch rhs := ast.Unparen(n.Rhs[0]).(type) {
				case *ast.TypeAssertExpr:
					// code, ok := m["errcode"].(float64)
					mark(n.Lhs[0], rhs)
				case *ast.CallExpr:
					// code, msg, err := send(...)
					markResults(n.Lhs, rhs)
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					mark(n.Names[i], n.Values[i])
				}
			} else if call, ok := valueCall(n.Values); ok {
				// var code, msg, err = send(...)
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				markResults(lhs, call)
			}
		}
	}
	return changed
}

// valueCall returns the call of a var spec's single value: var a, b = f().
func valueCall(values []ast.Expr) (*ast.CallExpr, bool) {
	if len(values) != 1 {
		return nil, false
	}
	call, ok := ast.Unparen(values[0]).(*ast.CallExpr)
	return call, ok
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
		// A getter's only result: r.GetErrCode(), codeOf(r).
		fn := calledFunc(in.info, e)
		return fn != nil && fn.Signature().Results().Len() == 1 && in.getterResults(fn).has(0)
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
