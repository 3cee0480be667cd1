// This file decides which functions retry or refresh the access_token
// (RetriesFact, RefreshesTokenFact): by what each function does on its
// own, by its markers, then spread to its callers in this package.

package retry

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// The declaration-site markers, in a function's doc comment, for helpers
// that inference misses.
const (
	RetriesMarker        = "//wxerrlint:retries"
	RefreshesTokenMarker = "//wxerrlint:refreshes-token"
)

// RetriesFact marks a function that retries: it calls a retry mechanism
// (retry-go, backoff, go-retry, a function whose name says retry, or a
// function with this fact), loops back after a failure, or carries the
// //wxerrlint:retries marker.
//
// Facts need an exported field: go vet gob-encodes them.
type RetriesFact struct {
	Retries bool
}

func (*RetriesFact) AFact()         {}
func (*RetriesFact) String() string { return "retries" }

// RefreshesTokenFact marks a function that refreshes the access_token: it
// calls a function whose name says so (or one with this fact), clears a
// token field, or carries the //wxerrlint:refreshes-token marker.
type RefreshesTokenFact struct {
	RefreshesToken bool
}

func (*RefreshesTokenFact) AFact()         {}
func (*RefreshesTokenFact) String() string { return "refreshesToken" }

// funcInfo describes one function declaration of the package.
type funcInfo struct {
	decl       *ast.FuncDecl
	obj        *types.Func
	ownRetry   bool          // retries by itself (before propagation)
	ownRefresh bool          // refreshes by itself
	callees    []*types.Func // functions of this package it calls
	sites      []inspector.Cursor
}

func (c *checker) collectFuncs() {
	for fdCur := range c.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := fdCur.Node().(*ast.FuncDecl)
		obj, _ := c.info.Defs[fd.Name].(*types.Func)
		if obj == nil || fd.Body == nil {
			continue
		}
		fi := &funcInfo{
			decl:       fd,
			obj:        obj,
			ownRetry:   hasMarker(fd.Doc, RetriesMarker),
			ownRefresh: hasMarker(fd.Doc, RefreshesTokenMarker),
		}
		c.funcs[obj] = fi
		c.order = append(c.order, fi)
		for cur := range fdCur.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if len(n.Lhs) == len(n.Rhs) {
						c.noteLitVar(lhs, n.Rhs[i])
					}
				}
				if n.Tok == token.ASSIGN && c.clearsTokenField(n) {
					fi.ownRefresh = true
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if len(n.Names) == len(n.Values) {
						c.noteLitVar(name, n.Values[i])
					}
				}
			case *ast.CallExpr:
				fn := errcode.CalledFunc(c.info, n)
				if m := c.mechanismOf(n, fn); m != nil {
					fi.ownRetry = true
					c.noteCallbacks(n, m)
				}
				if fn == nil {
					continue
				}
				if fn.Pkg() == c.pass.Pkg {
					fi.callees = append(fi.callees, fn)
					fi.sites = append(fi.sites, cur)
				} else if fn.Pkg() != nil {
					if c.pass.ImportObjectFact(fn, new(RetriesFact)) {
						fi.ownRetry = true
					}
					if c.pass.ImportObjectFact(fn, new(RefreshesTokenFact)) {
						fi.ownRefresh = true
					}
				}
				if c.refreshCall(n, fn) {
					fi.ownRefresh = true
				}
				if fn == obj && c.underErrorCondition(cur) {
					fi.ownRetry = true // recursion after a failure
				}
				if isSleep(fn) && c.inRetryLoop(cur) {
					fi.ownRetry = true // sleeps in a loop: a hand-written retry loop
				}
			}
		}
	}
	// Local function variables given to a mechanism: op := func() error {...}; backoff.Retry(op, b).
	for v, m := range c.pending {
		if lit := c.litVars[v]; lit != nil {
			c.callbacks[lit] = m
		}
	}
	// Loops that continue after an errcode comparison retry.
	for _, cmp := range c.cmps {
		fc := c.funcCtx(cmp.stmt)
		if fc == nil || fc.outer == nil {
			continue
		}
		for _, s := range c.scan(cmp, fc, true).retry {
			if s.kind == signContinue || s.kind == signGoto || s.kind == signRecursion {
				fc.outer.ownRetry = true
			}
		}
	}
}

func (c *checker) obj(fd *ast.FuncDecl) *types.Func {
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	return fn
}

// hasMarker reports whether a doc comment holds a marker line.
func hasMarker(doc *ast.CommentGroup, marker string) bool {
	if doc == nil {
		return false
	}
	for _, cm := range doc.List {
		if rest, ok := strings.CutPrefix(cm.Text, marker); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return true
		}
	}
	return false
}

func (c *checker) noteLitVar(lhs, rhs ast.Expr) {
	lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
	if !ok {
		return
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
		c.litVars[v] = lit
		c.varOfLit[lit] = v
	}
}

// noteCallbacks records the function arguments of a retry mechanism call.
func (c *checker) noteCallbacks(call *ast.CallExpr, m *mechanism) {
	for _, arg := range call.Args {
		if !returnsError(c.info.TypeOf(arg)) {
			continue
		}
		switch a := ast.Unparen(arg).(type) {
		case *ast.FuncLit:
			c.callbacks[a] = m
		case *ast.Ident, *ast.SelectorExpr:
			var id *ast.Ident
			if sel, ok := a.(*ast.SelectorExpr); ok {
				id = sel.Sel
			} else {
				id = a.(*ast.Ident)
			}
			switch obj := c.info.Uses[id].(type) {
			case *types.Func:
				if obj.Pkg() == c.pass.Pkg {
					c.cbFuncs[obj.Origin()] = m
				}
			case *types.Var:
				c.pending[obj] = m
			}
		}
	}
}

// propagate extends own retries and refreshes to the callers in this
// package and exports the facts.
func (c *checker) propagate() {
	callers := make(map[*types.Func][]*types.Func)
	var retryWork, refreshWork []*types.Func
	for _, fi := range c.order {
		for _, callee := range fi.callees {
			callers[callee] = append(callers[callee], fi.obj)
		}
		if fi.ownRetry {
			c.retries[fi.obj] = true
			retryWork = append(retryWork, fi.obj)
		}
		if fi.ownRefresh {
			c.refreshes[fi.obj] = true
			refreshWork = append(refreshWork, fi.obj)
		}
	}
	spread := func(set map[*types.Func]bool, work []*types.Func) {
		for len(work) > 0 {
			fn := work[len(work)-1]
			work = work[:len(work)-1]
			for _, caller := range callers[fn] {
				if !set[caller] {
					set[caller] = true
					work = append(work, caller)
				}
			}
		}
	}
	spread(c.retries, retryWork)
	spread(c.refreshes, refreshWork)
	for _, fi := range c.order {
		if c.retries[fi.obj] {
			c.pass.ExportObjectFact(fi.obj, &RetriesFact{Retries: true})
		}
		if c.refreshes[fi.obj] {
			c.pass.ExportObjectFact(fi.obj, &RefreshesTokenFact{RefreshesToken: true})
		}
	}
}

// retriesFunc reports whether fn retries (this package or by fact).
func (c *checker) retriesFunc(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.retries[fn]
	}
	return c.pass.ImportObjectFact(fn, new(RetriesFact))
}

// refreshesFunc reports whether fn refreshes the token (this package or by fact).
func (c *checker) refreshesFunc(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.refreshes[fn]
	}
	return c.pass.ImportObjectFact(fn, new(RefreshesTokenFact))
}
