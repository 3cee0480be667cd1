package errcode

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

//go:embed doc.go
var doc string

// Analyzer recognises errcode expressions. Its result is an *Info.
var Analyzer = &analysis.Analyzer{
	Name:             "errcode",
	Doc:              analysisutil.MustExtractDoc(doc, "errcode"),
	URL:              "https://github.com/wxerrlint/wxerrlint/blob/main/docs/checks.md#errcode",
	Run:              run,
	ResultType:       reflect.TypeFor[*Info](),
	FactTypes:        []analysis.Fact{new(GetterFact), new(WeComFact), new(CandidateFact)},
	RunDespiteErrors: true,
}

// extraFields holds the -fields flag: more field or tag names to treat as
// errcode, comma-separated.
var extraFields string

func init() {
	Analyzer.Flags.StringVar(&extraFields, "fields", "", "comma-separated field names or tag names (any key) to treat as errcode fields, besides errcode/ErrCode")
	// The checks share this analyzer, so its flag reaches them all.
	Analyzer.Flags.BoolVar(&analysisutil.ReportTestFiles, "testfiles", false, "report findings in _test.go files too (off: tests compare their own fixtures' errcodes)")
}

// WeComHost is the host of the WeCom (企业微信) API.
const WeComHost = "qyapi.weixin.qq.com"

// GetterFact marks a function or method that returns an errcode value, such
// as func (r *Resp) GetErrCode() int { return r.ErrCode }.
//
// Facts need an exported field: go vet gob-encodes them, and gob refuses a
// struct without one.
type GetterFact struct {
	Getter bool
}

func (*GetterFact) AFact()         {}
func (*GetterFact) String() string { return "errcodeGetter" }

// WeComFact marks a function that calls the WeCom API: its body names
// qyapi.weixin.qq.com or calls a function that does.
type WeComFact struct {
	CallsWeCom bool
}

func (*WeComFact) AFact()         {}
func (*WeComFact) String() string { return "callsWeCom" }

// Info answers questions about errcode expressions in one package.
//
// The checks that require errcode run concurrently on a package and share
// its Info: its methods are safe for concurrent use.
type Info struct {
	info   *types.Info
	mu     sync.Mutex          // guards fields, filled lazily by queries
	fields map[*types.Var]bool // numeric fields already classified
	locals map[*types.Var]bool // local variables assigned an errcode
	extra  map[string]bool     // the -fields flag, lower case
	// getter reports whether fn returns an errcode value (fact or this package).
	getter func(fn *types.Func) bool
	// WeCom reports that the package talks to the WeCom API.
	WeCom bool
	// Candidate reports that the package can hold WeChat code (see
	// CandidateFact). Outside candidates, checks return at once.
	Candidate bool

	inspector func() *inspector.Inspector
}

// Inspector returns an inspector of the package's files, built on first
// use and shared by every check. The wxerrlint analyzers take it from here
// rather than requiring inspect.Analyzer, which would build one for every
// package of the build: they run on every package, because they declare
// facts, but walk candidates only.
func (in *Info) Inspector() *inspector.Inspector { return in.inspector() }

func run(pass *analysis.Pass) (any, error) {
	in := &Info{
		info:   pass.TypesInfo,
		fields: make(map[*types.Var]bool),
		locals: make(map[*types.Var]bool),
		extra:  make(map[string]bool),
	}
	in.inspector = sync.OnceValue(func() *inspector.Inspector { return inspector.New(pass.Files) })
	for _, f := range extraFieldNames() {
		in.extra[f] = true
	}
	getters := make(map[*types.Func]bool)
	in.getter = func(fn *types.Func) bool {
		if getters[fn] {
			return true
		}
		return fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, new(GetterFact))
	}
	if !isCandidate(pass) {
		// Nothing here can be an errcode expression; the Info still
		// answers (no) for any analyzer that asks.
		return in, nil
	}
	in.Candidate = true
	pass.ExportPackageFact(&CandidateFact{Candidate: true})
	ins := in.Inspector()

	sv := survey(pass, ins)
	if sv.namesWeCom || sv.importsWeCom {
		in.WeCom = markWeCom(pass, ins)
	}
	if !sv.importsGetter && !sv.namesErrcode && !in.selectsErrcodeField() {
		// Most packages of a build (the standard library, most
		// dependencies) never touch an errcode: skip the fixed point.
		return in, nil
	}

	// Locals and getters depend on each other (code := r.GetErrCode();
	// func (r *R) Code() int { c := r.ErrCode; return c }). Settle each
	// function's locals, then whether it is a getter; a new getter sends
	// the functions that call it back to the worklist. Each function is
	// revisited only when a callee changes, so chains of getters cost
	// linear time.
	type funcInfo struct {
		decl    inspector.Cursor
		fn      *types.Func
		callers []int
	}
	var funcs []funcInfo
	index := make(map[*types.Func]int)
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok && fd.Body != nil {
			index[fn] = len(funcs)
			funcs = append(funcs, funcInfo{decl: cur, fn: fn})
		}
	}
	for i, f := range funcs {
		for call := range f.decl.Preorder((*ast.CallExpr)(nil)) {
			if callee := calledFunc(pass.TypesInfo, call.Node().(*ast.CallExpr)); callee != nil {
				if j, ok := index[callee]; ok {
					funcs[j].callers = append(funcs[j].callers, i)
				}
			}
		}
	}
	work := make([]int, len(funcs))
	for i := range work {
		work[i] = len(funcs) - 1 - i // pop in source order
	}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		f := funcs[i]
		for in.collectLocals(f.decl) {
		}
		if !getters[f.fn] && in.returnsErrcode(f.decl.Node().(*ast.FuncDecl)) {
			getters[f.fn] = true
			work = append(work, f.callers...)
		}
	}
	for fn := range getters {
		pass.ExportObjectFact(fn, &GetterFact{Getter: true})
	}
	return in, nil
}

// packageSurvey is what one cheap look at a package tells: whether it can
// hold errcode expressions or WeCom calls at all. Every errcode expression
// starts from an errcode field, a string naming "errcode" (m["errcode"]) or
// an imported getter; every WeCom caller from a string naming the host or
// an imported WeCom caller. Most packages of a build have none of these.
type packageSurvey struct {
	namesErrcode, namesWeCom    bool // a string literal names "errcode" / the WeCom host
	importsGetter, importsWeCom bool // a dependency has a GetterFact / a WeComFact
}

func survey(pass *analysis.Pass, ins *inspector.Inspector) packageSurvey {
	var sv packageSurvey
	for cur := range ins.Root().Preorder((*ast.BasicLit)(nil)) {
		if lit := cur.Node().(*ast.BasicLit); lit.Kind == token.STRING {
			sv.namesErrcode = sv.namesErrcode || strings.Contains(strings.ToLower(lit.Value), "errcode")
			sv.namesWeCom = sv.namesWeCom || strings.Contains(lit.Value, WeComHost)
		}
	}
	for _, f := range pass.AllObjectFacts() {
		switch f.Fact.(type) {
		case *GetterFact:
			sv.importsGetter = true
		case *WeComFact:
			sv.importsWeCom = true
		}
	}
	return sv
}

// selectsErrcodeField reports whether the package selects an errcode field.
func (in *Info) selectsErrcodeField() bool {
	for _, sel := range in.info.Selections {
		if sel.Kind() == types.FieldVal && in.isErrcodeSelection(sel) {
			return true
		}
	}
	return false
}

// collectLocals adds the local variables of a function that are assigned
// from errcode expressions and reports whether it found new ones.
func (in *Info) collectLocals(fn inspector.Cursor) bool {
	changed := false
	mark := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v, ok := in.info.ObjectOf(id).(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || in.locals[v] {
			return
		}
		if in.IsErrcode(rhs) {
			in.locals[v] = true
			changed = true
		}
	}
	for cur := range fn.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE && n.Tok != token.ASSIGN {
				continue
			}
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					mark(n.Lhs[i], n.Rhs[i])
				}
			} else if len(n.Rhs) == 1 {
				// code, ok := m["errcode"].(float64)
				if _, ok := ast.Unparen(n.Rhs[0]).(*ast.TypeAssertExpr); ok {
					mark(n.Lhs[0], n.Rhs[0])
				}
			}
		case *ast.ValueSpec:
			for i := range n.Names {
				if i < len(n.Values) && len(n.Names) == len(n.Values) {
					mark(n.Names[i], n.Values[i])
				}
			}
		}
	}
	return changed
}

// returnsErrcode reports whether fd has one numeric result and every
// return statement of its own body returns an errcode expression.
func (in *Info) returnsErrcode(fd *ast.FuncDecl) bool {
	res := fd.Type.Results
	if res == nil || res.NumFields() != 1 || fd.Type.TypeParams.NumFields() > 0 {
		return false
	}
	if t := in.info.TypeOf(res.List[0].Type); t == nil || !isNumeric(t) {
		return false
	}
	found, all := false, true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 && in.IsErrcode(n.Results[0]) {
				found = true
			} else {
				all = false
			}
		}
		return all
	})
	return found && all
}

// IsErrcode reports whether e denotes a WeChat errcode value.
func (in *Info) IsErrcode(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		sel, ok := in.info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return false
		}
		return in.isErrcodeSelection(sel)
	case *ast.StarExpr:
		return in.IsErrcode(e.X)
	case *ast.Ident:
		v, ok := in.info.Uses[e].(*types.Var)
		return ok && in.locals[v]
	case *ast.TypeAssertExpr:
		if e.Type == nil {
			return false // a type switch guard
		}
		// The asserted type, not TypeOf(e): in comma-ok form that is a tuple.
		t := in.info.TypeOf(e.Type)
		return t != nil && isNumeric(t) && isErrcodeMapIndex(in.info, e.X)
	case *ast.IndexExpr:
		t := in.info.TypeOf(e)
		return t != nil && isNumeric(t) && isErrcodeMapIndex(in.info, e)
	case *ast.CallExpr:
		if tv, ok := in.info.Types[e.Fun]; ok && tv.IsType() {
			// A conversion: int(resp.ErrCode), int(m["errcode"].(float64)).
			return len(e.Args) == 1 && isNumeric(tv.Type) && in.IsErrcode(e.Args[0])
		}
		if len(e.Args) != 0 {
			return false
		}
		fn := calledFunc(in.info, e)
		return fn != nil && in.getter(fn)
	}
	return false
}

// calledFunc returns the function or method a call statically calls.
func calledFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	var id *ast.Ident
	fun := ast.Unparen(call.Fun)
	// An instantiation: get[T](url), Map[K, V](m).
	switch f := fun.(type) {
	case *ast.IndexExpr:
		if tv, ok := info.Types[f.Index]; ok && tv.IsType() {
			fun = ast.Unparen(f.X)
		}
	case *ast.IndexListExpr:
		fun = ast.Unparen(f.X)
	}
	switch f := fun.(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn == nil {
		return nil
	}
	return fn.Origin()
}

// CalledFunc returns the function or method that call statically calls, or
// nil for a call of a function value.
func CalledFunc(info *types.Info, call *ast.CallExpr) *types.Func { return calledFunc(info, call) }

// isErrcodeMapIndex reports whether e is m["errcode"] on a map keyed by string.
func isErrcodeMapIndex(info *types.Info, e ast.Expr) bool {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return false
	}
	t := info.TypeOf(ix.X)
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isString(m.Key()) {
		return false
	}
	tv := info.Types[ix.Index]
	return tv.Value != nil && tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), "errcode")
}

// isErrcodeSelection reports whether a field selection ends at an errcode
// field, looking it up in the struct that declares it.
func (in *Info) isErrcodeSelection(sel *types.Selection) bool {
	field := sel.Obj().(*types.Var)
	if known, ok := in.knownField(field); ok {
		return known
	}
	st := declaringStruct(sel)
	ok := false
	if st != nil {
		for i := range st.NumFields() {
			if st.Field(i) == field {
				ok = in.isErrcodeField(st, i)
				break
			}
		}
	}
	in.setField(field, ok)
	return ok
}

// knownField returns what is known of field f, if anything.
func (in *Info) knownField(f *types.Var) (isErrcode, known bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	isErrcode, known = in.fields[f]
	return isErrcode, known
}

// setField records whether field f is an errcode field.
func (in *Info) setField(f *types.Var, isErrcode bool) {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.fields[f] = isErrcode
}

// declaringStruct follows the selection's path of embedded fields to the
// struct whose field it selects.
func declaringStruct(sel *types.Selection) *types.Struct {
	t := sel.Recv()
	path := sel.Index()
	for i, idx := range path {
		st, ok := derefStruct(t)
		if !ok || idx >= st.NumFields() {
			return nil
		}
		if i == len(path)-1 {
			return st
		}
		t = st.Field(idx).Type()
	}
	return nil
}

func derefStruct(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return st, ok
}

// isErrcodeField reports whether field i of st is an errcode field.
func (in *Info) isErrcodeField(st *types.Struct, i int) bool {
	f := st.Field(i)
	t := f.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if !isNumeric(t) {
		return false
	}
	if in.extra[strings.ToLower(f.Name())] {
		return true
	}
	for _, name := range tagNames(st.Tag(i)) {
		if strings.EqualFold(name, "errcode") || in.extra[strings.ToLower(name)] {
			return true
		}
	}
	if f.Name() != "ErrCode" && f.Name() != "Errcode" {
		return false
	}
	for j := range st.NumFields() {
		if isErrmsgField(st, j) {
			return true
		}
	}
	return false
}

// IsResponseType reports whether t (or what it points to) is a struct with
// an errcode field, declared in it or promoted from an embedded struct.
func (in *Info) IsResponseType(t types.Type) bool {
	return in.responseField(t, 0) != nil
}

// ErrcodeField returns the errcode field of response type t, or nil.
func (in *Info) ErrcodeField(t types.Type) *types.Var { return in.responseField(t, 0) }

func (in *Info) responseField(t types.Type, depth int) *types.Var {
	st, ok := derefStruct(t)
	if !ok || depth > 4 {
		return nil
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if isErrcode, known := in.knownField(f); known && isErrcode {
			return f
		}
		if in.isErrcodeField(st, i) {
			in.setField(f, true)
			return f
		}
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Embedded() {
			if found := in.responseField(f.Type(), depth+1); found != nil {
				return found
			}
		}
	}
	return nil
}

func isErrmsgField(st *types.Struct, i int) bool {
	f := st.Field(i)
	if f.Name() == "ErrMsg" || f.Name() == "Errmsg" {
		return true
	}
	for _, name := range tagNames(st.Tag(i)) {
		if strings.EqualFold(name, "errmsg") {
			return true
		}
	}
	return false
}

// tagNames returns the name part of every key:"value" pair of a struct tag.
func tagNames(tag string) []string {
	var names []string
	for tag != "" {
		tag = strings.TrimLeft(tag, " ")
		i := strings.IndexByte(tag, ':')
		if i <= 0 || i+1 >= len(tag) || tag[i+1] != '"' {
			break
		}
		rest := tag[i+1:]
		j := 1
		for j < len(rest) && rest[j] != '"' {
			if rest[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(rest) {
			break
		}
		value, err := strconv.Unquote(rest[:j+1])
		if err != nil {
			break
		}
		name, _, _ := strings.Cut(value, ",")
		names = append(names, name)
		tag = rest[j+1:]
	}
	return names
}

func isNumeric(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsInteger|types.IsFloat) != 0
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// markWeCom exports WeComFact for the package's functions that call the
// WeCom API and reports whether the package does: a string constant of the
// package names the WeCom host, or a function of it calls one that does.
func markWeCom(pass *analysis.Pass, ins *inspector.Inspector) bool {
	pkgWeCom := false
	marked := make(map[*types.Func]bool)
	for cur := range ins.Root().Preorder((*ast.BasicLit)(nil), (*ast.Ident)(nil)) {
		if !namesWeComHost(pass.TypesInfo, cur.Node()) {
			continue
		}
		pkgWeCom = true
		for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			if fn, ok := pass.TypesInfo.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
				marked[fn] = true
			}
		}
	}

	// Propagate to callers: of imported functions by fact, of the
	// package's own functions through a worklist over its call edges.
	callers := make(map[*types.Func][]*types.Func)
	for decl := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		caller, ok := pass.TypesInfo.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func)
		if !ok {
			continue
		}
		for call := range decl.Preorder((*ast.CallExpr)(nil)) {
			callee := calledFunc(pass.TypesInfo, call.Node().(*ast.CallExpr))
			switch {
			case callee == nil || callee.Pkg() == nil:
			case callee.Pkg() == pass.Pkg:
				callers[callee] = append(callers[callee], caller)
			case pass.ImportObjectFact(callee, new(WeComFact)):
				marked[caller] = true
			}
		}
	}
	work := make([]*types.Func, 0, len(marked))
	for fn := range marked {
		work = append(work, fn)
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		for _, caller := range callers[fn] {
			if !marked[caller] {
				marked[caller] = true
				work = append(work, caller)
			}
		}
	}
	for fn := range marked {
		pass.ExportObjectFact(fn, &WeComFact{CallsWeCom: true})
	}
	return pkgWeCom || len(marked) > 0
}

// namesWeComHost reports whether n is a string literal or a use of a string
// constant that contains the WeCom host.
func namesWeComHost(info *types.Info, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.BasicLit:
		return n.Kind == token.STRING && strings.Contains(n.Value, WeComHost)
	case *ast.Ident:
		c, ok := info.Uses[n].(*types.Const)
		return ok && c.Val().Kind() == constant.String && strings.Contains(constant.StringVal(c.Val()), WeComHost)
	}
	return false
}

// IsErrmsg reports whether e selects the errmsg field (tag errmsg, or named
// ErrMsg or Errmsg) of a WeChat response type: code that reads it, as in
// resp.ErrMsg != "ok", looks at the call's outcome.
func (in *Info) IsErrmsg(e ast.Expr) bool {
	se, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sel, ok := in.info.Selections[se]
	if !ok || sel.Kind() != types.FieldVal || !in.IsResponseType(sel.Recv()) {
		return false
	}
	st := declaringStruct(sel)
	if st == nil {
		return false
	}
	for i := range st.NumFields() {
		if st.Field(i) == sel.Obj() {
			return isErrmsgField(st, i)
		}
	}
	return false
}
