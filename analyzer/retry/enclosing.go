// This file decides what surrounds a comparison or a call: the function
// it is in (declared or literal, a retry callback or not), a retry-shaped
// loop, and whether a caller in this package retries it.

package retry

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// retryShaped reports whether a loop can be a retry loop: a for loop, or
// a range over an integer or an iterator function; not a range over a
// collection, whose next iteration moves on to the next element.
func (c *checker) retryShaped(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return true
	case *ast.RangeStmt:
		t := c.info.TypeOf(l.X)
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
func (c *checker) inRetryLoop(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		default:
			if c.retryShaped(n) {
				return true
			}
		}
	}
	return false
}

// underErrorCondition reports whether cur is in the body of an if whose
// condition mentions an errcode or an error.
func (c *checker) underErrorCondition(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := e.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok && !found {
				found = c.ec.IsErrcode(x) || isError(c.info.TypeOf(x))
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

func (c *checker) funcCtx(stmt inspector.Cursor) *funcCtx {
	var fcur inspector.Cursor
	found := false
	for e := range stmt.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fcur, found = e, true
		break
	}
	if !found {
		return nil
	}
	if fc, ok := c.ctxs[fcur.Node()]; ok {
		return fc
	}
	fc := &funcCtx{node: fcur.Node()}
	switch n := fcur.Node().(type) {
	case *ast.FuncDecl:
		fn := c.obj(n)
		if fn == nil || n.Body == nil {
			c.ctxs[n] = nil
			return nil
		}
		fc.sig, _ = fn.Type().(*types.Signature)
		fc.body, fc.self, fc.outer = n.Body, fn, c.funcs[fn]
		fc.callback = c.cbFuncs[fn]
	case *ast.FuncLit:
		fc.sig, _ = c.info.TypeOf(n).(*types.Signature)
		fc.body, fc.lit = n.Body, true
		if v := c.varOfLit[n]; v != nil {
			fc.self = v
		}
		fc.callback = c.callbacks[n]
		fc.inLoop = c.inRetryLoop(fcur.Parent())
		for e := range fcur.Enclosing((*ast.FuncDecl)(nil)) {
			if fn := c.obj(e.Node().(*ast.FuncDecl)); fn != nil {
				fc.outer = c.funcs[fn]
			}
		}
	}
	if fc.sig == nil {
		fc = nil
	}
	c.ctxs[fcur.Node()] = fc
	return fc
}

// computeCovered finds the functions of this package that a caller
// retries: called inside a retry-shaped loop or a retry callback, given
// to a retry mechanism, or called by such a function.
func (c *checker) computeCovered() {
	c.covered = make(map[*types.Func]bool)
	var work []*types.Func
	mark := func(fn *types.Func) {
		if !c.covered[fn] {
			c.covered[fn] = true
			work = append(work, fn)
		}
	}
	// A function given to a retry mechanism is judged as a callback; what it
	// calls is retried with it.
	for fn := range c.cbFuncs {
		work = append(work, fn)
	}
	for _, fi := range c.order {
		for i, site := range fi.sites {
			if c.inRetryContext(site) {
				mark(fi.callees[i])
			}
		}
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if fi := c.funcs[fn]; fi != nil {
			for _, callee := range fi.callees {
				mark(callee)
			}
		}
	}
}

// inRetryContext reports whether a call runs again after a failure: in a
// retry callback, a retry-shaped loop, or a range over a channel (a ticker
// or a work queue that runs it again later).
func (c *checker) inRetryContext(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			if c.callbacks[n] != nil {
				return true
			}
		case *ast.RangeStmt:
			if t := c.info.TypeOf(n.X); c.retryShaped(n) || (t != nil && isChan(t)) {
				return true
			}
		default:
			if c.retryShaped(n) {
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
