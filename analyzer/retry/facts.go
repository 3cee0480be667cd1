// This file decides which functions retry or refresh the access_token
// (RetriesFact, RefreshesTokenFact): by what each function does on its
// own, by its markers, then spread to its callers in this package.

package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
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

func (rp *retryPass) collectFuncs() {
	for fdCur := range rp.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := fdCur.Node().(*ast.FuncDecl)
		obj, _ := rp.info.Defs[fd.Name].(*types.Func)
		if obj == nil || fd.Body == nil {
			continue
		}
		fi := &funcInfo{
			decl:       fd,
			obj:        obj,
			ownRetry:   analysisutil.HasDirective(fd.Doc, RetriesMarker),
			ownRefresh: analysisutil.HasDirective(fd.Doc, RefreshesTokenMarker),
		}
		rp.funcs[obj] = fi
		rp.order = append(rp.order, fi)
		for cur := range fdCur.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if len(n.Lhs) == len(n.Rhs) {
						rp.noteLitVar(lhs, n.Rhs[i])
					}
				}
				if n.Tok == token.ASSIGN && rp.clearsTokenField(n) {
					fi.ownRefresh = true
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if len(n.Names) == len(n.Values) {
						rp.noteLitVar(name, n.Values[i])
					}
				}
			case *ast.CallExpr:
				fn := analysisutil.Callee(rp.info, n)
				if m := rp.mechanismOf(n, fn); m != nil {
					fi.ownRetry = true
					rp.noteCallbacks(n, m)
				}
				if fn == nil {
					continue
				}
				if fn.Pkg() == rp.pass.Pkg {
					fi.callees = append(fi.callees, fn)
					fi.sites = append(fi.sites, cur)
				} else if fn.Pkg() != nil {
					if rp.pass.ImportObjectFact(fn, new(RetriesFact)) {
						fi.ownRetry = true
					}
					if rp.pass.ImportObjectFact(fn, new(RefreshesTokenFact)) {
						fi.ownRefresh = true
					}
				}
				if rp.refreshCall(n, fn) {
					fi.ownRefresh = true
				}
				if fn == obj && rp.underErrorCondition(cur) {
					fi.ownRetry = true // recursion after a failure
				}
				if isSleep(fn) && rp.inRetryLoop(cur) {
					fi.ownRetry = true // sleeps in a loop: a hand-written retry loop
				}
			}
		}
	}
	// Local function variables given to a mechanism: op := func() error {...}; backoff.Retry(op, b).
	for v, m := range rp.pending {
		if lit := rp.litVars[v]; lit != nil {
			rp.callbacks[lit] = m
		}
	}
	// Loops that continue after an errcode comparison retry.
	for _, cmp := range rp.cmps {
		fc := rp.enclosingFunc(cmp.stmt)
		if fc == nil || fc.outer == nil {
			continue
		}
		for _, s := range rp.scan(cmp, fc, true).retry {
			if s.kind == signContinue || s.kind == signGoto || s.kind == signRecursion {
				fc.outer.ownRetry = true
			}
		}
	}
}

func (rp *retryPass) obj(fd *ast.FuncDecl) *types.Func {
	fn, _ := rp.info.Defs[fd.Name].(*types.Func)
	return fn
}

func (rp *retryPass) noteLitVar(lhs, rhs ast.Expr) {
	lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
	if !ok {
		return
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := rp.info.ObjectOf(id).(*types.Var); ok {
		rp.litVars[v] = lit
		rp.varOfLit[lit] = v
	}
}

// noteCallbacks records the function arguments of a retry mechanism call.
func (rp *retryPass) noteCallbacks(call *ast.CallExpr, m *mechanism) {
	for _, arg := range call.Args {
		if !returnsError(rp.info.TypeOf(arg)) {
			continue
		}
		switch a := ast.Unparen(arg).(type) {
		case *ast.FuncLit:
			rp.callbacks[a] = m
		case *ast.Ident, *ast.SelectorExpr:
			var id *ast.Ident
			if sel, ok := a.(*ast.SelectorExpr); ok {
				id = sel.Sel
			} else {
				id = a.(*ast.Ident)
			}
			switch obj := rp.info.Uses[id].(type) {
			case *types.Func:
				if obj.Pkg() == rp.pass.Pkg {
					rp.cbFuncs[obj.Origin()] = m
				}
			case *types.Var:
				rp.pending[obj] = m
			}
		}
	}
}

// propagate extends own retries and refreshes to the callers in this
// package and exports the facts.
func (rp *retryPass) propagate() {
	callers := make(map[*types.Func][]*types.Func)
	for _, fi := range rp.order {
		for _, callee := range fi.callees {
			callers[callee] = append(callers[callee], fi.obj)
		}
		if fi.ownRetry {
			rp.retries[fi.obj] = true
		}
		if fi.ownRefresh {
			rp.refreshes[fi.obj] = true
		}
	}
	analysisutil.MarkCallers(rp.retries, callers)
	analysisutil.MarkCallers(rp.refreshes, callers)
	for _, fi := range rp.order {
		if rp.retries[fi.obj] {
			rp.pass.ExportObjectFact(fi.obj, &RetriesFact{Retries: true})
		}
		if rp.refreshes[fi.obj] {
			rp.pass.ExportObjectFact(fi.obj, &RefreshesTokenFact{RefreshesToken: true})
		}
	}
}

// retriesFunc reports whether fn retries (this package or by fact).
func (rp *retryPass) retriesFunc(fn *types.Func) bool {
	return retriers.Has(fn) || rp.funcHas(fn, rp.retries, new(RetriesFact))
}

// refreshesFunc reports whether fn refreshes the token (this package or by fact).
func (rp *retryPass) refreshesFunc(fn *types.Func) bool {
	return refreshers.Has(fn) || rp.funcHas(fn, rp.refreshes, new(RefreshesTokenFact))
}

// funcHas reports whether fn is in local, if it is of this package, or
// carries fact, if it is of another.
func (rp *retryPass) funcHas(fn *types.Func, local map[*types.Func]bool, fact analysis.Fact) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == rp.pass.Pkg {
		return local[fn]
	}
	return rp.pass.ImportObjectFact(fn, fact)
}
