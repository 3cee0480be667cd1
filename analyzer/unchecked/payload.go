// This file decides when a branch on the emptiness of a response's
// payload fails the call, which counts as a check: WeChat sends the
// payload only on success, so
//
//	if r.AccessToken == "" {
//		return nil, errors.New("token failed")
//	}
//
// fails the call whenever WeChat answers with an error.

package unchecked

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// failsWhenEmpty reports whether the payload field selected at cur
// (x.AccessToken, x.Data.List) is tested for emptiness by an if statement
// whose branch taken on an empty payload fails the call.
func (w *walker) failsWhenEmpty(cur inspector.Cursor) bool {
	test, empty, ok := w.emptinessTest(cur)
	if !ok {
		return false
	}
	// Climb the condition through the operators that keep the test
	// decisive: a || b is true when a test for emptiness is; a && b is
	// false when a test for non-emptiness is.
	through := token.LOR
	if !empty {
		through = token.LAND
	}
	e := test
	for {
		switch p := e.Parent().Node().(type) {
		case *ast.ParenExpr:
		case *ast.BinaryExpr:
			if p.Op != through {
				return false
			}
		case *ast.IfStmt:
			if k, _ := e.ParentEdge(); k != edge.IfStmt_Cond {
				return false
			}
			return w.ifFails(e.Parent(), p, empty)
		default:
			return false
		}
		e = e.Parent()
	}
}

// ifFails reports whether if statement s, at cur, fails the call when its
// condition is (empty) or is not (!empty) true.
func (w *walker) ifFails(cur inspector.Cursor, s *ast.IfStmt, empty bool) bool {
	sig := w.enclosingSig(cur)
	if empty {
		return w.blockFails(s.Body.List, sig, s.Cond)
	}
	// if r.AccessToken != "" { ... } else { return nil, err }
	if s.Else != nil {
		b, ok := s.Else.(*ast.BlockStmt)
		return ok && w.blockFails(b.List, sig, s.Cond)
	}
	// if r.AccessToken != "" { return r.AccessToken, nil }
	// return "", errors.New("no token")
	if n := len(s.Body.List); n == 0 || !terminates(s.Body.List[n-1]) {
		return false
	}
	k, i := cur.ParentEdge()
	block, ok := cur.Parent().Node().(*ast.BlockStmt)
	if k != edge.BlockStmt_List || !ok || i+1 >= len(block.List) {
		return false
	}
	return w.fails(block.List[i+1], sig, s.Cond)
}

func terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && isPanic(call)
	}
	return false
}

func isPanic(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	return ok && id.Name == "panic"
}

// blockFails reports whether a block ends by failing the call: by a
// failing statement, or by a bare return after the block set every named
// error result to a non-nil error (err = fmt.Errorf(...); return).
func (w *walker) blockFails(list []ast.Stmt, sig *types.Signature, cond ast.Expr) bool {
	if len(list) == 0 {
		return false
	}
	last := list[len(list)-1]
	if ret, ok := last.(*ast.ReturnStmt); ok && len(ret.Results) == 0 {
		return w.setsErrors(list[:len(list)-1], sig, cond)
	}
	return w.fails(last, sig, cond)
}

// setsErrors reports whether the statements, in order, leave every error
// result of sig (all named, as a bare return needs) set to a non-nil
// error, and there is at least one.
func (w *walker) setsErrors(list []ast.Stmt, sig *types.Signature, cond ast.Expr) bool {
	results := sig.Results()
	errs := 0
	for i := range results.Len() {
		v := results.At(i)
		if !analysisutil.IsError(v.Type()) {
			continue
		}
		errs++
		set := false
		for _, s := range list {
			as, ok := s.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for j, l := range as.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && w.info.Uses[id] == v {
					set = w.nonNil(as.Rhs[j], cond) // the last assignment decides
				}
			}
		}
		if !set {
			return false
		}
	}
	return errs > 0
}

// fails reports whether statement s fails the call of a function of
// signature sig: a return of non-nil errors, a panic, log.Fatal,
// log.Panic or os.Exit.
func (w *walker) fails(s ast.Stmt, sig *types.Signature, cond ast.Expr) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		results := sig.Results()
		if len(s.Results) != results.Len() {
			return false // a bare return, or return f()
		}
		errs := 0
		for i, r := range s.Results {
			if !analysisutil.IsError(results.At(i).Type()) {
				continue
			}
			if !w.nonNil(r, cond) {
				return false
			}
			errs++
		}
		return errs > 0
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		return analysisutil.NoReturn(w.info, call) != ""
	}
	return false
}

// nonNil reports whether error expression e is not nil when it is
// returned: not the nil literal, and not a local variable that the
// condition tests (if err != nil || r.AccessToken == "" { return err }
// returns nil when only the token is empty).
func (w *walker) nonNil(e ast.Expr, cond ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return true // errors.New(...), &Error{...}, pkg.ErrX
	}
	switch obj := w.info.Uses[id].(type) {
	case *types.Nil:
		return false
	case *types.Var:
		if obj.Parent() == nil || obj.Pkg() == nil || obj.Parent() == obj.Pkg().Scope() {
			return true // a sentinel error
		}
		tested := false
		ast.Inspect(cond, func(n ast.Node) bool {
			if x, ok := n.(*ast.Ident); ok && w.info.Uses[x] == obj {
				tested = true
			}
			return !tested
		})
		return !tested
	}
	return false
}

// enclosingSig returns the signature of the function or function literal
// that holds cur.
func (w *walker) enclosingSig(cur inspector.Cursor) *types.Signature {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if lit, ok := c.Node().(*ast.FuncLit); ok {
			if sig, ok := w.info.TypeOf(lit).(*types.Signature); ok {
				return sig
			}
		}
		break
	}
	return w.sig
}

// emptinessTest climbs from the payload field selected at cur through
// further field selections and len to a comparison with the zero value
// (x.F == "", x.F != nil, len(x.F) == 0, 0 < len(x.F)). It returns the
// comparison and whether it is true when the field is empty.
func (w *walker) emptinessTest(cur inspector.Cursor) (test inspector.Cursor, empty, ok bool) {
	e := cur
	isLen := false
	for {
		parent := e.Parent()
		k, _ := e.ParentEdge()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
		case *ast.SelectorExpr:
			if sel, ok := w.info.Selections[p]; !ok || sel.Kind() != types.FieldVal || isLen {
				return test, false, false
			}
		case *ast.CallExpr:
			if isLen || analysisutil.Builtin(w.info, p) != "len" || k != edge.CallExpr_Args {
				return test, false, false
			}
			isLen = true
		case *ast.BinaryExpr:
			op, other := p.Op, p.Y
			if k == edge.BinaryExpr_Y {
				op, other = mirror(op), p.X
			}
			empty, ok := w.comparesEmpty(op, other, isLen)
			return parent, empty, ok
		default:
			return test, false, false
		}
		e = parent
	}
}

// comparesEmpty reports whether "field op other" compares the field with
// its zero value, and whether it is then true when the field is empty. A
// length compares with 0 by ==, !=, <=, > and with 1 by <, >=.
func (w *walker) comparesEmpty(op token.Token, other ast.Expr, isLen bool) (empty, ok bool) {
	tv, known := w.info.Types[other]
	if !known {
		return false, false
	}
	if !isLen {
		if !tv.IsNil() && (tv.Value == nil || !analysisutil.IsZeroConstant(tv.Value)) {
			return false, false
		}
		switch op {
		case token.EQL:
			return true, true
		case token.NEQ:
			return false, true
		}
		return false, false
	}
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false, false
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact {
		return false, false
	}
	switch {
	case n == 0 && (op == token.EQL || op == token.LEQ):
		return true, true
	case n == 0 && (op == token.NEQ || op == token.GTR):
		return false, true
	case n == 1 && op == token.LSS:
		return true, true
	case n == 1 && op == token.GEQ:
		return false, true
	}
	return false, false
}

// mirror returns the operator that makes "y op x" mean "x op' y".
func mirror(op token.Token) token.Token {
	switch op {
	case token.LSS:
		return token.GTR
	case token.GTR:
		return token.LSS
	case token.LEQ:
		return token.GEQ
	case token.GEQ:
		return token.LEQ
	}
	return op
}
