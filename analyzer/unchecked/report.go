// This file decides which classes are reported, at which call, and how
// the message names the response, its type and the function that
// returned it.

package unchecked

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// report reports the local responses filled and never checked, and the
// unchecked results of calls that are dropped.
func (a *analyzer) report(sums []*funcSum) {
	rep := analysisutil.NewReporter(a.pass)
	for _, s := range sums {
		for _, c := range s.classes {
			if d, ok := a.diagnose(s, c); ok {
				rep.Report(d)
			}
		}
		for _, e := range s.discards {
			if !a.isReturns(e.fn, e.slot) {
				continue
			}
			t := a.pass.TypesInfo.TypeOf(e.call)
			if tup, ok := t.(*types.Tuple); ok {
				t = tup.At(int(e.slot)).Type()
			}
			rep.Report(analysis.Diagnostic{
				Pos: e.call.Pos(), End: e.call.End(),
				Message: fmt.Sprintf("errcode of the %s returned by %s is never checked, the result is dropped; "+
					"a failed WeChat call will pass as success: keep the result and check its %s",
					a.typeName(t), a.funcName(e.fn), a.ec.ErrcodeField(t).Name()),
			})
		}
	}
}

func (a *analyzer) diagnose(s *funcSum, c *class) (analysis.Diagnostic, bool) {
	if !a.keptUnread(s, c) {
		return analysis.Diagnostic{}, false
	}
	type source struct {
		call *ast.CallExpr
		name string
		from *types.Func // the callee whose result it is
	}
	var srcs []source
	for _, sk := range c.sinks {
		srcs = append(srcs, source{call: sk.call, name: sk.name})
	}
	for _, e := range c.calls { // every one a decoder: the value is kept in sight
		if a.fills(e) {
			srcs = append(srcs, source{call: e.call, name: e.name})
		}
	}
	for _, e := range c.methods {
		if a.fills(e) {
			srcs = append(srcs, source{call: e.call, name: e.name})
		}
	}
	for _, e := range c.from {
		if a.isReturns(e.fn, e.slot) {
			srcs = append(srcs, source{call: e.call, name: e.name, from: e.fn})
		}
	}
	first := slices.MinFunc(srcs, func(x, y source) int { return int(x.call.Pos() - y.call.Pos()) })
	field := a.ec.ErrcodeField(c.typ)
	if field == nil {
		return analysis.Diagnostic{}, false
	}
	what := fmt.Sprintf("%s (%s)", first.name, a.typeName(c.typ))
	if first.from != nil {
		what += ", returned by " + a.funcName(first.from) + ","
	}
	fix := fmt.Sprintf("check %s.%s", first.name, field.Name())
	if len(c.fields) > 0 {
		var used []string
		for i, f := range c.fields {
			if i == 3 {
				used = append(used, "…")
				break
			}
			used = append(used, first.name+"."+f)
		}
		fix += " before using " + strings.Join(used, ", ")
	}
	return analysis.Diagnostic{
		Pos: first.call.Pos(), End: first.call.End(),
		Message: fmt.Sprintf("errcode of %s is never checked; a failed WeChat call will pass as success: %s", what, fix),
	}, true
}

// typeName names a response type for a message: pkg.T, or struct{…}.
func (a *analyzer) typeName(t types.Type) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if _, ok := types.Unalias(t).(*types.Struct); ok {
		return "struct{…}"
	}
	return types.TypeString(t, a.qualifier)
}

func (a *analyzer) qualifier(p *types.Package) string {
	if p == a.pass.Pkg {
		return ""
	}
	return p.Name()
}

// funcName names a function for a message: sdk.Get, Client.Get.
func (a *analyzer) funcName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if named, ok := types.Unalias(t).(*types.Named); ok {
			return types.TypeString(named.Origin(), a.qualifier) + "." + fn.Name()
		}
		return fn.Name()
	}
	if q := a.qualifier(fn.Pkg()); q != "" {
		return q + "." + fn.Name()
	}
	return fn.Name()
}
