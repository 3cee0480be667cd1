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

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
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
	// markKey records that key k of local map m holds an errcode.
	markKey := func(m ast.Expr, k ast.Expr) {
		id, ok := ast.Unparen(m).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := in.info.ObjectOf(id).(*types.Var)
		key, isKey := stringKey(in.info, k)
		if !ok || !isKey || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return
		}
		if mk := (mapKey{v, key}); !in.mapKeys[mk] {
			in.mapKeys[mk] = true
			changed = true
		}
	}
	mark := func(lhs ast.Expr, rhs ast.Expr) {
		if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
			// m["code"] = resp.ErrCode
			if in.IsErrcode(rhs) {
				markKey(ix.X, ix.Index)
			}
			return
		}
		if lit, ok := ast.Unparen(rhs).(*ast.CompositeLit); ok {
			// m := gin.H{"code": resp.ErrCode}
			if _, isMap := underlying(in.info.TypeOf(lit)).(*types.Map); isMap {
				for _, elt := range lit.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok && in.IsErrcode(kv.Value) {
						markKey(lhs, kv.Key)
					}
				}
			}
			return
		}
		if v := local(lhs); v != nil && in.IsErrcode(rhs) {
			in.locals[v] = true
			changed = true
		}
	}
	markResults := func(lhs []ast.Expr, call *ast.CallExpr) {
		fn := analysisutil.Callee(in.info, call)
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
		return t != nil && isNumeric(t) && in.isErrcodeMapIndex(e.X)
	case *ast.IndexExpr:
		switch t := in.info.TypeOf(e); {
		case t == nil:
			return false
		case isNumeric(t):
			return in.isErrcodeMapIndex(e)
		case types.IsInterface(t):
			// m["code"] of a map the function filled holds what was
			// put there, even as an any.
			return in.isCopiedMapIndex(e)
		}
	case *ast.CallExpr:
		if tv, ok := in.info.Types[e.Fun]; ok && tv.IsType() {
			// A conversion: int(resp.ErrCode), int(m["errcode"].(float64)).
			return len(e.Args) == 1 && isNumeric(tv.Type) && in.IsErrcode(e.Args[0])
		}
		// A getter's only result: r.GetErrCode(), codeOf(r).
		fn := analysisutil.Callee(in.info, e)
		return fn != nil && fn.Signature().Results().Len() == 1 && in.getterResults(fn).has(0)
	}
	return false
}

// mapKey is a key of a local map variable.
type mapKey struct {
	m   *types.Var
	key string
}

// isErrcodeMapIndex reports whether e is m["errcode"] on a map keyed by
// string, or m[key] where the function put an errcode under that key.
func (in *Info) isErrcodeMapIndex(e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	t := in.info.TypeOf(ix.X)
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isString(m.Key()) {
		return false
	}
	key, ok := stringKey(in.info, ix.Index)
	return ok && (strings.EqualFold(key, "errcode") || in.isCopiedMapIndex(ix))
}

// isCopiedMapIndex reports whether ix is m[key] where the function put an
// errcode under key: m["code"] = resp.ErrCode.
func (in *Info) isCopiedMapIndex(ix *ast.IndexExpr) bool {
	id, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := in.info.Uses[id].(*types.Var)
	key, isKey := stringKey(in.info, ix.Index)
	return ok && isKey && in.mapKeys[mapKey{v, key}]
}

// stringKey returns the value of a constant string expression.
func stringKey(info *types.Info, e ast.Expr) (string, bool) {
	tv := info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// underlying returns t's underlying type, or nil for no type.
func underlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return t.Underlying()
}
