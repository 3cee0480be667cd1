// This file decides what a name says: that a function retries, refreshes
// the token, or sleeps. False reports come from these heuristics;
// names_test.go holds their tables, which are their specification.

package retry

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// containsFold reports whether s contains sub, ignoring ASCII case,
// without allocating: the name tests run on every call of a package.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

func containsAnyFold(s string, subs []string) bool {
	for _, sub := range subs {
		if containsFold(s, sub) {
			return true
		}
	}
	return false
}

// refreshHints are the substrings a name needs to say refresh; a cheap
// filter before splitting it into words.
var refreshHints = []string{"fresh", "renew", "reissue", "regenerate", "reset", "force", "reload", "rotate",
	"invalidate", "clear", "expire", "fetch", "update", "flush", "evict", "del", "remove", "drop",
	"token", "ticket", "credential"}

// notActions are first words of names that ask or configure rather than act.
var notActions = map[string]bool{
	"is": true, "should": true, "can": true, "has": true, "need": true, "needs": true, "must": true,
	"no": true, "non": true, "not": true, "without": true, "skip": true, "disable": true,
	"get": true, "set": true, "new": true, "max": true, "num": true, "default": true,
}

// saysRetry reports whether fn's name says it retries: doWithRetry,
// RetryRequest, retrier.Do; not IsRetryable, RetryableError, MaxRetries
// or a function returning a bool, number or duration.
func saysRetry(fn *types.Func) bool {
	name := fn.Name()
	if !containsFold(name, "retr") && name != "Do" && name != "Run" && name != "Execute" {
		return false
	}
	ws := analysisutil.Words(name)
	if len(ws) == 0 || notActions[ws[0]] {
		return false
	}
	says := false
	for _, w := range ws {
		if strings.HasPrefix(w, "retryable") || strings.HasPrefix(w, "retriable") {
			return false
		}
		switch {
		case strings.HasPrefix(w, "retry"), w == "retries", w == "retried", w == "retrier", w == "retriers":
			says = true
		}
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return false
	}
	if !says {
		// retrier.Do(...), r.Run(...)
		if recv := sig.Recv(); recv != nil && (name == "Do" || name == "Run" || name == "Execute") {
			rn := strings.ToLower(typeName(recv.Type()))
			says = strings.Contains(rn, "retrier") || strings.Contains(rn, "retryer")
		}
		if !says {
			return false
		}
	}
	for i := range sig.Results().Len() {
		if _, ok := sig.Results().At(i).Type().Underlying().(*types.Basic); ok {
			return false // a predicate, a count or a delay
		}
	}
	return true
}

func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// Refresh verbs that say refresh on their own, and those that need a
// token in the name, receiver or arguments.
var (
	refreshVerbs = map[string]bool{"refresh": true, "renew": true, "reissue": true, "regenerate": true}
	tokenVerbs   = map[string]bool{
		"reset": true, "force": true, "reload": true, "rotate": true, "invalidate": true, "clear": true, "expire": true, "fetch": true,
		"update": true, "flush": true, "evict": true, "delete": true, "remove": true, "del": true, "drop": true,
	}
)

func mentionsToken(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "token") || strings.Contains(s, "ticket") || strings.Contains(s, "credential")
}

// refreshCall reports whether a call refreshes the access_token: by name
// (refreshToken, c.token.Refresh(), ForceRefreshToken, delete(cache,
// tokenKey)), by fact, or by passing a force/refresh argument that is not
// false.
func (rp *retryPass) refreshCall(call *ast.CallExpr, fn *types.Func) bool {
	if fn == nil {
		// delete(m, tokenKey)
		if analysisutil.Builtin(rp.info, call) == "delete" && len(call.Args) == 2 {
			return mentionsToken(types.ExprString(call.Args[0])) || mentionsToken(types.ExprString(call.Args[1]))
		}
		return false
	}
	if rp.refreshesFunc(fn) {
		return true
	}
	if !containsAnyFold(fn.Name(), refreshHints) {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return false
	}
	ws := analysisutil.Words(fn.Name())
	if len(ws) == 0 {
		return false
	}
	// A getter told to refresh: GetAccessToken(ctx, true), with a
	// parameter named forceRefresh. Other asking words do not act.
	if (ws[0] == "get" || !notActions[ws[0]]) && rp.forcesRefresh(call, fn, sig) {
		return true
	}
	if notActions[ws[0]] {
		return false
	}
	// A getter of a refresh_token field: RefreshToken() string.
	if sig.Params().Len() == 0 && sig.Results().Len() == 1 {
		if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
			return false
		}
	}
	context := fn.Name()
	if recv := sig.Recv(); recv != nil {
		context += " " + typeName(recv.Type())
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		context += " " + types.ExprString(sel.X)
	}
	for _, a := range call.Args {
		context += " " + types.ExprString(a)
	}
	for _, w := range ws {
		if refreshVerbs[w] || (tokenVerbs[w] && mentionsToken(context)) {
			return true
		}
	}
	return false
}

// forcesRefresh reports whether a call of a function that names a token
// passes a force or refresh flag that may be true.
func (rp *retryPass) forcesRefresh(call *ast.CallExpr, fn *types.Func, sig *types.Signature) bool {
	if !mentionsToken(fn.Name()) {
		return false
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() {
			break
		}
		pn := strings.ToLower(sig.Params().At(i).Name())
		if !strings.Contains(pn, "force") && !strings.Contains(pn, "refresh") {
			continue
		}
		if tv, ok := rp.info.Types[a]; ok {
			if tv.Value != nil && tv.Value.Kind() == constant.Bool && !constant.BoolVal(tv.Value) {
				continue
			}
			if b, ok := tv.Type.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
				return true
			}
		}
	}
	return false
}

// clearsTokenField reports whether an assignment sets a token field to
// its zero value (c.accessToken = ""), which makes the next call fetch a
// new one.
func (rp *retryPass) clearsTokenField(as *ast.AssignStmt) bool {
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || !mentionsToken(sel.Sel.Name) || i >= len(as.Rhs) {
			continue
		}
		if isZero(rp.info, as.Rhs[i]) {
			return true
		}
	}
	return false
}

func isZero(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return len(lit.Elts) == 0
	}
	tv, ok := info.Types[e]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	return tv.Value != nil && analysisutil.IsZeroConstant(tv.Value)
}

// isSleep reports whether fn waits: time.Sleep, time.After, a timer, or a
// function whose name has the word sleep or backoff. A backoff's
// NextBackOff only computes the delay: the time.Sleep around it waits.
func isSleep(fn *types.Func) bool {
	if fn.Pkg() != nil && fn.Pkg().Path() == "time" {
		switch fn.Name() {
		case "Sleep", "After", "NewTimer", "AfterFunc":
			return true
		}
		return false
	}
	if !containsFold(fn.Name(), "sleep") && !containsFold(fn.Name(), "backoff") {
		return false
	}
	for _, w := range analysisutil.Words(fn.Name()) {
		if w == "sleep" || w == "backoff" {
			return true
		}
	}
	return false
}
