// This file decides what a branch holds: the signs of a retry (a retry
// call, continue, goto, recursion, a retryable callback error, work handed
// back), the token refreshes, and the returns.

package retry

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

type signKind uint8

const (
	signCall          signKind = iota // a call of a retry mechanism or of a function that retries
	signContinue                      // continue in an enclosing retry-shaped loop
	signGoto                          // goto a label before the comparison
	signRecursion                     // a call of the enclosing function
	signCallbackRetry                 // return of a retryable error from a retry callback
	signDeferred                      // hands the work back for later: a channel send, requeue
)

type sign struct {
	kind      signKind
	node      ast.Node
	scope     ast.Node // where a token refresh makes this retry use a new token
	refreshed bool     // the retry refreshes the token itself, or may
}

// branchScan is what a branch holds.
type branchScan struct {
	retry     []sign
	refresh   []token.Pos
	returns   []*ast.ReturnStmt
	permanent string // name of the permanent marker a callback return uses
	plainCB   bool   // a go-retry callback returns a plain (non-retryable) error
}

// scan walks a branch for retries, token refreshes and returns. With
// controlOnly, it looks only for retries by control flow: continue, goto,
// recursion.
func (rp *retryPass) scan(cmp *comparison, fc *funcCtx, controlOnly bool) *branchScan {
	bs := new(branchScan)
	start, end := cmp.block.Pos(), cmp.block.End()
	for _, st := range cmp.stmts {
		ast.PreorderStack(st, nil, func(n ast.Node, stack []ast.Node) bool {
			inLit := false
			for _, s := range stack {
				if _, ok := s.(*ast.FuncLit); ok {
					inLit = true
				}
			}
			switch n := n.(type) {
			case *ast.CallExpr:
				if controlOnly {
					rp.scanRecursion(bs, n, fc)
				} else {
					rp.scanCall(bs, n, fc)
				}
			case *ast.AssignStmt:
				if n.Tok == token.ASSIGN && !controlOnly {
					for _, lhs := range n.Lhs {
						if nameOf(lhs) != "" && mentionsToken(nameOf(lhs)) {
							bs.refresh = append(bs.refresh, n.Pos())
						}
					}
				}
			case *ast.SendStmt:
				bs.retry = append(bs.retry, sign{kind: signDeferred, node: n, refreshed: true})
			case *ast.ReturnStmt:
				if !inLit {
					bs.returns = append(bs.returns, n)
				}
			case *ast.BranchStmt:
				if inLit {
					break
				}
				switch n.Tok {
				case token.CONTINUE:
					if loop := rp.continueTarget(n, stack, cmp.stmt, start, end); loop != nil && rp.retryShaped(loop) {
						bs.retry = append(bs.retry, sign{kind: signContinue, node: n, scope: loop})
					}
				case token.GOTO:
					if l, ok := rp.info.Uses[n.Label].(*types.Label); ok && l.Pos() < cmp.stmt.Node().Pos() {
						bs.retry = append(bs.retry, sign{kind: signGoto, node: n, scope: fc.body})
					}
				}
			}
			return true
		})
	}
	if fc.callback != nil && !controlOnly {
		for _, r := range bs.returns {
			rp.scanCallbackReturn(bs, r, fc)
		}
	}
	return bs
}

func nameOf(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.StarExpr:
		return nameOf(e.X)
	}
	return ""
}

func (rp *retryPass) scanCall(bs *branchScan, call *ast.CallExpr, fc *funcCtx) {
	fn := analysisutil.Callee(rp.info, call)
	if rp.refreshCall(call, fn) {
		bs.refresh = append(bs.refresh, call.Pos())
	}
	if rp.scanRecursion(bs, call, fc) {
		return
	}
	if fn == nil {
		if rp.callsFuncValue(call) {
			// onBusy(resp), c.handler(err): code the package cannot see
			// may retry. Unsure: count it as a retry, and stay silent.
			bs.retry = append(bs.retry, sign{kind: signDeferred, node: call, refreshed: true})
		}
		return
	}
	if m := rp.mechanismOf(call, fn); m != nil || rp.retriesFunc(fn) {
		// A method of an interface may do anything: count it as refreshing.
		_, iface := recvType(fn).(*types.Interface)
		bs.retry = append(bs.retry, sign{kind: signCall, node: call, refreshed: iface || rp.refreshesFunc(fn)})
		return
	}
	// Mutual recursion: a function of this package that calls back the enclosing one.
	if self, ok := fc.self.(*types.Func); ok && fn.Pkg() == rp.pass.Pkg && rp.reaches(fn, self) {
		bs.retry = append(bs.retry, sign{kind: signRecursion, node: call, scope: fc.body})
		return
	}
	if rp.handsBack(call, fn) {
		bs.retry = append(bs.retry, sign{kind: signDeferred, node: call, refreshed: true})
		return
	}
	for _, w := range analysisutil.Words(fn.Name()) {
		switch w {
		case "requeue", "enqueue", "reschedule", "schedule", "later":
			bs.retry = append(bs.retry, sign{kind: signDeferred, node: call, refreshed: true})
			return
		}
	}
}

// callsFuncValue reports whether call calls a function value (a variable,
// a field, a parameter, a result): not a conversion, a builtin, or a
// function literal, whose body is in sight.
func (rp *retryPass) callsFuncValue(call *ast.CallExpr) bool {
	fun := ast.Unparen(call.Fun)
	if _, lit := fun.(*ast.FuncLit); lit {
		return false
	}
	tv, ok := rp.info.Types[fun]
	if !ok || tv.IsType() || tv.IsBuiltin() {
		return false
	}
	_, isSig := tv.Type.Underlying().(*types.Signature)
	return isSig
}

// handsBack reports whether a call hands the retry to someone else: a
// timer (time.AfterFunc), or an HTTP client told to retry (http.Error or
// WriteHeader with 429 or 503, a Retry-After header, or a web framework's
// answer with such a status: c.JSON(429, ...)).
func (rp *retryPass) handsBack(call *ast.CallExpr, fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if rp.answersRetryStatus(call, fn) {
		return true
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "time" && name == "AfterFunc":
		return true
	case path == "net/http" && (name == "Error" || name == "WriteHeader") && len(call.Args) > 0:
		tv := rp.info.Types[call.Args[len(call.Args)-1]]
		if tv.Value == nil {
			return true // a status computed elsewhere: cannot tell
		}
		status, _ := constant.Int64Val(constant.ToInt(tv.Value))
		return status == 429 || status == 503
	case path == "net/http" && (name == "Set" || name == "Add") && len(call.Args) > 0:
		tv := rp.info.Types[call.Args[0]]
		return tv.Value != nil && tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), "Retry-After")
	}
	return false
}

// answersRetryStatus reports whether a call passes the constant 429 or 503
// to an integer parameter named for a status or code, as web frameworks'
// answers take it: gin's c.JSON(code int, obj any), echo's, fiber's
// c.Status(status int).
func (rp *retryPass) answersRetryStatus(call *ast.CallExpr, fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return false
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		if statusParam(sig.Params().At(i)) && retryStatus(rp.info.Types[a].Value) {
			return true
		}
	}
	return false
}

// statusParam reports whether p carries an HTTP status: an integer whose
// name has the word status or code (gin's c.JSON(code int, ...), echo's
// c.String(code int, ...), statusCode, httpStatus).
func statusParam(p *types.Var) bool {
	if b, ok := p.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 {
		return false
	}
	for _, w := range analysisutil.Words(p.Name()) {
		if w == "status" || w == "code" {
			return true
		}
	}
	return false
}

// retryStatus reports whether v is a status that tells an HTTP client to
// retry: 429 Too Many Requests or 503 Service Unavailable.
func retryStatus(v constant.Value) bool {
	if v == nil || v.Kind() != constant.Int {
		return false
	}
	status, _ := constant.Int64Val(v)
	return status == 429 || status == 503
}

// scanRecursion records a call of the enclosing function, or of the
// variable its literal is assigned to.
func (rp *retryPass) scanRecursion(bs *branchScan, call *ast.CallExpr, fc *funcCtx) bool {
	if fc.self == nil {
		return false
	}
	obj := typeutil.Callee(rp.info, call)
	if f, ok := obj.(*types.Func); ok {
		obj = f.Origin()
	}
	if obj == nil || obj != fc.self {
		return false
	}
	bs.retry = append(bs.retry, sign{kind: signRecursion, node: call, scope: fc.body})
	return true
}

func recvType(fn *types.Func) types.Type {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type().Underlying()
}

// reaches reports whether from calls to (transitively) within this package.
func (rp *retryPass) reaches(from, to *types.Func) bool {
	if rp.reach == nil {
		rp.reach = make(map[*types.Func]map[*types.Func]bool)
	}
	seen, ok := rp.reach[from]
	if !ok {
		seen = make(map[*types.Func]bool)
		work := []*types.Func{from}
		for len(work) > 0 {
			fn := work[len(work)-1]
			work = work[:len(work)-1]
			if fi := rp.funcs[fn]; fi != nil {
				for _, callee := range fi.callees {
					if !seen[callee] {
						seen[callee] = true
						work = append(work, callee)
					}
				}
			}
		}
		rp.reach[from] = seen
	}
	return seen[to]
}

// continueTarget returns the loop outside the branch [start, end) that a
// continue statement continues, or nil if it continues a loop inside it.
func (rp *retryPass) continueTarget(br *ast.BranchStmt, stack []ast.Node, stmt inspector.Cursor, start, end token.Pos) ast.Node {
	if br.Label != nil {
		l, ok := rp.info.Uses[br.Label].(*types.Label)
		if !ok || (start <= l.Pos() && l.Pos() < end) {
			return nil
		}
		for e := range stmt.Enclosing((*ast.LabeledStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
			ls, ok := e.Node().(*ast.LabeledStmt)
			if !ok {
				return nil
			}
			if ls.Label.Pos() == l.Pos() {
				return ls.Stmt
			}
		}
		return nil
	}
	for _, s := range stack {
		switch s.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return nil // a loop inside the branch
		}
	}
	for e := range stmt.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return n
		default:
			return nil
		}
	}
	return nil
}

// scanCallbackReturn judges a return from a retry callback: a retryable
// error retries; a permanent one stops the retry.
func (rp *retryPass) scanCallbackReturn(bs *branchScan, r *ast.ReturnStmt, fc *funcCtx) {
	if len(r.Results) == 0 {
		return
	}
	e := ast.Unparen(r.Results[len(r.Results)-1])
	if tv, ok := rp.info.Types[e]; ok && tv.IsNil() {
		return // success: stops the retry, but the caller may look further
	}
	call, _ := e.(*ast.CallExpr)
	var fn *types.Func
	if call != nil {
		fn = analysisutil.Callee(rp.info, call)
	}
	if fn != nil && fn.Pkg() != nil {
		if lib := libraryOf(fn.Pkg().Path()); lib != nil {
			switch fn.Name() {
			case lib.stop:
				bs.permanent = fn.Pkg().Name() + "." + fn.Name()
				return
			case lib.retryable:
				bs.retry = append(bs.retry, sign{kind: signCallbackRetry, node: r, scope: fc.body})
				return
			}
		}
	}
	if lib := fc.callback.lib; lib != nil && lib.retryable != "" {
		// The library retries only errors marked retryable.
		if cl, _ := rp.classifyErr(e, r, nil); cl == errPlain {
			bs.plainCB = true
		}
		return
	}
	bs.retry = append(bs.retry, sign{kind: signCallbackRetry, node: r, scope: fc.body})
}
