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

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
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
	if fn := analysisutil.Callee(w.info, call); fn != nil {
		c := w.nodes[i]
		c.from = append(c.from, event{call: call, fn: fn, slot: index, name: c.name})
	}
}

// A climb is the state of one use of a tracked value, climbing from its
// identifier to the context that says what becomes of it.
type climb struct {
	node int    // the tracked variable's node
	c    *class // its class
	addr bool   // the expression reached is a pointer to the value (&x, p, an any), not a copy
}

// use classifies one use of tracked variable node i. It climbs from the
// identifier through the expressions that still denote the value or its
// address, and stops at the first one that says what becomes of it. Each
// case of step and selected names the Go shape it matches, x being the
// expression reached so far.
func (w *walker) use(cur inspector.Cursor, i int) {
	c := w.nodes[i]
	u := &climb{node: i, c: c, addr: mayBePointer(c.typ)}
	for e := cur; w.step(e, u); e = e.Parent() {
	}
}

// step looks at the parent of e and records what it does with the value.
// It reports whether the parent still denotes the value, so that the
// climb goes on.
func (w *walker) step(e inspector.Cursor, u *climb) bool {
	c := u.c
	parent := e.Parent()
	k, idx := e.ParentEdge()
	switch p := parent.Node().(type) {
	case *ast.ParenExpr:
		// (x): still x.
		return true

	case *ast.StarExpr:
		// *x: the value, no longer its address.
		u.addr = false
		return true

	case *ast.UnaryExpr:
		// &x: its address. Other operators (!x, <-x) read no errcode.
		if p.Op != token.AND {
			return false
		}
		u.addr = true
		return true

	case *ast.SelectorExpr:
		// x.ErrCode, x.Ticket, x.CommonError, x.Err()
		return w.selected(parent, p, u)

	case *ast.CallExpr:
		if k != edge.CallExpr_Args {
			return false // x(...): the value is no function
		}
		if tv, ok := w.info.Types[p.Fun]; ok && tv.IsType() {
			if w.a.ec.IsResponseType(tv.Type) || isTypeParam(tv.Type) {
				// (*Resp)(x), T(x): still the value.
				u.addr = mayBePointer(tv.Type)
				return true
			}
			// any(x): held by an interface.
			c.stored = true
			return false
		}
		// f(x), recv.M(x), fnValue(x), json.Unmarshal(b, x)
		w.arg(p, idx, c, u.addr, c.name)
		return false

	case *ast.ReturnStmt:
		// return x
		w.returned(parent, p, idx, c)
		return false

	case *ast.AssignStmt:
		switch {
		case k == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) && (p.Tok == token.ASSIGN || p.Tok == token.DEFINE):
			// y = x, y := x: y aliases x, or x is stored (h.f = x).
			w.flowTo(p.Lhs[idx], u.node, c)
		case k == edge.AssignStmt_Rhs:
			// y += x, y |= x: out of sight.
			c.stored = true
		}
		// *x = v: written, not read.
		return false

	case *ast.ValueSpec:
		// var y = x: y aliases x.
		if k == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
			w.flowTo(p.Names[idx], u.node, c)
		}
		return false

	case *ast.TypeAssertExpr:
		// x.(interface{ GetErrCode() int }): the errcode may be read
		// through the asserted type.
		c.opaque = true
		return false

	case *ast.BinaryExpr, *ast.IfStmt, *ast.SwitchStmt, *ast.IncDecStmt, *ast.ExprStmt, *ast.IndexExpr, *ast.RangeStmt:
		// x == nil, switch x, x[i], range x: nothing becomes of it.
		return false

	default:
		// T{f: x}, ch <- x, go x.M, and whatever else: out of sight,
		// assume it is checked there.
		c.stored = true
		return false
	}
}

// selected records what x.Sel, at cursor sel, does with the value, and
// reports whether it still denotes a response (x.CommonError).
func (w *walker) selected(sel inspector.Cursor, p *ast.SelectorExpr, u *climb) bool {
	c := u.c
	s, ok := w.info.Selections[p]
	if !ok {
		return false
	}
	written := false
	if pk, _ := sel.ParentEdge(); pk == edge.AssignStmt_Lhs {
		written = true
	}
	switch s.Kind() {
	case types.FieldVal:
		switch {
		case w.a.ec.IsErrcode(p) || w.a.ec.IsErrmsg(p):
			// x.ErrCode != 0, log(x.ErrMsg): checked. x.ErrCode = 0: no check.
			if !written {
				c.checked = true
			}
			return false
		case w.a.ec.IsResponseType(s.Type()):
			// x.CommonError: an embedded or nested response, climb on.
			u.addr = isPointer(s.Type())
			return true
		default:
			// x.Ticket: a payload field, named in the report.
			// if x.Ticket == "" { return errors.New(...) }: checked.
			if !written {
				addField(c, s.Obj().Name())
				if w.failsWhenEmpty(sel) {
					c.checked = true
				}
			}
			return false
		}

	case types.MethodVal:
		call, ok := sel.Parent().Node().(*ast.CallExpr)
		if pk, _ := sel.ParentEdge(); !ok || pk != edge.CallExpr_Fun {
			// f := x.Err: a method value, out of sight.
			c.stored = true
			return false
		}
		fn, _ := s.Obj().(*types.Func)
		switch {
		case fn != nil && w.a.ec.IsErrcode(call):
			// x.GetErrCode(): a getter, checked.
			c.checked = true
		case fn == nil || types.IsInterface(s.Recv()) || isTypeParam(s.Recv()) ||
			(fn.Signature().Recv() != nil && types.IsInterface(fn.Signature().Recv().Type())):
			// x.Err() through an interface or a type parameter, or
			// a method promoted from an embedded interface: its body is
			// unknown.
			c.opaque = true
		default:
			// x.Err(), x.Load(body): judged by the method's facts.
			c.methods = append(c.methods, event{call: call, fn: fn.Origin(), slot: receiver, local: w.localArgs(call, fn), name: c.name})
		}
		return false
	}
	return false
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
	if b := analysisutil.Builtin(w.info, ce); b != "" {
		switch b {
		case "append":
			c.stored = true
		case "print", "println":
			c.unknownValue = true
		}
		return
	}
	fn := analysisutil.Callee(w.info, ce)
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
		if !addr {
			return // json.Unmarshal(b, v) fails on a struct value: nothing decoded
		}
		if w.decodesLocalBytes(ce) {
			return // a copy of what the function encoded: no reply
		}
		s := sink{call: ce, name: name}
		if len(ce.Args) == 2 {
			s.data = w.dataVar(ce.Args[0])
		}
		c.sinks = append(c.sinks, s)
		return
	}
	c.calls = append(c.calls, event{call: ce, fn: fn, slot: slot(param), addr: addr, local: w.localArgs(ce, fn), name: name})
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
	fn := analysisutil.Callee(w.info, ce)
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
			if fn := analysisutil.Callee(w.info, ce); fn != nil {
				for i := range n {
					w.through(slot(i), fn, slot(i))
				}
			}
		}
	case len(ret.Results) == n:
		for i, r := range ret.Results {
			if ce, ok := ast.Unparen(r).(*ast.CallExpr); ok {
				if fn := analysisutil.Callee(w.info, ce); fn != nil && fn.Signature().Results().Len() == 1 {
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
	fn := analysisutil.Callee(w.info, ce)
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
