// This file decides what surrounds a comparison or a call: the function
// it is in (declared or literal, a retry callback or not), a retry-shaped
// loop, and whether a caller in this package retries it.

package retry

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// retryShaped reports whether a loop can be a retry loop: a for loop, or
// a range over an integer or an iterator function; not a range over a
// collection, whose next iteration moves on to the next element.
func (rp *retryPass) retryShaped(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return true
	case *ast.RangeStmt:
		t := rp.info.TypeOf(l.X)
		if t == nil {
			return false
		}
		switch u := t.Underlying().(type) {
		case *types.Basic:
			return u.Info()&types.IsInteger != 0
		case *types.Signature:
			return true
		}
	}
	return false
}

// inRetryLoop reports whether cur is inside a retry-shaped loop of its
// own function.
func (rp *retryPass) inRetryLoop(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		default:
			if rp.retryShaped(n) {
				return true
			}
		}
	}
	return false
}

// underErrorCondition reports whether cur is in the body of an if whose
// condition mentions an errcode or an error.
func (rp *retryPass) underErrorCondition(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := e.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok && !found {
				found = rp.ec.IsErrcode(x) || analysisutil.IsError(rp.info.TypeOf(x))
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// funcCtx describes the function (declared or literal) a comparison is in.
type funcCtx struct {
	node     ast.Node
	sig      *types.Signature
	body     *ast.BlockStmt
	self     types.Object // the function, or the variable a literal is assigned to
	outer    *funcInfo    // the enclosing declaration; nil at package level
	callback *mechanism   // the retry mechanism this function is given to
	lit      bool
	inLoop   bool // a literal inside a retry-shaped loop
}

// enclosingFunc returns the function a statement is in, described once
// per function; nil at package level or for a function without a body.
func (rp *retryPass) enclosingFunc(stmt inspector.Cursor) *funcCtx {
	var fcur inspector.Cursor
	found := false
	for e := range stmt.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fcur, found = e, true
		break
	}
	if !found {
		return nil
	}
	if fc, ok := rp.ctxs[fcur.Node()]; ok {
		return fc
	}
	fc := &funcCtx{node: fcur.Node()}
	switch n := fcur.Node().(type) {
	case *ast.FuncDecl:
		fn := rp.obj(n)
		if fn == nil || n.Body == nil {
			rp.ctxs[n] = nil
			return nil
		}
		fc.sig, _ = fn.Type().(*types.Signature)
		fc.body, fc.self, fc.outer = n.Body, fn, rp.funcs[fn]
		fc.callback = rp.cbFuncs[fn]
	case *ast.FuncLit:
		fc.sig, _ = rp.info.TypeOf(n).(*types.Signature)
		fc.body, fc.lit = n.Body, true
		if v := rp.varOfLit[n]; v != nil {
			fc.self = v
		}
		fc.callback = rp.callbacks[n]
		fc.inLoop = rp.inRetryLoop(fcur.Parent())
		for e := range fcur.Enclosing((*ast.FuncDecl)(nil)) {
			if fn := rp.obj(e.Node().(*ast.FuncDecl)); fn != nil {
				fc.outer = rp.funcs[fn]
			}
		}
	}
	if fc.sig == nil {
		fc = nil
	}
	rp.ctxs[fcur.Node()] = fc
	return fc
}

// computeCovered finds the functions of this package that a caller
// retries: called inside a retry-shaped loop or a retry callback, given
// to a retry mechanism, or called by such a function.
func (rp *retryPass) computeCovered() {
	rp.covered = make(map[*types.Func]bool)
	var work []*types.Func
	mark := func(fn *types.Func) {
		if !rp.covered[fn] {
			rp.covered[fn] = true
			work = append(work, fn)
		}
	}
	// A function given to a retry mechanism is judged as a callback; what it
	// calls is retried with it.
	for fn := range rp.cbFuncs {
		work = append(work, fn)
	}
	for _, fi := range rp.order {
		for i, site := range fi.sites {
			if rp.inRetryContext(site) {
				mark(fi.callees[i])
			}
		}
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if fi := rp.funcs[fn]; fi != nil {
			for _, callee := range fi.callees {
				mark(callee)
			}
		}
	}
}

// inRetryContext reports whether a call runs again after a failure: in a
// retry callback, a retry-shaped loop, or a range over a channel (a ticker
// or a work queue that runs it again later).
func (rp *retryPass) inRetryContext(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			if rp.callbacks[n] != nil {
				return true
			}
		case *ast.RangeStmt:
			if t := rp.info.TypeOf(n.X); rp.retryShaped(n) || (t != nil && isChan(t)) {
				return true
			}
		default:
			if rp.retryShaped(n) {
				return true
			}
		}
	}
	return false
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}
