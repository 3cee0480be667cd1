// This file decides the verdict on a branch: it retries, gives up, refreshes
// without retrying, retries without refreshing, stops a retry callback, or
// returns a sentinel nothing tells apart.

package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
	"github.com/wxerrlint/wxerrlint/internal/codes"
)

type verdict uint8

const (
	undecided verdict = iota
	retries
	givesUp
	refreshNoRetry
	retryNoRefresh
	stopsRetry       // a retry callback returns a permanent error
	notRetryable     // a go-retry callback returns an error not marked retryable
	untestedSentinel // returns an unexported sentinel nothing tells apart
)

type judgement struct {
	verdict  verdict
	how      string // "returns", "panics", "exits"
	marker   string // the library's stop or retryable marker, or the untested sentinel's name
	mechName string
}

// judge decides what a branch does for a code of class cl.
func (rp *retryPass) judge(cmp *comparison, fc *funcCtx, cl codes.RetryClass) judgement {
	bs := rp.scan(cmp, fc, false)
	if len(bs.retry) > 0 {
		if cl != codes.RefreshToken {
			return judgement{verdict: retries}
		}
		for _, s := range bs.retry {
			if s.refreshed || rp.refreshedBefore(bs, s) {
				return judgement{verdict: retries}
			}
		}
		return judgement{verdict: retryNoRefresh}
	}
	if len(cmp.stmts) == 0 {
		return judgement{}
	}
	how := ""
	var ret *ast.ReturnStmt
	switch last := cmp.stmts[len(cmp.stmts)-1].(type) {
	case *ast.ReturnStmt:
		how, ret = "returns", last
	case *ast.ExprStmt:
		how = rp.exits(last.X)
	case *ast.BranchStmt:
		// goto fail, where fail: return errors.New(...)
		if ret = rp.gotoReturn(last, fc); ret != nil {
			how = "returns"
			bs.returns = append(bs.returns, ret)
		}
	}
	if how == "" && cl != codes.None {
		// if r.ErrCode == 45011 { c.JSON(500, ...) } at the end of a
		// handler, or a refresh followed by a shared return.
		switch next, ends, ok := rp.fallsTo(cmp, fc); {
		case !ok:
		case ends:
			how = "ends the function"
		default:
			how, ret = "returns", next
			bs.returns = append(bs.returns, next)
		}
	}
	if how == "" {
		return judgement{} // breaks, continues over a collection, falls into more code: cannot tell
	}
	if fc.callback != nil {
		switch {
		case bs.permanent != "":
			return judgement{verdict: stopsRetry, how: how, marker: bs.permanent, mechName: fc.callback.name}
		case bs.plainCB:
			return judgement{verdict: notRetryable, how: how, marker: fc.callback.pkg + "." + fc.callback.lib.retryable, mechName: fc.callback.name}
		}
		return judgement{}
	}
	if fc.sig.Results().Len() == 0 && rp.fromParam(cmp.errcode, fc) {
		// A hook handed a reply its caller fetched (it drops the cached
		// token on 40001): its end returns to that caller, which made the
		// call and decides whether to retry it.
		return judgement{}
	}
	if ret != nil {
		v, marker := rp.returnVerdict(cmp, fc, bs, ret)
		if v != givesUp {
			return judgement{verdict: v, marker: marker}
		}
	}
	if cl == codes.RefreshToken && len(bs.refresh) > 0 {
		return judgement{verdict: refreshNoRetry, how: how}
	}
	return judgement{verdict: givesUp, how: how}
}

// refreshedBefore reports whether a token refresh precedes a retry: in the
// branch before it (or inside its callback), or anywhere in the loop,
// function or callback it retries.
func (rp *retryPass) refreshedBefore(bs *branchScan, s sign) bool {
	for _, p := range bs.refresh {
		if p < s.node.End() {
			return true
		}
	}
	if s.scope == nil {
		return false
	}
	found := false
	ast.Inspect(s.scope, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && rp.refreshCall(call, analysisutil.Callee(rp.info, call)) {
			found = true
		}
		return true
	})
	return found
}

// gotoReturn returns the return statement a goto jumps forward to, if the
// label labels one.
func (rp *retryPass) gotoReturn(br *ast.BranchStmt, fc *funcCtx) *ast.ReturnStmt {
	if br.Tok != token.GOTO || br.Label == nil {
		return nil
	}
	l, ok := rp.info.Uses[br.Label].(*types.Label)
	if !ok || l.Pos() < br.Pos() {
		return nil
	}
	var ret *ast.ReturnStmt
	ast.Inspect(fc.body, func(n ast.Node) bool {
		if ls, ok := n.(*ast.LabeledStmt); ok && ls.Label.Pos() == l.Pos() {
			ret, _ = ls.Stmt.(*ast.ReturnStmt)
		}
		return ret == nil
	})
	return ret
}

// exits returns "panics" or "exits" for a call that does not return.
func (rp *retryPass) exits(e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	return analysisutil.NoReturn(rp.info, call)
}

// returnVerdict judges a branch that ends in a return, outside retry
// callbacks: givesUp when it hands its caller nothing to act on.
func (rp *retryPass) returnVerdict(cmp *comparison, fc *funcCtx, bs *branchScan, ret *ast.ReturnStmt) (verdict, string) {
	res := fc.sig.Results()
	if fc.lit && (res.Len() > 0 || fc.inLoop) {
		return undecided, "" // a literal's results go to code that may retry
	}
	if res.Len() == 0 {
		return givesUp, ""
	}
	errIdx := -1
	for i := range res.Len() {
		t := res.At(i).Type()
		if analysisutil.IsError(t) {
			errIdx = i
			continue
		}
		if _, ok := t.Underlying().(*types.Basic); ok && (isNamed(t) || t.Underlying().(*types.Basic).Info()&types.IsBoolean != 0) {
			return undecided, "" // a classifier: it returns a bool or a kind
		}
	}
	if errIdx < 0 {
		return undecided, "" // results but no error: a classifier, or the caller checks
	}
	// Returning the response or the code hands the caller the errcode.
	for _, r := range bs.returns {
		for _, x := range r.Results {
			if t := rp.info.TypeOf(x); rp.ec.IsErrcode(x) || (t != nil && rp.ec.IsResponseType(t)) {
				return undecided, ""
			}
		}
		if len(r.Results) == 0 { // a naked return of a named response result
			for i := range res.Len() {
				if rp.ec.IsResponseType(res.At(i).Type()) {
					return undecided, ""
				}
			}
		}
	}
	var e ast.Expr
	switch {
	case len(ret.Results) == res.Len():
		e = ret.Results[errIdx]
	case len(ret.Results) == 0 && res.At(errIdx).Name() != "":
		// A naked return: the value last assigned to the named result.
		e = lastAssign(rp.info, res.At(errIdx), cmp.stmts, ret.Pos())
		if e == nil {
			return undecided, ""
		}
	default:
		return undecided, ""
	}
	cl, sentinel := rp.classifyErr(e, ret, cmp.stmts)
	switch cl {
	case errPlain:
		return givesUp, ""
	case errDistinguishable:
		if sentinel != nil && sentinel.Pkg() == rp.pass.Pkg && !sentinel.Exported() && !rp.sentinelTested(sentinel) {
			return untestedSentinel, sentinel.Name()
		}
	}
	return undecided, ""
}

func isNamed(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Named)
	return ok
}

// sentinelTested reports whether code in this package may tell a
// sentinel error apart: any use other than being returned or wrapped.
func (rp *retryPass) sentinelTested(v *types.Var) bool {
	if rp.tested == nil {
		rp.tested = make(map[*types.Var]bool)
		for cur := range rp.ins.Root().Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			u, ok := rp.info.Uses[id].(*types.Var)
			if !ok || u.Pkg() != rp.pass.Pkg || u.Parent() != u.Pkg().Scope() || rp.tested[u] {
				continue
			}
			if !rp.passiveUse(cur) {
				rp.tested[u] = true
			}
		}
	}
	return rp.tested[v]
}

// passiveUse reports whether an identifier is only returned or wrapped.
func (rp *retryPass) passiveUse(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.CallExpr:
		if fn := analysisutil.Callee(rp.info, p); fn != nil && fn.Pkg() != nil && p.Fun != cur.Node() {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "fmt.Errorf", "errors.Join", "github.com/pkg/errors.Wrap", "github.com/pkg/errors.Wrapf",
				"github.com/pkg/errors.WithMessage", "github.com/pkg/errors.WithStack":
				return true
			}
		}
	}
	return false
}

// fromParam reports whether the errcode e is read from a parameter or the
// receiver of fc (e.ErrCode, int(*e.ErrCode), e.Code(), code): a value its
// caller got, rather than a reply of a call fc made.
func (rp *retryPass) fromParam(e ast.Expr, fc *funcCtx) bool {
	v := rootVar(rp.info, e)
	if v == nil {
		return false
	}
	if recv := fc.sig.Recv(); recv != nil && recv == v {
		return true
	}
	for p := range fc.sig.Params().Variables() {
		if p == v {
			return true
		}
	}
	return false
}
