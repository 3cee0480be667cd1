// This file decides what each appearance of a tracked variable means: an
// errcode read, a decode into it, a call it is passed to, a return, an
// assignment, or an escape out of the analysis' sight.

package unchecked

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// ident handles one identifier of the function body.
func (w *walker) ident(cur inspector.Cursor, id *ast.Ident) {
	if id.Name == "_" {
		return
	}
	if v, ok := w.info.Defs[id].(*types.Var); ok && !v.IsField() {
		if w.trackable(v.Type(), false) {
			i := w.track(v, notParam, notResult)
			if _, param := cur.Parent().Node().(*ast.Field); param {
				// A parameter of a function literal: its value comes
				// from the literal's callers.
				w.nodes[i].stored = true
			}
			w.assigned(cur, i)
		}
		return
	}
	v, ok := w.info.Uses[id].(*types.Var)
	if !ok {
		return
	}
	i, ok := w.vars[v]
	if !ok {
		return
	}
	if k, _ := cur.ParentEdge(); k == edge.AssignStmt_Lhs {
		w.assigned(cur, i)
		return
	}
	w.use(cur, i)
}

// assigned records a call assigned to tracked variable node i: the
// variable is then filled by the call's result.
func (w *walker) assigned(cur inspector.Cursor, i int) {
	k, idx := cur.ParentEdge()
	var lhs, rhs []ast.Expr
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if k != edge.AssignStmt_Lhs {
			return
		}
		lhs, rhs = p.Lhs, p.Rhs
	case *ast.ValueSpec:
		if k != edge.ValueSpec_Names {
			return
		}
		rhs = p.Values
		lhs = make([]ast.Expr, len(p.Names))
	default:
		return
	}
	var (
		e     ast.Expr
		index slot
	)
	switch {
	case len(rhs) == len(lhs):
		e = rhs[idx]
	case len(rhs) == 1:
		e, index = rhs[0], slot(idx)
	default:
		return
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return
	}
	if fn := errcode.CalledFunc(w.info, call); fn != nil {
		c := w.nodes[i]
		c.from = append(c.from, event{call: call, fn: fn, slot: index, name: c.name})
	}
}

// use classifies one use of tracked variable node i by climbing from the
// identifier to the expression's context.
func (w *walker) use(cur inspector.Cursor, i int) {
	c := w.nodes[i]
	name := c.name
	t := c.typ
	addr := isPointer(t) || isEmptyInterface(t)
	e := cur
	for {
		parent := e.Parent()
		k, idx := e.ParentEdge()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
		case *ast.StarExpr:
			addr = false
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return
			}
			addr = true
		case *ast.SelectorExpr:
			sel, ok := w.info.Selections[p]
			if !ok {
				return
			}
			if sel.Kind() == types.FieldVal {
				if w.a.ec.IsErrcode(p) || w.a.ec.IsErrmsg(p) {
					if pk, _ := parent.ParentEdge(); pk != edge.AssignStmt_Lhs {
						c.checked = true
					}
					return
				}
				ft := sel.Type()
				if w.a.ec.IsResponseType(ft) {
					// An embedded or nested response: resp.CommonError.
					addr = isPointer(ft)
					break
				}
				if pk, _ := parent.ParentEdge(); pk != edge.AssignStmt_Lhs {
					addField(c, sel.Obj().Name())
				}
				return
			}
			if sel.Kind() != types.MethodVal {
				return
			}
			gp := parent.Parent()
			call, ok := gp.Node().(*ast.CallExpr)
			if pk, _ := parent.ParentEdge(); !ok || pk != edge.CallExpr_Fun {
				c.stored = true // a method value
				return
			}
			fn, _ := sel.Obj().(*types.Func)
			if fn != nil && w.a.ec.IsErrcode(call) {
				c.checked = true // a getter
				return
			}
			if fn == nil || types.IsInterface(sel.Recv()) || isTypeParam(sel.Recv()) ||
				(fn.Signature().Recv() != nil && types.IsInterface(fn.Signature().Recv().Type())) {
				c.opaque = true // a method of unknown body
				return
			}
			c.methods = append(c.methods, event{call: call, fn: fn.Origin(), slot: receiver, name: name})
			return
		case *ast.CallExpr:
			if k != edge.CallExpr_Args {
				return
			}
			if tv, ok := w.info.Types[p.Fun]; ok && tv.IsType() {
				if w.a.ec.IsResponseType(tv.Type) || isTypeParam(tv.Type) {
					addr = isPointer(tv.Type)
					break // (*Resp)(p)
				}
				c.stored = true // any(resp)
				return
			}
			w.arg(p, idx, c, addr, name)
			return
		case *ast.ReturnStmt:
			w.returned(parent, p, idx, c)
			return
		case *ast.AssignStmt:
			if k == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) && (p.Tok == token.ASSIGN || p.Tok == token.DEFINE) {
				w.flowTo(p.Lhs[idx], i, c)
			} else if k == edge.AssignStmt_Rhs {
				c.stored = true
			}
			return
		case *ast.ValueSpec:
			if k == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
				w.flowTo(p.Names[idx], i, c)
			}
			return
		case *ast.TypeAssertExpr:
			c.opaque = true // out.(interface{ GetErrCode() int })
			return
		case *ast.BinaryExpr, *ast.IfStmt, *ast.SwitchStmt, *ast.IncDecStmt, *ast.ExprStmt, *ast.IndexExpr, *ast.RangeStmt:
			return
		default:
			// Composite literals, channel sends, go and defer of a method
			// value, and whatever else: assume it is checked there.
			c.stored = true
			return
		}
		e = parent
	}
}

func addField(c *class, name string) {
	if !slices.Contains(c.fields, name) {
		c.fields = append(c.fields, name)
	}
}

// flowTo handles the value of node i assigned to lhs.
func (w *walker) flowTo(lhs ast.Expr, i int, c *class) {
	if isBlank(lhs) {
		return
	}
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
		if v, ok := w.info.ObjectOf(id).(*types.Var); ok {
			if j, ok := w.vars[v]; ok {
				w.union(i, j)
				return
			}
		}
	}
	c.stored = true
}

// arg handles the value passed as argument idx of call.
func (w *walker) arg(ce *ast.CallExpr, idx int, c *class, addr bool, name string) {
	if id, ok := ast.Unparen(ce.Fun).(*ast.Ident); ok {
		if b, ok := w.info.Uses[id].(*types.Builtin); ok {
			switch b.Name() {
			case "append":
				c.stored = true
			case "print", "println":
				c.unknownValue = true
			}
			return
		}
	}
	fn := errcode.CalledFunc(w.info, ce)
	if fn == nil {
		w.unknown(c, addr) // a function value
		return
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "reflect" {
		c.opaque = true // reflection over the value
		return
	}
	if se, ok := ast.Unparen(ce.Fun).(*ast.SelectorExpr); ok {
		if sel, ok := w.info.Selections[se]; ok && sel.Kind() == types.MethodExpr {
			w.unknown(c, addr)
			return
		}
	}
	params := fn.Signature().Params()
	param := idx
	if fn.Signature().Variadic() && param >= params.Len()-1 {
		param = params.Len() - 1
	}
	if param < 0 || param >= params.Len() {
		w.unknown(c, addr)
		return
	}
	if isSink(fn, param) {
		s := sink{call: ce, name: name}
		if len(ce.Args) == 2 {
			s.data = w.dataVar(ce.Args[0])
		}
		c.sinks = append(c.sinks, s)
		return
	}
	c.calls = append(c.calls, event{call: ce, fn: fn, slot: slot(param), addr: addr, name: name})
}

func (w *walker) unknown(c *class, addr bool) {
	if addr {
		c.unknownAddr = true
	} else {
		c.unknownValue = true
	}
}

// dataVar returns the local variable or parameter that e names, through
// parentheses and conversions ([]byte(s)), or nil.
func (w *walker) dataVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := w.info.Uses[x].(*types.Var)
			if v == nil || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
				return nil
			}
			return v
		case *ast.CallExpr:
			if tv, ok := w.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0]
				continue
			}
		}
		return nil
	}
}

// dataCall records raw-data variables passed to a static callee, so that a
// callee that checks the errcode of what it decodes from them
// (util.DecodeWithCommonError(body, "api")) covers other decodes of them.
func (w *walker) dataCall(ce *ast.CallExpr) {
	fn := errcode.CalledFunc(w.info, ce)
	if fn == nil {
		return
	}
	params := fn.Signature().Params()
	for idx, a := range ce.Args {
		v := w.dataVar(a)
		if v == nil || !isData(v.Type()) {
			continue
		}
		param := idx
		if fn.Signature().Variadic() && param >= params.Len()-1 {
			param = params.Len() - 1
		}
		if param >= 0 && param < params.Len() && !isSink(fn, param) {
			w.sum.dataArgs[v] = append(w.sum.dataArgs[v], event{call: ce, fn: fn, slot: slot(param)})
		}
	}
}

// returned handles the value returned as result idx.
func (w *walker) returned(cur inspector.Cursor, ret *ast.ReturnStmt, idx int, c *class) {
	if inClosure(cur) || len(ret.Results) != w.sig.Results().Len() {
		c.stored = true
		return
	}
	rt := w.sig.Results().At(idx).Type()
	if !w.a.ec.IsResponseType(rt) && !isTypeParam(rt) {
		c.stored = true // returned as an interface: error, any
		return
	}
	c.results = append(c.results, slot(idx))
}

func inClosure(cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		_, lit := c.Node().(*ast.FuncLit)
		return lit
	}
	return false
}

// ret handles a return statement: bare returns of named results, and
// results returned straight from calls.
func (w *walker) ret(cur inspector.Cursor, ret *ast.ReturnStmt) {
	if inClosure(cur) {
		return
	}
	n := w.sig.Results().Len()
	switch {
	case len(ret.Results) == 0:
		w.bare = true
	case len(ret.Results) == 1 && n > 1:
		if ce, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
			if fn := errcode.CalledFunc(w.info, ce); fn != nil {
				for i := range n {
					w.through(slot(i), fn, slot(i))
				}
			}
		}
	case len(ret.Results) == n:
		for i, r := range ret.Results {
			if ce, ok := ast.Unparen(r).(*ast.CallExpr); ok {
				if fn := errcode.CalledFunc(w.info, ce); fn != nil && fn.Signature().Results().Len() == 1 {
					w.through(slot(i), fn, 0)
				}
			}
		}
	}
}

func (w *walker) through(result slot, fn *types.Func, index slot) {
	rt := w.sig.Results().At(int(result)).Type()
	if w.a.ec.IsResponseType(rt) || isTypeParam(rt) {
		w.sum.throughs = append(w.sum.throughs, through{result: result, fn: fn, index: index})
	}
}

// discard records a call whose result index (or allResults) is dropped.
func (w *walker) discard(ce *ast.CallExpr, index slot) {
	fn := errcode.CalledFunc(w.info, ce)
	if fn == nil {
		return
	}
	results := w.info.TypeOf(ce)
	if results == nil {
		return
	}
	var ts []types.Type
	if tup, ok := results.(*types.Tuple); ok {
		for i := range tup.Len() {
			ts = append(ts, tup.At(i).Type())
		}
	} else {
		ts = []types.Type{results}
	}
	for i, t := range ts {
		if (index == allResults || index == slot(i)) && w.a.ec.IsResponseType(t) {
			w.sum.discards = append(w.sum.discards, event{call: ce, fn: fn, slot: slot(i)})
		}
	}
}
