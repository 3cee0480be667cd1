// Which functions return an errcode (getters, by result) and which
// parameters receive one: the package's fixed point over its call edges.

package errcode

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// A resultSet holds the indices of a function's results that carry an
// errcode. Results past the 64th are never getters.
type resultSet uint64

func (rs resultSet) has(i int) bool { return i >= 0 && i < 64 && rs&(1<<i) != 0 }

func (rs resultSet) with(i int) resultSet {
	if i < 0 || i >= 64 {
		return rs
	}
	return rs | 1<<i
}

func (rs resultSet) indices() []int {
	var idx []int
	for i := range 64 {
		if rs.has(i) {
			idx = append(idx, i)
		}
	}
	return idx
}

// funcNode is one function declared in the package, in the call graph
// that the fixed point walks.
type funcNode struct {
	decl    inspector.Cursor
	fn      *types.Func
	callers []int           // the package's functions that call it
	callees []int           // the package's functions it calls
	calls   []*ast.CallExpr // the package's static calls of it
	escapes bool            // used as a value: callers the package cannot see
}

// settle finds the package's getters and the parameters that receive
// errcode values, exports a GetterFact for each getter and fills getters.
//
// Locals, parameters and getters depend on each other:
//
//	code := r.GetErrCode()                     // a local, from a getter
//	func (r *R) Code() int { c := r.ErrCode; return c } // a getter, by a local
//	func toErr(code int) error { switch code { ... } }  // a parameter, toErr(r.ErrCode)
//
// A worklist settles one function at a time: its parameters (from every
// call of it in the package), its locals, then its results. A function
// that gains errcode locals sends its callees back to the worklist (their
// parameters may now receive one), and one that gains errcode results sends
// its callers. Each function is revisited only when a neighbour changes, so
// chains of getters cost linear time.
func (in *Info) settle(pass *analysis.Pass, ins *inspector.Inspector, getters map[*types.Func]resultSet) {
	var funcs []funcNode
	index := make(map[*types.Func]int)
	ifaceCallers := make(map[*types.Func][]int) // callers of the package's interface methods
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			index[fn] = len(funcs)
			funcs = append(funcs, funcNode{decl: cur, fn: fn})
		}
	}
	for i, f := range funcs {
		for cur := range f.decl.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if callee := analysisutil.Callee(pass.TypesInfo, call); callee != nil {
				if j, ok := index[callee]; ok {
					funcs[j].callers = append(funcs[j].callers, i)
					funcs[j].calls = append(funcs[j].calls, call)
					funcs[i].callees = append(funcs[i].callees, j)
				} else if callee.Pkg() == pass.Pkg && isInterfaceMethod(callee) {
					ifaceCallers[callee] = append(ifaceCallers[callee], i)
				}
			}
		}
	}
	markEscapes(pass.TypesInfo, ins, funcs, index)

	work := make([]int, len(funcs))
	for i := range work {
		work[i] = len(funcs) - 1 - i // pop in source order
	}
	for len(work) > 0 {
		for len(work) > 0 {
			i := work[len(work)-1]
			work = work[:len(work)-1]
			f := &funcs[i]
			changed := in.collectParams(f)
			for in.collectLocals(f.decl) {
				changed = true
			}
			if changed {
				work = append(work, f.callees...)
			}
			if rs := in.errcodeResults(f.decl.Node().(*ast.FuncDecl)); rs&^getters[f.fn] != 0 {
				getters[f.fn] |= rs
				work = append(work, f.callers...)
			}
		}
		// An interface method is a getter when every implementation
		// the package declares is one (apiErr.Code()); its callers
		// go back to the worklist.
		for m := range ifaceCallers {
			if rs := interfaceGetter(pass.Pkg, m, getters); rs&^getters[m] != 0 {
				getters[m] |= rs
				work = append(work, ifaceCallers[m]...)
			}
		}
	}
	for fn, rs := range getters {
		if rs != 0 {
			pass.ExportObjectFact(fn, &GetterFact{Results: rs.indices()})
		}
	}
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// interfaceGetter returns the results of interface method m that carry an
// errcode in every implementation declared in pkg, if pkg declares one.
// Implementations elsewhere are not seen; the package's own are the ones
// its calls of m meet.
func interfaceGetter(pkg *types.Package, m *types.Func, getters map[*types.Func]resultSet) resultSet {
	iface, ok := m.Signature().Recv().Type().Underlying().(*types.Interface)
	if !ok {
		return 0
	}
	all, found := ^resultSet(0), false
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		t := tn.Type()
		if !types.Implements(t, iface) {
			if t = types.NewPointer(t); !types.Implements(t, iface) {
				continue
			}
		}
		obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, m.Name())
		impl, ok := obj.(*types.Func)
		if !ok {
			return 0
		}
		all &= getters[impl.Origin()]
		found = true
	}
	if !found {
		return 0
	}
	return all
}

// markEscapes marks the functions that the package uses other than by
// calling them (a function value, a method value or expression): their
// callers cannot all be seen, so their parameters receive unknown values.
// Methods are marked too, since an interface call reaches them unseen.
func markEscapes(info *types.Info, ins *inspector.Inspector, funcs []funcNode, index map[*types.Func]int) {
	for i := range funcs {
		if funcs[i].fn.Signature().Recv() != nil {
			funcs[i].escapes = true
		}
	}
	for cur := range ins.Root().Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		fn, ok := info.Uses[id].(*types.Func)
		if !ok {
			continue
		}
		j, ok := index[fn.Origin()]
		if !ok || funcs[j].escapes {
			continue
		}
		if !isCalledIdent(cur) {
			funcs[j].escapes = true
		}
	}
}

// isCalledIdent reports whether the identifier at cur names the function
// of a call: f(x), pkg.f(x), f[T](x).
func isCalledIdent(cur inspector.Cursor) bool {
	n := cur.Node()
	for {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
		case *ast.SelectorExpr:
			if p.Sel != n {
				return false
			}
		case *ast.IndexExpr:
			if p.X != n {
				return false
			}
		case *ast.IndexListExpr:
			if p.X != n {
				return false
			}
		case *ast.CallExpr:
			return p.Fun == n
		default:
			return false
		}
		cur, n = parent, parent.Node()
	}
}

// collectParams marks the numeric parameters of f that receive an errcode
// in some call of it in the package and nothing but errcodes or zero in the
// others. It reports whether it marked one. A function used as a value, and
// any method, may be called where the package cannot see: its parameters
// stay unknown.
func (in *Info) collectParams(f *funcNode) bool {
	if f.escapes || len(f.calls) == 0 {
		return false
	}
	sig := f.fn.Signature()
	changed := false
	for i := range sig.Params().Len() {
		v := sig.Params().At(i)
		if in.locals[v] || !isNumeric(v.Type()) || (sig.Variadic() && i == sig.Params().Len()-1) {
			continue
		}
		someErrcode, all := false, true
		for _, call := range f.calls {
			if i >= len(call.Args) || call.Ellipsis.IsValid() {
				all = false
				break
			}
			switch arg := call.Args[i]; {
			case in.IsErrcode(arg):
				someErrcode = true
			case !isZero(in.info, arg):
				all = false
			}
			if !all {
				break
			}
		}
		if someErrcode && all {
			in.locals[v] = true
			changed = true
		}
	}
	return changed
}

// errcodeResults returns which results of fd carry an errcode: those that
// every return statement of its own body fills with an errcode expression
// or zero (the failure path of send() (int, string, error) returns 0, "",
// err), at least one with an errcode. Generic functions are left out.
func (in *Info) errcodeResults(fd *ast.FuncDecl) resultSet {
	if fd.Type.Results == nil || fd.Type.TypeParams.NumFields() > 0 {
		return 0
	}
	fn, ok := in.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return 0
	}
	results := fn.Signature().Results()
	var candidates resultSet
	for i := range results.Len() {
		if isNumeric(results.At(i).Type()) {
			candidates = candidates.with(i)
		}
	}
	if candidates == 0 {
		return 0
	}
	var found resultSet
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for i := range results.Len() {
				if !candidates.has(i) {
					continue
				}
				switch in.returnedValue(n, results, i) {
				case valueErrcode:
					found = found.with(i)
				case valueOther:
					candidates &^= 1 << i
				}
			}
		}
		return candidates != 0
	})
	return found & candidates
}

// A returnedKind says what one return statement puts in one result.
type returnedKind int

const (
	valueOther   returnedKind = iota // anything else: the result is no errcode
	valueErrcode                     // an errcode expression
	valueZero                        // the constant zero
)

// returnedValue says what return statement ret puts in result i of a
// function with the given results: return a, b; return f() of a getter; or
// a bare return of named results.
func (in *Info) returnedValue(ret *ast.ReturnStmt, results *types.Tuple, i int) returnedKind {
	switch {
	case len(ret.Results) == results.Len():
		e := ret.Results[i]
		if in.IsErrcode(e) {
			return valueErrcode
		}
		if isZero(in.info, e) {
			return valueZero
		}
	case len(ret.Results) == 1 && results.Len() > 1:
		// return send(): the callee's result i.
		if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
			if fn := analysisutil.Callee(in.info, call); fn != nil && in.getterResults(fn).has(i) {
				return valueErrcode
			}
		}
	case len(ret.Results) == 0 && results.At(i).Name() != "":
		if in.locals[results.At(i)] {
			return valueErrcode
		}
	}
	return valueOther
}

// isZero reports whether e is a constant equal to zero (in a numeric
// result or parameter, the only zero there is).
func isZero(info *types.Info, e ast.Expr) bool {
	tv := info.Types[e]
	return tv.Value != nil && analysisutil.IsZeroConstant(tv.Value)
}
