// This file reports the verdicts: one diagnostic per branch that gives up
// a retry-worthy code, and with -strict one per function whose failure
// check gives up; it words the messages.

package retry

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
	"github.com/wxerrlint/wxerrlint/internal/codes"
)

// report judges every retry-worthy comparison outside functions a caller
// retries, and with -strict every failure check of a function that has no
// retry-worthy comparison and no retry.
func (rp *retryPass) report() {
	rp.computeCovered()
	done := make(map[ast.Node]bool) // branches reported: one report each
	strictDone := make(map[ast.Node]bool)
	var zeros []*comparison
	for _, cmp := range rp.cmps {
		if cmp.code != 0 {
			if fc := rp.enclosingFunc(cmp.stmt); fc != nil {
				rp.retryWork[fc.node] = true
				if fc.outer != nil {
					rp.retryWork[fc.outer.decl] = true
				}
			}
		}
	}
	for _, cmp := range rp.cmps {
		fc := rp.enclosingFunc(cmp.stmt)
		if fc == nil || (fc.outer != nil && rp.covered[fc.outer.obj]) {
			continue
		}
		if cmp.code == 0 {
			zeros = append(zeros, cmp)
			continue
		}
		if done[cmp.block] {
			continue
		}
		if cmp.class == codes.RefreshToken && rp.fromTokenEndpoint(cmp, fc) {
			continue // a wrong AppSecret: a refreshed token cannot help
		}
		j := rp.judge(cmp, fc, cmp.class)
		if msg := rp.message(cmp, j); msg != "" {
			done[cmp.block] = true
			rp.rep.Report(analysis.Diagnostic{Pos: cmp.expr.Pos(), End: cmp.expr.End(), Message: msg})
		}
	}
	if !strict {
		return
	}
	for _, cmp := range zeros {
		fc := rp.enclosingFunc(cmp.stmt)
		if strictDone[fc.node] || rp.retryWork[fc.node] || fc.callback != nil {
			continue
		}
		if fc.outer != nil && (rp.retries[fc.outer.obj] || rp.retryWork[fc.outer.decl]) {
			continue
		}
		if j := rp.judge(cmp, fc, codes.None); j.verdict == givesUp {
			strictDone[fc.node] = true
			rp.rep.Report(analysis.Diagnostic{Pos: cmp.expr.Pos(), End: cmp.expr.End(), Message: rp.strictMessage(j, rp.fromTokenEndpoint(cmp, fc))})
		}
	}
}

// codeText names a code and its meaning: 42001 (access_token expired).
func codeText(code int) string {
	info, _ := codes.Lookup(code)
	return fmt.Sprintf("%d (%s)", code, analysisutil.Meaning(info))
}

func (rp *retryPass) message(cmp *comparison, j judgement) string {
	head, advice := "errcode "+codeText(cmp.code), cmp.class.Advice()
	switch j.verdict {
	case givesUp:
		return fmt.Sprintf("%s calls for a retry, but this branch %s without retrying: %s", head, j.how, advice)
	case refreshNoRetry:
		return fmt.Sprintf("%s: this branch refreshes the token but %s without retrying the call: %s", head, j.how, advice)
	case retryNoRefresh:
		return fmt.Sprintf("%s: this branch retries without refreshing the token, so the retry fails the same way: %s", head, advice)
	case stopsRetry:
		return fmt.Sprintf("%s calls for a retry, but this branch stops %s with %s: %s", head, j.mechName, j.marker, advice)
	case notRetryable:
		return fmt.Sprintf("%s calls for a retry, but this branch returns an error %s does not retry (wrap it with %s): %s", head, j.mechName, j.marker, advice)
	case untestedSentinel:
		return fmt.Sprintf("%s calls for a retry, but this branch returns %s, which is unexported and checked nowhere in this package (errors.Is, ==), so no caller can tell it apart to retry: %s", head, j.marker, advice)
	}
	return ""
}

// strictMessage words a failure check that gives up. At an access-token
// endpoint the token codes are left out: that endpoint answers a wrong
// AppSecret with 40001, never with an expired token.
func (rp *retryPass) strictMessage(j judgement, tokenEndpoint bool) string {
	examples := fmt.Sprintf("%s, %s and %s", codeText(codes.SystemError), codeText(45011), codeText(codes.AccessTokenExpired))
	if tokenEndpoint {
		examples = fmt.Sprintf("%s and %s", codeText(codes.SystemError), codeText(45011))
	}
	return fmt.Sprintf("WeChat call failure %s without any retry here or in a caller: retry-worthy errcodes such as %s fail for good; "+
		"retry them (codes.Retry gives the class) or return a distinguishable error", j.how, examples)
}
