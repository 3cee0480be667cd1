// This file decides whether an error a branch returns lets a caller act
// on it: a plain error (errors.New, fmt.Errorf without %w) gives up; a
// sentinel, a dedicated type or a retry library's marker does not.

package retry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

var errorType = types.Universe.Lookup("error").Type()

type errClass uint8

const (
	errUnknown         errClass = iota
	errPlain                    // errors.New, fmt.Errorf: nothing a caller can act on
	errDistinguishable          // a sentinel, a dedicated type, a marker
)

// classifyErr classifies an error value returned from a branch. stmts are
// the branch statements before the return, searched for the last
// assignment of a local variable. It returns the sentinel variable, if
// the value is or wraps one.
func (rp *retryPass) classifyErr(e ast.Expr, ret ast.Node, stmts []ast.Stmt) (errClass, *types.Var) {
	e = ast.Unparen(e)
	tv, ok := rp.info.Types[e]
	if !ok {
		return errUnknown, nil
	}
	if tv.IsNil() {
		return errPlain, nil // the failure is swallowed
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := rp.info.Uses[e].(*types.Var)
		if !ok {
			return errUnknown, nil
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return errDistinguishable, v
		}
		if rhs := lastAssign(rp.info, v, stmts, ret.Pos()); rhs != nil {
			return rp.classifyErr(rhs, ret, nil)
		}
		return errUnknown, nil
	case *ast.SelectorExpr:
		if v, ok := rp.info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			return errDistinguishable, v // pkg.ErrX
		}
		return errUnknown, nil
	case *ast.CompositeLit:
		return errDistinguishable, nil
	case *ast.UnaryExpr:
		if _, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND {
			return errDistinguishable, nil
		}
		return errUnknown, nil
	case *ast.CallExpr:
		if ftv, ok := rp.info.Types[e.Fun]; ok && ftv.IsType() {
			return errDistinguishable, nil // MyError(msg)
		}
		fn := analysisutil.Callee(rp.info, e)
		if fn == nil || fn.Pkg() == nil {
			return errUnknown, nil
		}
		switch path, name := fn.Pkg().Path(), fn.Name(); {
		case path == "errors" && name == "New",
			path == "github.com/pkg/errors" && (name == "New" || name == "Errorf"),
			path == "golang.org/x/xerrors" && name == "New":
			return errPlain, nil
		case (path == "fmt" || path == "golang.org/x/xerrors") && name == "Errorf":
			if len(e.Args) == 0 {
				return errUnknown, nil
			}
			f, ok := rp.info.Types[e.Args[0]]
			if !ok || f.Value == nil || f.Value.Kind() != constant.String {
				return errUnknown, nil
			}
			if !strings.Contains(constant.StringVal(f.Value), "%w") {
				return errPlain, nil
			}
			return rp.combine(e.Args[1:], ret, stmts)
		case path == "errors" && name == "Join":
			return rp.combine(e.Args, ret, stmts)
		case path == "github.com/pkg/errors" && len(e.Args) > 0:
			return rp.classifyErr(e.Args[0], ret, stmts) // Wrap, Wrapf, WithMessage, WithStack
		}
		if libraryOf(fn.Pkg().Path()) != nil {
			return errDistinguishable, nil // a retry library's marker
		}
		// A constructor of a dedicated error type: NewAPIError(code) *APIError.
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Results().Len() > 0 {
			last := sig.Results().At(sig.Results().Len() - 1).Type()
			if _, isIface := last.Underlying().(*types.Interface); !isIface {
				return errDistinguishable, nil
			}
		}
	}
	return errUnknown, nil
}

// combine classifies wrapped errors: any distinguishable one makes the
// whole distinguishable; arguments that are not errors do not count.
func (rp *retryPass) combine(args []ast.Expr, ret ast.Node, stmts []ast.Stmt) (errClass, *types.Var) {
	result := errPlain
	for _, a := range args {
		t := rp.info.TypeOf(a)
		if t == nil || !types.Implements(t, errorType.Underlying().(*types.Interface)) {
			continue
		}
		switch cl, v := rp.classifyErr(a, ret, stmts); cl {
		case errDistinguishable:
			return errDistinguishable, v
		case errUnknown:
			result = errUnknown
		}
	}
	return result, nil
}

// lastAssign returns the value last assigned to v by the top-level
// statements stmts before pos.
func lastAssign(info *types.Info, v *types.Var, stmts []ast.Stmt, pos token.Pos) ast.Expr {
	var rhs ast.Expr
	for _, st := range stmts {
		if st.Pos() >= pos {
			break
		}
		switch st := st.(type) {
		case *ast.AssignStmt:
			if len(st.Lhs) != len(st.Rhs) {
				for _, lhs := range st.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
						rhs = nil // from a multi-value call: unknown
					}
				}
				continue
			}
			for i, lhs := range st.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
					rhs = st.Rhs[i]
				}
			}
		case *ast.DeclStmt:
			if gd, ok := st.Decl.(*ast.GenDecl); ok {
				for _, spec := range gd.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Names) == len(vs.Values) {
						for i, id := range vs.Names {
							if info.Defs[id] == v {
								rhs = vs.Values[i]
							}
						}
					}
				}
			}
		}
	}
	return rhs
}
