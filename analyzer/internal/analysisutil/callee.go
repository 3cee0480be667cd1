// This file decides which function a call names, for every check (one
// resolution, typeutil.Callee's, taken to the generic origin), and which
// functions of a package reach a marked one through calls.

package analysisutil

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method that call names (for a generic
// one, its origin: get[T](url) gives get), or nil for a call of a function
// value, a builtin or a conversion. An interface method counts: the
// caller decides what an abstract callee means.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// Builtin returns the name of the predeclared function that call calls
// (append, delete, len, panic, ...), or "" for any other call, such as one
// of a local function that shadows a builtin's name.
func Builtin(info *types.Info, call *ast.CallExpr) string {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return ""
	}
	if b, ok := info.Uses[id].(*types.Builtin); ok {
		return b.Name()
	}
	return ""
}

// MarkCallers adds to marked every function that calls a marked one,
// directly or through others; callers maps a function to the functions of
// the package that call it.
func MarkCallers(marked map[*types.Func]bool, callers map[*types.Func][]*types.Func) {
	work := make([]*types.Func, 0, len(marked))
	for fn := range marked {
		work = append(work, fn)
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, caller := range callers[fn] {
			if !marked[caller] {
				marked[caller] = true
				work = append(work, caller)
			}
		}
	}
}
