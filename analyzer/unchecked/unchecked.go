package unchecked

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

//go:embed doc.go
var doc string

// Analyzer reports WeChat responses whose errcode is never checked.
var Analyzer = &analysis.Analyzer{
	Name:             "errcodeunchecked",
	Doc:              analysisutil.MustExtractDoc(doc, "errcodeunchecked"),
	URL:              "https://github.com/wxerrlint/wxerrlint/blob/main/docs/checks.md#errcodeunchecked",
	Requires:         []*analysis.Analyzer{errcode.Analyzer},
	Run:              run,
	FactTypes:        []analysis.Fact{new(DecoderFact), new(CheckerFact), new(ReturnsUncheckedFact), new(PackageFact)},
	RunDespiteErrors: true,
}

// ChecksMarker, in the doc comment of a function, declares that it checks
// the errcode of every parameter (and receiver) that can hold a response.
const ChecksMarker = "//wxerrlint:checks-errcode"

// DecoderFact marks a function that decodes into its parameters Params
// (indexes in the signature) or its receiver, and does not check their
// errcode: json.Unmarshal's wrappers.
type DecoderFact struct {
	Params   []int
	Receiver bool
}

func (*DecoderFact) AFact()           {}
func (f *DecoderFact) String() string { return "decoder(" + slotList(f.Params, f.Receiver) + ")" }

// CheckerFact marks a function that checks the errcode of the response
// held by, or decoded from, its parameters Params or its receiver.
type CheckerFact struct {
	Params   []int
	Receiver bool
}

func (*CheckerFact) AFact()           {}
func (f *CheckerFact) String() string { return "checker(" + slotList(f.Params, f.Receiver) + ")" }

// ReturnsUncheckedFact marks a function whose results Results are
// responses whose errcode it never read.
type ReturnsUncheckedFact struct {
	Results []int
}

func (*ReturnsUncheckedFact) AFact() {}
func (f *ReturnsUncheckedFact) String() string {
	return "returnsUnchecked(" + slotList(f.Results, false) + ")"
}

// PackageFact marks a package that the packages importing it cannot skip.
// Responses: it declares WeChat response types, has checker or
// returnsUnchecked facts about them, or imports a package with Responses
// (which therefore spreads up the import graph). Decoders: it has facts
// about values of any type, decoders (an HTTP client's ToJSON(v any)) and
// generic unchecked returners, which matter to its importers only.
type PackageFact struct {
	Responses bool
	Decoders  bool
}

func (*PackageFact) AFact() {}
func (f *PackageFact) String() string {
	var s []string
	if f.Responses {
		s = append(s, "wechat")
	}
	if f.Decoders {
		s = append(s, "decoders")
	}
	return strings.Join(s, ", ")
}

func slotList(slots []int, recv bool) string {
	var parts []string
	if recv {
		parts = append(parts, "recv")
	}
	for _, s := range slots {
		parts = append(parts, strconv.Itoa(s))
	}
	return strings.Join(parts, ", ")
}

// recvSlot is the slot of a method's receiver; parameters have their index.
const recvSlot = -1

func run(pass *analysis.Pass) (any, error) {
	ec := pass.ResultOf[errcode.Analyzer].(*errcode.Info)
	if !ec.Candidate {
		return nil, nil // no fact can arise here (see errcode.CandidateFact)
	}
	ins := ec.Inspector()

	declares := false
	for cur := range ins.Root().Preorder((*ast.StructType)(nil)) {
		if t := pass.TypesInfo.TypeOf(cur.Node().(*ast.StructType)); t != nil && ec.IsResponseType(t) {
			declares = true
			break
		}
	}
	marked, decodes := false, false
	for _, imp := range pass.Pkg.Imports() {
		var f PackageFact
		if pass.ImportPackageFact(imp, &f) {
			marked = marked || f.Responses
			decodes = decodes || f.Decoders
		}
		if providesSink(imp) {
			decodes = true
		}
	}
	if !declares && !marked && !decodes {
		return nil, nil // nothing here can fill or hold a response
	}

	a := &analyzer{
		pass:    pass,
		ec:      ec,
		local:   make(map[*types.Func]*funcSum),
		imports: make(map[*types.Func]*importedFacts),
	}
	var sums []*funcSum
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		if sum := a.summarize(cur); sum != nil {
			sums = append(sums, sum)
			a.local[sum.fn] = sum
		}
	}
	a.solve(sums)
	responses, decoders := a.exportFacts(sums)
	if f := (PackageFact{Responses: declares || marked || responses, Decoders: decoders}); f.Responses || f.Decoders {
		pass.ExportPackageFact(&f)
	}
	a.report(sums)
	return nil, nil
}

// providesSink reports whether pkg declares a decode sink: a function
// Unmarshal (encoding/json, encoding/xml, jsoniter, sonic, ...) or a
// Decoder type.
func providesSink(pkg *types.Package) bool {
	scope := pkg.Scope()
	if fn, ok := scope.Lookup("Unmarshal").(*types.Func); ok && isSink(fn, fn.Signature().Params().Len()-1) {
		return true
	}
	_, ok := scope.Lookup("Decoder").(*types.TypeName)
	return ok
}

// isSink reports whether parameter slot of fn is where a decoder writes:
// the last, empty-interface parameter of a function or method Unmarshal
// or UnmarshalFromString (data, v), or of a method Decode(v) of a type
// named Decoder, returning just an error.
func isSink(fn *types.Func, slot int) bool {
	sig := fn.Signature()
	params := sig.Params()
	last := params.Len() - 1
	if slot != last || last < 0 || !isEmptyInterface(params.At(last).Type()) {
		return false
	}
	if res := sig.Results(); res.Len() != 1 || !isError(res.At(0).Type()) {
		return false
	}
	switch fn.Name() {
	case "Unmarshal", "UnmarshalFromString":
		return params.Len() == 2 && isData(params.At(0).Type())
	case "Decode":
		if params.Len() != 1 || sig.Recv() == nil {
			return false
		}
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		return ok && named.Obj().Name() == "Decoder"
	}
	return false
}

func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.NumMethods() == 0 && !it.IsComparable() && it.IsMethodSet()
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// isData reports whether t is raw response data: []byte, string.
func isData(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// isTypeParam reports whether t is a type parameter or a pointer to one:
// in generic code a value of any type, possibly a response.
func isTypeParam(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}

// analyzer holds the state of one pass.
type analyzer struct {
	pass    *analysis.Pass
	ec      *errcode.Info
	local   map[*types.Func]*funcSum       // functions of this package
	imports map[*types.Func]*importedFacts // facts of other packages' functions
}

type importedFacts struct {
	checker, decoder map[int]bool
	returns          map[int]bool
}

// A funcSum summarises what one function declaration does with the values
// that can hold a response: its variables fall into classes of aliases, each
// with the events that matter (decoded, read, passed, returned, stored).
type funcSum struct {
	fn       *types.Func
	marker   bool
	marked   []int // slots the marker declares checked
	classes  []*class
	slots    map[int]*class         // parameter slot -> class
	dataSlot map[*types.Var]int     // []byte or string parameter -> slot
	dataArgs map[*types.Var][]event // data variables passed to static callees
	throughs []through              // results returned straight from calls
	discards []event                // results of calls dropped on the floor

	// Solved.
	checked map[*class]bool
	checker map[int]bool
	decoder map[int]bool
	returns map[int]bool
}

// A class is a set of variables that alias one response value.
type class struct {
	name    string
	typ     types.Type
	params  []int // parameter slots in the class
	local   bool  // holds a local variable or named result
	checked bool  // errcode or errmsg read, getter called
	opaque  bool  // reflected over, type-asserted, method of unknown body
	stored  bool  // escapes to where the analysis cannot follow

	unknownValue bool // passed by value to a function of unknown effect
	unknownAddr  bool // passed by address to one

	results []int   // result indexes at which it is returned
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
	call *ast.CallExpr
	fn   *types.Func
	slot int  // parameter slot, or result index for from and discards
	addr bool // the argument is a pointer to the value
	name string
}

type through struct {
	result int
	fn     *types.Func
	index  int
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
	named  map[int]*types.Var // named result index -> variable
	bare   bool               // has a bare return
}

func (a *analyzer) summarize(cur inspector.Cursor) *funcSum {
	fd := cur.Node().(*ast.FuncDecl)
	fn, ok := a.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok || fd.Body == nil {
		return nil
	}
	sig := fn.Signature()
	w := &walker{
		a:     a,
		info:  a.pass.TypesInfo,
		sig:   sig,
		vars:  make(map[*types.Var]int),
		named: make(map[int]*types.Var),
		sum: &funcSum{
			fn:       fn,
			marker:   hasMarker(fd.Doc),
			slots:    make(map[int]*class),
			dataSlot: make(map[*types.Var]int),
			dataArgs: make(map[*types.Var][]event),
		},
	}
	if recv := sig.Recv(); recv != nil {
		w.param(recv, recvSlot)
	}
	for i := range sig.Params().Len() {
		w.param(sig.Params().At(i), i)
	}
	for i := range sig.Results().Len() {
		if v := sig.Results().At(i); v.Name() != "" && v.Name() != "_" && w.trackable(v.Type(), false) {
			w.track(v, noSlot, i)
		}
	}
	for c := range cur.ChildAt(edge.FuncDecl_Body, -1).Preorder(
		(*ast.Ident)(nil), (*ast.ReturnStmt)(nil), (*ast.ExprStmt)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.Ident:
			w.ident(c, n)
		case *ast.ReturnStmt:
			w.ret(c, n)
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok {
				w.discard(call, -1)
			}
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && len(n.Lhs) > 1 {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					for i, l := range n.Lhs {
						if isBlank(l) {
							w.discard(call, i)
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
		case *ast.CallExpr:
			w.dataCall(n)
		}
	}
	w.finish()
	return w.sum
}

// noSlot marks a variable that is no parameter.
const noSlot = -2

func hasMarker(doc *ast.CommentGroup) bool {
	if doc == nil {
		return false
	}
	for _, c := range doc.List {
		if rest, ok := strings.CutPrefix(c.Text, ChecksMarker); ok && (rest == "" || rest[0] == ' ') {
			return true
		}
	}
	return false
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

func (w *walker) param(v *types.Var, slot int) {
	named := v.Name() != "" && v.Name() != "_"
	switch {
	case w.trackable(v.Type(), true):
		if named {
			w.track(v, slot, -1)
		}
	case isData(v.Type()):
		if named {
			w.sum.dataSlot[v] = slot
		}
	default:
		return
	}
	if w.sum.marker {
		w.sum.marked = append(w.sum.marked, slot)
	}
}

func (w *walker) track(v *types.Var, slot, result int) int {
	if i, ok := w.vars[v]; ok {
		return i
	}
	i := len(w.nodes)
	c := &class{name: v.Name(), typ: v.Type()}
	if slot != noSlot {
		c.params = []int{slot}
	} else {
		c.local = true
	}
	if result >= 0 {
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

// ident handles one identifier of the function body.
func (w *walker) ident(cur inspector.Cursor, id *ast.Ident) {
	if id.Name == "_" {
		return
	}
	if v, ok := w.info.Defs[id].(*types.Var); ok && !v.IsField() {
		if w.trackable(v.Type(), false) {
			i := w.track(v, noSlot, -1)
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
		index int
	)
	switch {
	case len(rhs) == len(lhs):
		e = rhs[idx]
	case len(rhs) == 1:
		e, index = rhs[0], idx
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
			c.methods = append(c.methods, event{call: call, fn: fn.Origin(), slot: recvSlot, name: name})
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
	slot := idx
	if fn.Signature().Variadic() && slot >= params.Len()-1 {
		slot = params.Len() - 1
	}
	if slot < 0 || slot >= params.Len() {
		w.unknown(c, addr)
		return
	}
	if isSink(fn, slot) {
		s := sink{call: ce, name: name}
		if len(ce.Args) == 2 {
			s.data = w.dataVar(ce.Args[0])
		}
		c.sinks = append(c.sinks, s)
		return
	}
	c.calls = append(c.calls, event{call: ce, fn: fn, slot: slot, addr: addr, name: name})
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
		slot := idx
		if fn.Signature().Variadic() && slot >= params.Len()-1 {
			slot = params.Len() - 1
		}
		if slot >= 0 && slot < params.Len() && !isSink(fn, slot) {
			w.sum.dataArgs[v] = append(w.sum.dataArgs[v], event{call: ce, fn: fn, slot: slot})
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
	c.results = append(c.results, idx)
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
					w.through(i, fn, i)
				}
			}
		}
	case len(ret.Results) == n:
		for i, r := range ret.Results {
			if ce, ok := ast.Unparen(r).(*ast.CallExpr); ok {
				if fn := errcode.CalledFunc(w.info, ce); fn != nil && fn.Signature().Results().Len() == 1 {
					w.through(i, fn, 0)
				}
			}
		}
	}
}

func (w *walker) through(result int, fn *types.Func, index int) {
	rt := w.sig.Results().At(result).Type()
	if w.a.ec.IsResponseType(rt) || isTypeParam(rt) {
		w.sum.throughs = append(w.sum.throughs, through{result: result, fn: fn, index: index})
	}
}

// discard records a call whose result index (-1: every result) is dropped.
func (w *walker) discard(ce *ast.CallExpr, index int) {
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
		if (index < 0 || index == i) && w.a.ec.IsResponseType(t) {
			w.sum.discards = append(w.sum.discards, event{call: ce, fn: fn, slot: i})
		}
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

// facts returns what is known of fn: from this package's summaries, or
// from the facts of its package.
func (a *analyzer) facts(fn *types.Func) (checker, decoder, returns map[int]bool) {
	if s, ok := a.local[fn]; ok {
		return s.checker, s.decoder, s.returns
	}
	if fn.Pkg() == nil || fn.Pkg() == a.pass.Pkg {
		return nil, nil, nil
	}
	f, ok := a.imports[fn]
	if !ok {
		f = new(importedFacts)
		var cf CheckerFact
		if a.pass.ImportObjectFact(fn, &cf) {
			f.checker = slotSet(cf.Params, cf.Receiver)
		}
		var df DecoderFact
		if a.pass.ImportObjectFact(fn, &df) {
			f.decoder = slotSet(df.Params, df.Receiver)
		}
		var rf ReturnsUncheckedFact
		if a.pass.ImportObjectFact(fn, &rf) {
			f.returns = slotSet(rf.Results, false)
		}
		a.imports[fn] = f
	}
	return f.checker, f.decoder, f.returns
}

func slotSet(slots []int, recv bool) map[int]bool {
	m := make(map[int]bool)
	for _, s := range slots {
		m[s] = true
	}
	if recv {
		m[recvSlot] = true
	}
	return m
}

func (a *analyzer) isChecker(fn *types.Func, slot int) bool {
	c, _, _ := a.facts(fn)
	return c[slot]
}

func (a *analyzer) isDecoder(fn *types.Func, slot int) bool {
	c, d, _ := a.facts(fn)
	return d[slot] && !c[slot]
}

func (a *analyzer) isReturns(fn *types.Func, index int) bool {
	_, _, r := a.facts(fn)
	return r[index]
}

// solve computes the facts of the package's functions in three rounds,
// each monotone, each a worklist over the callers of the functions whose
// facts grew: checkers first (they depend only on checkers), then
// decoders (a parameter is decoded and neither checked nor leaked), then
// unchecked returners.
func (a *analyzer) solve(sums []*funcSum) {
	callers := make(map[*types.Func][]*funcSum)
	for _, s := range sums {
		seen := make(map[*types.Func]bool)
		add := func(fn *types.Func) {
			if _, ok := a.local[fn]; ok && !seen[fn] {
				seen[fn] = true
				callers[fn] = append(callers[fn], s)
			}
		}
		for _, c := range s.classes {
			for _, e := range c.calls {
				add(e.fn)
			}
			for _, e := range c.methods {
				add(e.fn)
			}
			for _, e := range c.from {
				add(e.fn)
			}
		}
		for _, evs := range s.dataArgs {
			for _, e := range evs {
				add(e.fn)
			}
		}
		for _, t := range s.throughs {
			add(t.fn)
		}
	}
	fixpoint := func(eval func(*funcSum) bool) {
		queue := slices.Clone(sums)
		queued := make(map[*funcSum]bool, len(sums))
		for _, s := range sums {
			queued[s] = true
		}
		for len(queue) > 0 {
			s := queue[0]
			queue = queue[1:]
			queued[s] = false
			if eval(s) {
				for _, c := range callers[s.fn] {
					if !queued[c] {
						queued[c] = true
						queue = append(queue, c)
					}
				}
			}
		}
	}
	fixpoint(a.evalChecker)
	for _, s := range sums {
		s.checked, _ = a.classChecked(s)
	}
	fixpoint(a.evalDecoder)
	fixpoint(a.evalReturns)
}

// classChecked returns the classes of s whose errcode is checked, and the
// raw-data variables whose errcode is checked: data passed to a checker
// or decoded into a checked class, which covers every decode of it.
func (a *analyzer) classChecked(s *funcSum) (map[*class]bool, map[*types.Var]bool) {
	checked := make(map[*class]bool)
	for _, c := range s.classes {
		// Reflection, assertions and methods of unknown body count as a
		// check of a response, or of a value of any type (an any or a
		// type parameter) that the function decodes into, as in
		// util.DecodeWithError: not of any value, or every function that
		// reflects over its any parameter would be a checker.
		ok := c.checked || (s.marker && len(c.params) > 0) ||
			(c.opaque && (a.ec.IsResponseType(c.typ) || len(c.sinks) > 0))
		for _, e := range c.calls {
			ok = ok || a.isChecker(e.fn, e.slot) || (c.opaque && a.isDecoder(e.fn, e.slot))
		}
		for _, e := range c.methods {
			ok = ok || a.isChecker(e.fn, recvSlot)
		}
		if ok {
			checked[c] = true
		}
	}
	data := make(map[*types.Var]bool)
	for v, evs := range s.dataArgs {
		for _, e := range evs {
			if a.isChecker(e.fn, e.slot) {
				data[v] = true
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, c := range s.classes {
			for _, sk := range c.sinks {
				if sk.data == nil {
					continue
				}
				if checked[c] && !data[sk.data] {
					data[sk.data] = true
					changed = true
				} else if !checked[c] && data[sk.data] {
					checked[c] = true
					changed = true
				}
			}
		}
	}
	return checked, data
}

func (a *analyzer) evalChecker(s *funcSum) bool {
	checked, data := a.classChecked(s)
	slots := make(map[int]bool)
	for _, slot := range s.marked {
		slots[slot] = true
	}
	for c := range checked {
		for _, slot := range c.params {
			slots[slot] = true
		}
	}
	for v, slot := range s.dataSlot {
		if data[v] {
			slots[slot] = true
		}
	}
	if c := s.slots[recvSlot]; c != nil && a.leaks(c) {
		// Callers treat a call of a function of unknown effect as a
		// possible check, but a method call as none: a method that
		// hands its receiver to such code, stores or returns it, is
		// a possible check too.
		slots[recvSlot] = true
	}
	return grow(&s.checker, slots)
}

// leaks reports whether the value of c goes where the analysis cannot
// follow it. Decoders of this package are not known yet when checkers are
// computed: passing the receiver to one counts as a leak.
func (a *analyzer) leaks(c *class) bool {
	if c.stored || c.unknownValue || c.unknownAddr || c.opaque || len(c.results) > 0 {
		return true
	}
	for _, e := range c.calls {
		if !a.isDecoder(e.fn, e.slot) {
			return true
		}
	}
	return false
}

// grow adds slots to *set and reports whether it grew.
func grow(set *map[int]bool, slots map[int]bool) bool {
	grew := false
	for slot := range slots {
		if !(*set)[slot] {
			if *set == nil {
				*set = make(map[int]bool)
			}
			(*set)[slot] = true
			grew = true
		}
	}
	return grew
}

func (a *analyzer) evalDecoder(s *funcSum) bool {
	slots := make(map[int]bool)
	for _, c := range s.classes {
		if len(c.params) == 0 || s.checked[c] || c.stored || len(c.results) > 0 || c.unknownValue || c.unknownAddr || c.opaque {
			continue
		}
		decoded, leaks := len(c.sinks) > 0, false
		for _, e := range c.calls {
			if a.isDecoder(e.fn, e.slot) {
				decoded = true
			} else {
				leaks = true
			}
		}
		for _, e := range c.methods {
			decoded = decoded || a.isDecoder(e.fn, recvSlot)
		}
		if decoded && !leaks {
			for _, slot := range c.params {
				if !s.checker[slot] {
					slots[slot] = true
				}
			}
		}
	}
	return grow(&s.decoder, slots)
}

func (a *analyzer) evalReturns(s *funcSum) bool {
	results := make(map[int]bool)
	for _, c := range s.classes {
		if len(c.results) == 0 || len(c.params) > 0 || s.checked[c] || c.stored || c.unknownValue || c.opaque {
			continue
		}
		filled, passed := len(c.sinks) > 0 || c.unknownAddr, false
		for _, e := range c.calls {
			switch {
			case a.isDecoder(e.fn, e.slot):
				filled = true
			case e.addr:
				filled = true // filled out of sight, or not at all
			default:
				passed = true // passed by value: logged, converted
			}
		}
		for _, e := range c.methods {
			filled = filled || a.isDecoder(e.fn, recvSlot)
		}
		for _, e := range c.from {
			filled = filled || a.isReturns(e.fn, e.slot)
		}
		if filled && !passed {
			for _, r := range c.results {
				results[r] = true
			}
		}
	}
	for _, t := range s.throughs {
		if a.isReturns(t.fn, t.index) {
			results[t.result] = true
		}
	}
	return grow(&s.returns, results)
}

// exportFacts exports the facts of the package's functions and reports
// whether there were checker or returnsUnchecked facts, and decoder facts.
func (a *analyzer) exportFacts(sums []*funcSum) (responses, decoders bool) {
	list := func(set map[int]bool) ([]int, bool) {
		var slots []int
		for s := range set {
			if s >= 0 {
				slots = append(slots, s)
			}
		}
		slices.Sort(slots)
		return slots, set[recvSlot]
	}
	for _, s := range sums {
		if len(s.checker) > 0 {
			params, recv := list(s.checker)
			a.pass.ExportObjectFact(s.fn, &CheckerFact{Params: params, Receiver: recv})
			responses = true
		}
		decoder := make(map[int]bool)
		for slot := range s.decoder {
			if !s.checker[slot] {
				decoder[slot] = true
			}
		}
		if len(decoder) > 0 {
			params, recv := list(decoder)
			a.pass.ExportObjectFact(s.fn, &DecoderFact{Params: params, Receiver: recv})
			decoders = true
		}
		if len(s.returns) > 0 {
			results, _ := list(s.returns)
			a.pass.ExportObjectFact(s.fn, &ReturnsUncheckedFact{Results: results})
			for _, r := range results {
				// A generic helper (func get[T any]) matters only to
				// the packages that name it: its importers.
				if isTypeParam(s.fn.Signature().Results().At(r).Type()) {
					decoders = true
				} else {
					responses = true
				}
			}
		}
	}
	return responses, decoders
}

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
				t = tup.At(e.slot).Type()
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
	if len(c.params) > 0 || !c.local || s.checked[c] || c.stored || len(c.results) > 0 ||
		c.unknownValue || c.unknownAddr || !a.ec.IsResponseType(c.typ) {
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
	for _, e := range c.calls {
		if !a.isDecoder(e.fn, e.slot) {
			return analysis.Diagnostic{}, false // passed on: maybe checked there
		}
		srcs = append(srcs, source{call: e.call, name: e.name})
	}
	for _, e := range c.methods {
		if a.isDecoder(e.fn, recvSlot) {
			srcs = append(srcs, source{call: e.call, name: e.name})
		}
	}
	for _, e := range c.from {
		if a.isReturns(e.fn, e.slot) {
			srcs = append(srcs, source{call: e.call, name: e.name, from: e.fn})
		}
	}
	if len(srcs) == 0 {
		return analysis.Diagnostic{}, false
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
