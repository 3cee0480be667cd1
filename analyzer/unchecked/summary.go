// This file decides what a function's summary holds and builds it: the
// walker visits the body once, tracks the variables that can hold a
// response, and merges aliases into classes.

package unchecked

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// A slot says where a value enters or leaves a function: the index of a
// parameter or of a result, or one of the sentinels below. Facts carry
// plain indexes and a Receiver flag; the sentinels never leave a pass.
type slot int

const (
	receiver   slot = -1 // a method's receiver, in parameter slots
	notParam   slot = -2 // a tracked variable that is no parameter
	notResult  slot = -3 // a tracked variable that is no named result
	allResults slot = -4 // every result of a call, dropped by a call statement
)

// A funcSum summarises what one function declaration does with the values
// that can hold a response: its variables fall into classes of aliases, each
// with the events that matter (decoded, read, passed, returned, stored).
type funcSum struct {
	fn       *types.Func
	marker   bool
	marked   []slot // slots the marker declares checked
	classes  []*class
	slots    map[slot]*class        // parameter slot -> class
	dataSlot map[*types.Var]slot    // []byte or string parameter -> slot
	dataArgs map[*types.Var][]event // data variables passed to static callees
	throughs []through              // results returned straight from calls
	copies   map[slot]slot          // slot decoded into -> data slot decoded from (see copiedFrom)
	discards []event                // results of calls dropped on the floor

	// Solved.
	checked map[*class]bool
	checker map[slot]bool
	decoder map[slot]bool
	returns map[slot]bool
}

// A class is a set of variables that alias one response value.
type class struct {
	name    string
	typ     types.Type
	params  []slot // parameter slots in the class
	local   bool   // holds a local variable or named result
	checked bool   // errcode or errmsg read, getter called
	opaque  bool   // reflected over, type-asserted, method of unknown body
	stored  bool   // escapes to where the analysis cannot follow

	unknownValue bool // passed by value to a function of unknown effect
	unknownAddr  bool // passed by address to one

	results []slot  // result indexes at which it is returned
	sinks   []sink  // decoded into by json.Unmarshal and the like
	calls   []event // passed to static callees: decoders, checkers, others
	methods []event // methods called on it
	from    []event // assigned from result slot of a call
	fields  []string
}

type sink struct {
	call *ast.CallExpr
	name string     // variable name at the decode
	data *types.Var // the variable decoded from, if any
}

type event struct {
	call  *ast.CallExpr
	fn    *types.Func
	slot  slot   // parameter slot, or result index for from and discards
	addr  bool   // the argument may point to the value: a decoder can fill it
	local []slot // parameter slots given bytes encoded here (see localArgs)
	name  string
}

type through struct {
	result slot
	fn     *types.Func
	index  slot
}

// A walker builds the summary of one function.
type walker struct {
	a      *analyzer
	info   *types.Info
	sum    *funcSum
	sig    *types.Signature
	vars   map[*types.Var]int // tracked variable -> node
	parent []int              // union-find over nodes
	nodes  []*class
	named  map[slot]*types.Var // named result index -> variable
	bare   bool                // has a bare return

	encoded    map[*types.Var]bool // holds bytes encoded here (see encodedHere)
	reassigned map[*types.Var]bool // data parameters assigned in the body
}

func (a *analyzer) summarize(cur inspector.Cursor) *funcSum {
	fd := cur.Node().(*ast.FuncDecl)
	fn, ok := a.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok || fd.Body == nil {
		return nil
	}
	sig := fn.Signature()
	w := &walker{
		a:          a,
		info:       a.pass.TypesInfo,
		sig:        sig,
		vars:       make(map[*types.Var]int),
		named:      make(map[slot]*types.Var),
		encoded:    make(map[*types.Var]bool),
		reassigned: make(map[*types.Var]bool),
		sum: &funcSum{
			fn:       fn,
			marker:   analysisutil.HasDirective(fd.Doc, ChecksMarker),
			slots:    make(map[slot]*class),
			dataSlot: make(map[*types.Var]slot),
			dataArgs: make(map[*types.Var][]event),
		},
	}
	if recv := sig.Recv(); recv != nil {
		w.param(recv, receiver)
	}
	for i := range sig.Params().Len() {
		w.param(sig.Params().At(i), slot(i))
	}
	for i := range sig.Results().Len() {
		if v := sig.Results().At(i); v.Name() != "" && v.Name() != "_" && w.trackable(v.Type(), false) {
			w.track(v, notParam, slot(i))
		}
	}
	for c := range cur.ChildAt(edge.FuncDecl_Body, -1).Preorder(
		(*ast.Ident)(nil), (*ast.ReturnStmt)(nil), (*ast.ExprStmt)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.Ident:
			w.ident(c, n)
		case *ast.ReturnStmt:
			w.ret(c, n)
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
				w.discard(call, allResults)
			}
		case *ast.AssignStmt:
			w.assignData(n.Lhs, n.Rhs, n.Tok)
			if len(n.Rhs) == 1 && len(n.Lhs) > 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					for i, l := range n.Lhs {
						if isBlank(l) {
							w.discard(call, slot(i))
						}
					}
				}
			} else if len(n.Rhs) == len(n.Lhs) {
				for i, l := range n.Lhs {
					if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok && isBlank(l) {
						w.discard(call, 0)
					}
				}
			}
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				names[i] = id
			}
			w.assignData(names, n.Values, token.DEFINE)
		case *ast.CallExpr:
			w.dataCall(n)
		}
	}
	w.finish()
	w.sum.copies = w.copiedFrom()
	return w.sum
}

func isBlank(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "_"
}

// trackable reports whether a variable of type t can hold a response:
// a response type or pointer to one, a type parameter or pointer to one,
// and for parameters an empty interface (func get(url string, out any)).
func (w *walker) trackable(t types.Type, param bool) bool {
	if t == nil {
		return false
	}
	return w.a.ec.IsResponseType(t) || isTypeParam(t) || (param && isEmptyInterface(t))
}

func (w *walker) param(v *types.Var, s slot) {
	named := v.Name() != "" && v.Name() != "_"
	switch {
	case w.trackable(v.Type(), true):
		if named {
			w.track(v, s, notResult)
		}
	case isData(v.Type()):
		if named {
			w.sum.dataSlot[v] = s
		}
	default:
		return
	}
	if w.sum.marker {
		w.sum.marked = append(w.sum.marked, s)
	}
}

func (w *walker) track(v *types.Var, param, result slot) int {
	if i, ok := w.vars[v]; ok {
		return i
	}
	i := len(w.nodes)
	c := &class{name: v.Name(), typ: v.Type()}
	if param != notParam {
		c.params = []slot{param}
	} else {
		c.local = true
	}
	if result != notResult {
		w.named[result] = v
	}
	w.nodes = append(w.nodes, c)
	w.parent = append(w.parent, i)
	w.vars[v] = i
	return i
}

func (w *walker) find(i int) int {
	for w.parent[i] != i {
		w.parent[i] = w.parent[w.parent[i]]
		i = w.parent[i]
	}
	return i
}

func (w *walker) union(i, j int) {
	if i, j = w.find(i), w.find(j); i != j {
		w.parent[j] = i
	}
}

// finish merges the nodes into classes.
func (w *walker) finish() {
	if w.bare {
		for idx, v := range w.named {
			c := w.nodes[w.vars[v]]
			c.results = append(c.results, idx)
		}
	}
	roots := make(map[int]*class)
	for i, c := range w.nodes {
		r := w.find(i)
		root, ok := roots[r]
		if !ok {
			root = w.nodes[r]
			roots[r] = root
			w.sum.classes = append(w.sum.classes, root)
		}
		if root == c {
			continue
		}
		root.params = append(root.params, c.params...)
		root.local = root.local || c.local
		root.checked = root.checked || c.checked
		root.opaque = root.opaque || c.opaque
		root.stored = root.stored || c.stored
		root.unknownValue = root.unknownValue || c.unknownValue
		root.unknownAddr = root.unknownAddr || c.unknownAddr
		root.results = append(root.results, c.results...)
		root.sinks = append(root.sinks, c.sinks...)
		root.calls = append(root.calls, c.calls...)
		root.methods = append(root.methods, c.methods...)
		root.from = append(root.from, c.from...)
		for _, f := range c.fields {
			addField(root, f)
		}
	}
	// Classes are in the order of their first variable; a root may come
	// later than another member, which only matters for naming.
	for _, c := range w.sum.classes {
		for _, s := range c.params {
			w.sum.slots[s] = c
		}
	}
}
