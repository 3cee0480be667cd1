package retry

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
	"github.com/wxerrlint/wxerrlint/codes"
)

//go:embed doc.go
var doc string

// Analyzer reports retry-worthy errcodes handled without a retry.
var Analyzer = &analysis.Analyzer{
	Name:             "errcoderetry",
	Doc:              analysisutil.MustExtractDoc(doc, "errcoderetry"),
	URL:              "https://github.com/wxerrlint/wxerrlint/blob/main/docs/checks.md#errcoderetry",
	Requires:         []*analysis.Analyzer{errcode.Analyzer},
	Run:              run,
	FactTypes:        []analysis.Fact{new(RetriesFact), new(RefreshesTokenFact)},
	RunDespiteErrors: true,
}

// strict holds the -strict flag.
var strict bool

func init() {
	Analyzer.Flags.BoolVar(&strict, "strict", false,
		"also report, once per function, errcode failure checks (errcode != 0) that give up with no retry in the function or its callers")
}

// The declaration-site markers, in a function's doc comment, for helpers
// that inference misses.
const (
	RetriesMarker        = "//wxerrlint:retries"
	RefreshesTokenMarker = "//wxerrlint:refreshes-token"
)

// RetriesFact marks a function that retries: it calls a retry mechanism
// (retry-go, backoff, go-retry, a function whose name says retry, or a
// function with this fact), loops back after a failure, or carries the
// //wxerrlint:retries marker.
//
// Facts need an exported field: go vet gob-encodes them.
type RetriesFact struct {
	Retries bool
}

func (*RetriesFact) AFact()         {}
func (*RetriesFact) String() string { return "retries" }

// RefreshesTokenFact marks a function that refreshes the access_token: it
// calls a function whose name says so (or one with this fact), clears a
// token field, or carries the //wxerrlint:refreshes-token marker.
type RefreshesTokenFact struct {
	RefreshesToken bool
}

func (*RefreshesTokenFact) AFact()         {}
func (*RefreshesTokenFact) String() string { return "refreshesToken" }

// Import paths of the retry libraries errcoderetry knows.
const (
	avastPath     = "github.com/avast/retry-go"
	backoffPath   = "github.com/cenkalti/backoff"
	sethvargoPath = "github.com/sethvargo/go-retry"
)

type mechKind uint8

const (
	mechNamed     mechKind = iota // a function whose name says retry
	mechAvast                     // retry-go: any error but Unrecoverable(err) is retried
	mechBackoff                   // backoff v4/v5: any error but Permanent(err) is retried
	mechSethvargo                 // go-retry: only RetryableError(err) is retried
)

// A mechanism is a call that retries a callback.
type mechanism struct {
	kind mechKind
	name string // for messages: "backoff.Retry"
}

// libKind returns the retry library a package path belongs to.
func libKind(path string) (mechKind, bool) {
	under := func(root string) bool { return path == root || strings.HasPrefix(path, root+"/") }
	switch {
	case under(avastPath):
		return mechAvast, true
	case under(backoffPath):
		return mechBackoff, true
	case under(sethvargoPath):
		return mechSethvargo, true
	}
	return 0, false
}

// funcInfo describes one function declaration of the package.
type funcInfo struct {
	decl       *ast.FuncDecl
	obj        *types.Func
	ownRetry   bool          // retries by itself (before propagation)
	ownRefresh bool          // refreshes by itself
	callees    []*types.Func // functions of this package it calls
	sites      []inspector.Cursor
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	ec   *errcode.Info
	ins  *inspector.Inspector
	rep  *analysisutil.Reporter

	funcs     map[*types.Func]*funcInfo
	order     []*funcInfo
	retries   map[*types.Func]bool // functions of this package that retry
	refreshes map[*types.Func]bool // functions of this package that refresh the token

	callbacks map[*ast.FuncLit]*mechanism // function literals given to a retry mechanism
	cbFuncs   map[*types.Func]*mechanism  // declared functions given to one
	litVars   map[*types.Var]*ast.FuncLit // v := func() ...
	varOfLit  map[*ast.FuncLit]*types.Var // the reverse
	pending   map[*types.Var]*mechanism   // local function variables given to a mechanism
	ctxs      map[ast.Node]*funcCtx       // function contexts, by *ast.FuncDecl or *ast.FuncLit
	covered   map[*types.Func]bool        // functions whose calls a caller of this package retries
	checked   map[*types.Var]bool         // sentinel errors something checks
	reach     map[*types.Func]map[*types.Func]bool
	cmps      []*comparison
	sawCmp    bool              // any errcode comparison with a constant
	retryWork map[ast.Node]bool // functions (by node) with a retry-worthy comparison
}

func run(pass *analysis.Pass) (any, error) {
	ec := pass.ResultOf[errcode.Analyzer].(*errcode.Info)
	if !ec.Candidate {
		return nil, nil // no fact can arise here (see errcode.CandidateFact)
	}
	c := &checker{
		pass: pass,
		info: pass.TypesInfo,
		ec:   ec,
		ins:  ec.Inspector(),
	}
	c.collectComparisons()
	if !c.relevant() {
		return nil, nil // no WeChat code: nothing to report, no facts to export
	}
	c.funcs = make(map[*types.Func]*funcInfo)
	c.retries = make(map[*types.Func]bool)
	c.refreshes = make(map[*types.Func]bool)
	c.callbacks = make(map[*ast.FuncLit]*mechanism)
	c.cbFuncs = make(map[*types.Func]*mechanism)
	c.litVars = make(map[*types.Var]*ast.FuncLit)
	c.varOfLit = make(map[*ast.FuncLit]*types.Var)
	c.pending = make(map[*types.Var]*mechanism)
	c.ctxs = make(map[ast.Node]*funcCtx)
	c.retryWork = make(map[ast.Node]bool)
	c.collectFuncs()
	c.propagate()
	// Facts are exported in every relevant package; reports need errcode
	// comparisons, and WeCom's code table is not the one codes.Retry knows.
	if len(c.cmps) == 0 || c.ec.WeCom {
		return nil, nil
	}
	c.rep = analysisutil.NewReporter(pass)
	c.check()
	return nil, nil
}

// ---- Comparisons ----

// A comparison is an errcode compared with a constant, and the branch
// taken for that code (for code 0: the branch taken on failure).
type comparison struct {
	expr  ast.Expr // reported position
	code  int
	class codes.RetryClass
	block ast.Node // *ast.BlockStmt or *ast.CaseClause
	stmts []ast.Stmt
	stmt  inspector.Cursor // the if or switch statement
}

// relevant reports whether the package may hold WeChat code or helpers
// for it: it compares errcodes, declares a response type, imports a retry
// library or the codes package, carries a marker, or depends on a package
// with facts. The heuristics that infer facts stay out of the rest, such
// as the standard library.
func (c *checker) relevant() bool {
	if c.sawCmp {
		return true
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if _, ok := libKind(imp.Path()); ok || imp.Path() == codesPath {
			return true
		}
	}
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && c.ec.IsResponseType(tn.Type()) {
			return true
		}
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && (hasMarker(fd.Doc, RetriesMarker) || hasMarker(fd.Doc, RefreshesTokenMarker)) {
				return true
			}
		}
	}
	return len(c.pass.AllObjectFacts()) > 0
}

// codesPath is the import path of the errcode table.
const codesPath = "github.com/wxerrlint/wxerrlint/codes"

func (c *checker) collectComparisons() {
	for cur := range c.ins.Root().Preorder((*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.IfStmt:
			var elseBlock *ast.BlockStmt
			if b, ok := n.Else.(*ast.BlockStmt); ok {
				elseBlock = b
			}
			for _, t := range c.condTerms(n.Cond) {
				c.sawCmp = true
				c.addTerm(cur, t, n.Body, n.Body.List, elseBlock)
			}
		case *ast.SwitchStmt:
			if n.Tag == nil {
				for _, s := range n.Body.List {
					cc := s.(*ast.CaseClause)
					for _, e := range cc.List {
						for _, t := range c.condTerms(e) {
							c.sawCmp = true
							// The case list is a disjunction, and there is no else.
							t.inOr = true
							c.addTerm(cur, t, cc, cc.Body, nil)
						}
					}
				}
				continue
			}
			if !c.ec.IsErrcode(n.Tag) {
				continue
			}
			var deflt *ast.CaseClause
			zero := false
			for _, s := range n.Body.List {
				cc := s.(*ast.CaseClause)
				if cc.List == nil {
					deflt = cc
				}
				for _, e := range cc.List {
					code, ok := c.constCode(e)
					if !ok {
						continue
					}
					c.sawCmp = true
					if code == 0 {
						zero = true
					} else if cl := codes.Retry(code); worthy(cl) {
						c.cmps = append(c.cmps, &comparison{expr: e, code: code, class: cl, block: cc, stmts: cc.Body, stmt: cur})
					}
				}
			}
			if zero && deflt != nil {
				c.cmps = append(c.cmps, &comparison{expr: n.Tag, code: 0, block: deflt, stmts: deflt.Body, stmt: cur})
			}
		}
	}
}

// A term is an errcode comparison within a condition.
type term struct {
	expr        *ast.BinaryExpr
	code        int
	eq          bool // == (else !=)
	inOr, inAnd bool // a disjunct or conjunct of the whole condition
}

// condTerms returns the errcode comparisons of a condition: the whole
// condition, or the top-level disjuncts or conjuncts of one. Deeper
// nesting is left alone.
func (c *checker) condTerms(cond ast.Expr) []term {
	cond = ast.Unparen(cond)
	if t, ok := c.cmpTerm(cond); ok {
		return []term{t}
	}
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || (b.Op != token.LOR && b.Op != token.LAND) {
		return nil
	}
	var terms []term
	for _, x := range flatten(b, b.Op) {
		if t, ok := c.cmpTerm(ast.Unparen(x)); ok {
			t.inOr, t.inAnd = b.Op == token.LOR, b.Op == token.LAND
			terms = append(terms, t)
		}
	}
	return terms
}

func flatten(e ast.Expr, op token.Token) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == op {
		return append(flatten(b.X, op), flatten(b.Y, op)...)
	}
	return []ast.Expr{e}
}

func (c *checker) cmpTerm(e ast.Expr) (term, bool) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return term{}, false
	}
	code, ok := c.constCode(b.Y)
	if !ok || !c.ec.IsErrcode(b.X) {
		if code, ok = c.constCode(b.X); !ok || !c.ec.IsErrcode(b.Y) {
			return term{}, false
		}
	}
	return term{expr: b, code: code, eq: b.Op == token.EQL}, true
}

// constCode returns the integer value of a constant expression: a literal
// or a named constant of any origin.
func (c *checker) constCode(e ast.Expr) (int, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	i, exact := constant.Int64Val(v)
	if !exact || i != int64(int(i)) {
		return 0, false
	}
	return int(i), true
}

func worthy(cl codes.RetryClass) bool {
	return cl == codes.Backoff || cl == codes.RateLimit || cl == codes.RefreshToken
}

// addTerm records the branch a term selects: for a retry-worthy code the
// branch taken when the errcode equals it, for 0 the branch taken when it
// does not. A branch that also depends on the rest of the condition is
// left alone.
func (c *checker) addTerm(stmt inspector.Cursor, t term, body ast.Node, bodyStmts []ast.Stmt, elseBlock *ast.BlockStmt) {
	var cl codes.RetryClass
	wantEq := true
	if t.code == 0 {
		wantEq = false
	} else if cl = codes.Retry(t.code); !worthy(cl) {
		return
	}
	cmp := &comparison{expr: t.expr, code: t.code, class: cl, stmt: stmt}
	switch {
	case t.eq == wantEq && !t.inAnd:
		cmp.block, cmp.stmts = body, bodyStmts
	case t.eq != wantEq && !t.inOr && elseBlock != nil:
		cmp.block, cmp.stmts = elseBlock, elseBlock.List
	default:
		return
	}
	c.cmps = append(c.cmps, cmp)
}

// ---- Functions and facts ----

func (c *checker) collectFuncs() {
	for fdCur := range c.ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := fdCur.Node().(*ast.FuncDecl)
		obj, _ := c.info.Defs[fd.Name].(*types.Func)
		if obj == nil || fd.Body == nil {
			continue
		}
		fi := &funcInfo{
			decl:       fd,
			obj:        obj,
			ownRetry:   hasMarker(fd.Doc, RetriesMarker),
			ownRefresh: hasMarker(fd.Doc, RefreshesTokenMarker),
		}
		c.funcs[obj] = fi
		c.order = append(c.order, fi)
		for cur := range fdCur.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if len(n.Lhs) == len(n.Rhs) {
						c.noteLitVar(lhs, n.Rhs[i])
					}
				}
				if n.Tok == token.ASSIGN && c.clearsTokenField(n) {
					fi.ownRefresh = true
				}
			case *ast.ValueSpec:
				for i, name := range n.Names {
					if len(n.Names) == len(n.Values) {
						c.noteLitVar(name, n.Values[i])
					}
				}
			case *ast.CallExpr:
				fn := errcode.CalledFunc(c.info, n)
				if m := c.mechanismOf(n, fn); m != nil {
					fi.ownRetry = true
					c.noteCallbacks(n, m)
				}
				if fn == nil {
					continue
				}
				if fn.Pkg() == c.pass.Pkg {
					fi.callees = append(fi.callees, fn)
					fi.sites = append(fi.sites, cur)
				} else if fn.Pkg() != nil {
					if c.pass.ImportObjectFact(fn, new(RetriesFact)) {
						fi.ownRetry = true
					}
					if c.pass.ImportObjectFact(fn, new(RefreshesTokenFact)) {
						fi.ownRefresh = true
					}
				}
				if c.refreshCall(n, fn) {
					fi.ownRefresh = true
				}
				if fn == obj && c.underErrorCondition(cur) {
					fi.ownRetry = true // recursion after a failure
				}
				if isSleep(fn) && c.inRetryLoop(cur) {
					fi.ownRetry = true // sleeps in a loop: a hand-written retry loop
				}
			}
		}
	}
	// Local function variables given to a mechanism: op := func() error {...}; backoff.Retry(op, b).
	for v, m := range c.pending {
		if lit := c.litVars[v]; lit != nil {
			c.callbacks[lit] = m
		}
	}
	// Loops that continue after an errcode comparison retry.
	for _, cmp := range c.cmps {
		fc := c.funcCtx(cmp.stmt)
		if fc == nil || fc.outer == nil {
			continue
		}
		for _, s := range c.scan(cmp, fc, true).retry {
			if s.kind == signContinue || s.kind == signGoto || s.kind == signRecursion {
				fc.outer.ownRetry = true
			}
		}
	}
}

func (c *checker) obj(fd *ast.FuncDecl) *types.Func {
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	return fn
}

// hasMarker reports whether a doc comment holds a marker line.
func hasMarker(doc *ast.CommentGroup, marker string) bool {
	if doc == nil {
		return false
	}
	for _, cm := range doc.List {
		if rest, ok := strings.CutPrefix(cm.Text, marker); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return true
		}
	}
	return false
}

func (c *checker) noteLitVar(lhs, rhs ast.Expr) {
	lit, ok := ast.Unparen(rhs).(*ast.FuncLit)
	if !ok {
		return
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return
	}
	if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
		c.litVars[v] = lit
		c.varOfLit[lit] = v
	}
}

// noteCallbacks records the function arguments of a retry mechanism call.
func (c *checker) noteCallbacks(call *ast.CallExpr, m *mechanism) {
	for _, arg := range call.Args {
		if !returnsError(c.info.TypeOf(arg)) {
			continue
		}
		switch a := ast.Unparen(arg).(type) {
		case *ast.FuncLit:
			c.callbacks[a] = m
		case *ast.Ident, *ast.SelectorExpr:
			var id *ast.Ident
			if sel, ok := a.(*ast.SelectorExpr); ok {
				id = sel.Sel
			} else {
				id = a.(*ast.Ident)
			}
			switch obj := c.info.Uses[id].(type) {
			case *types.Func:
				if obj.Pkg() == c.pass.Pkg {
					c.cbFuncs[obj.Origin()] = m
				}
			case *types.Var:
				c.pending[obj] = m
			}
		}
	}
}

// returnsError reports whether t is a function type whose last result is
// error.
func returnsError(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	return isError(sig.Results().At(sig.Results().Len() - 1).Type())
}

var errorType = types.Universe.Lookup("error").Type()

func isError(t types.Type) bool { return t != nil && types.Identical(t, errorType) }

// mechanismOf returns the retry mechanism a call invokes: a function of a
// known retry library that takes a callback returning error, or a function
// whose name says retry.
func (c *checker) mechanismOf(call *ast.CallExpr, fn *types.Func) *mechanism {
	if fn == nil {
		return nil
	}
	if fn.Pkg() != nil {
		if kind, ok := libKind(fn.Pkg().Path()); ok {
			sig, _ := fn.Type().(*types.Signature)
			if sig == nil {
				return nil
			}
			for i := range sig.Params().Len() {
				t := sig.Params().At(i).Type()
				if s, ok := t.(*types.Slice); ok && sig.Variadic() && i == sig.Params().Len()-1 {
					t = s.Elem()
				}
				if returnsError(t) {
					return &mechanism{kind: kind, name: fn.Pkg().Name() + "." + fn.Name()}
				}
			}
			return nil
		}
	}
	if saysRetry(fn) {
		return &mechanism{kind: mechNamed, name: fn.Name()}
	}
	return nil
}

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

// words splits an identifier into lower-case words: doWithRetry -> do with retry.
func words(name string) []string {
	var ws []string
	start := 0
	rs := []rune(name)
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '_' ||
			(unicode.IsUpper(rs[i]) && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1])))) {
			if w := strings.Trim(string(rs[start:i]), "_"); w != "" {
				ws = append(ws, strings.ToLower(w))
			}
			start = i
		}
	}
	return ws
}

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
	ws := words(name)
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
func (c *checker) refreshCall(call *ast.CallExpr, fn *types.Func) bool {
	if fn == nil {
		// delete(m, tokenKey)
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "delete" {
			if _, ok := c.info.Uses[id].(*types.Builtin); ok && len(call.Args) == 2 {
				return mentionsToken(types.ExprString(call.Args[0])) || mentionsToken(types.ExprString(call.Args[1]))
			}
		}
		return false
	}
	if c.refreshesFunc(fn) {
		return true
	}
	if !containsAnyFold(fn.Name(), refreshHints) {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return false
	}
	ws := words(fn.Name())
	if len(ws) == 0 {
		return false
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
	// GetAccessToken(ctx, true) with a parameter named forceRefresh.
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
		if tv, ok := c.info.Types[a]; ok {
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
func (c *checker) clearsTokenField(as *ast.AssignStmt) bool {
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || !mentionsToken(sel.Sel.Name) || i >= len(as.Rhs) {
			continue
		}
		if isZero(c.info, as.Rhs[i]) {
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
	if tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return constant.StringVal(tv.Value) == ""
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	case constant.Bool:
		return !constant.BoolVal(tv.Value)
	}
	return false
}

// isSleep reports whether fn waits: time.Sleep, time.After, a backoff's
// NextBackOff, or a function whose name says sleep or backoff.
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
	for _, w := range words(fn.Name()) {
		if w == "sleep" || w == "backoff" {
			return true
		}
	}
	return false
}

// retryShaped reports whether a loop can be a retry loop: a for loop, or
// a range over an integer or an iterator function; not a range over a
// collection, whose next iteration moves on to the next element.
func (c *checker) retryShaped(loop ast.Node) bool {
	switch l := loop.(type) {
	case *ast.ForStmt:
		return true
	case *ast.RangeStmt:
		t := c.info.TypeOf(l.X)
		if t == nil {
			return false
		}
		switch u := t.Underlying().(type) {
		case *types.Basic:
			return u.Info()&types.IsInteger != 0
		case *types.Signature:
			return true
		}
	}
	return false
}

// inRetryLoop reports whether cur is inside a retry-shaped loop of its
// own function.
func (c *checker) inRetryLoop(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		default:
			if c.retryShaped(n) {
				return true
			}
		}
	}
	return false
}

// underErrorCondition reports whether cur is in the body of an if whose
// condition mentions an errcode or an error.
func (c *checker) underErrorCondition(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := e.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			if x, ok := n.(ast.Expr); ok && !found {
				found = c.ec.IsErrcode(x) || isError(c.info.TypeOf(x))
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// propagate extends own retries and refreshes to the callers in this
// package and exports the facts.
func (c *checker) propagate() {
	callers := make(map[*types.Func][]*types.Func)
	var retryWork, refreshWork []*types.Func
	for _, fi := range c.order {
		for _, callee := range fi.callees {
			callers[callee] = append(callers[callee], fi.obj)
		}
		if fi.ownRetry {
			c.retries[fi.obj] = true
			retryWork = append(retryWork, fi.obj)
		}
		if fi.ownRefresh {
			c.refreshes[fi.obj] = true
			refreshWork = append(refreshWork, fi.obj)
		}
	}
	spread := func(set map[*types.Func]bool, work []*types.Func) {
		for len(work) > 0 {
			fn := work[len(work)-1]
			work = work[:len(work)-1]
			for _, caller := range callers[fn] {
				if !set[caller] {
					set[caller] = true
					work = append(work, caller)
				}
			}
		}
	}
	spread(c.retries, retryWork)
	spread(c.refreshes, refreshWork)
	for _, fi := range c.order {
		if c.retries[fi.obj] {
			c.pass.ExportObjectFact(fi.obj, &RetriesFact{Retries: true})
		}
		if c.refreshes[fi.obj] {
			c.pass.ExportObjectFact(fi.obj, &RefreshesTokenFact{RefreshesToken: true})
		}
	}
}

// retriesFunc reports whether fn retries (this package or by fact).
func (c *checker) retriesFunc(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.retries[fn]
	}
	return c.pass.ImportObjectFact(fn, new(RetriesFact))
}

// refreshesFunc reports whether fn refreshes the token (this package or by fact).
func (c *checker) refreshesFunc(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.refreshes[fn]
	}
	return c.pass.ImportObjectFact(fn, new(RefreshesTokenFact))
}

// ---- Function contexts ----

// funcCtx describes the function (declared or literal) a comparison is in.
type funcCtx struct {
	node     ast.Node
	sig      *types.Signature
	body     *ast.BlockStmt
	self     types.Object // the function, or the variable a literal is assigned to
	outer    *funcInfo    // the enclosing declaration; nil at package level
	callback *mechanism   // the retry mechanism this function is given to
	lit      bool
	inLoop   bool // a literal inside a retry-shaped loop
}

func (c *checker) funcCtx(stmt inspector.Cursor) *funcCtx {
	var fcur inspector.Cursor
	found := false
	for e := range stmt.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fcur, found = e, true
		break
	}
	if !found {
		return nil
	}
	if fc, ok := c.ctxs[fcur.Node()]; ok {
		return fc
	}
	fc := &funcCtx{node: fcur.Node()}
	switch n := fcur.Node().(type) {
	case *ast.FuncDecl:
		fn := c.obj(n)
		if fn == nil || n.Body == nil {
			c.ctxs[n] = nil
			return nil
		}
		fc.sig, _ = fn.Type().(*types.Signature)
		fc.body, fc.self, fc.outer = n.Body, fn, c.funcs[fn]
		fc.callback = c.cbFuncs[fn]
	case *ast.FuncLit:
		fc.sig, _ = c.info.TypeOf(n).(*types.Signature)
		fc.body, fc.lit = n.Body, true
		if v := c.varOfLit[n]; v != nil {
			fc.self = v
		}
		fc.callback = c.callbacks[n]
		fc.inLoop = c.inRetryLoop(fcur.Parent())
		for e := range fcur.Enclosing((*ast.FuncDecl)(nil)) {
			if fn := c.obj(e.Node().(*ast.FuncDecl)); fn != nil {
				fc.outer = c.funcs[fn]
			}
		}
	}
	if fc.sig == nil {
		fc = nil
	}
	c.ctxs[fcur.Node()] = fc
	return fc
}

// ---- Branches ----

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
func (c *checker) scan(cmp *comparison, fc *funcCtx, controlOnly bool) *branchScan {
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
					c.scanRecursion(bs, n, fc)
				} else {
					c.scanCall(bs, n, fc)
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
					if loop := c.continueTarget(n, stack, cmp.stmt, start, end); loop != nil && c.retryShaped(loop) {
						bs.retry = append(bs.retry, sign{kind: signContinue, node: n, scope: loop})
					}
				case token.GOTO:
					if l, ok := c.info.Uses[n.Label].(*types.Label); ok && l.Pos() < cmp.stmt.Node().Pos() {
						bs.retry = append(bs.retry, sign{kind: signGoto, node: n, scope: fc.body})
					}
				}
			}
			return true
		})
	}
	if fc.callback != nil && !controlOnly {
		for _, r := range bs.returns {
			c.scanCallbackReturn(bs, r, fc)
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

func (c *checker) scanCall(bs *branchScan, call *ast.CallExpr, fc *funcCtx) {
	fn := errcode.CalledFunc(c.info, call)
	if c.refreshCall(call, fn) {
		bs.refresh = append(bs.refresh, call.Pos())
	}
	if c.scanRecursion(bs, call, fc) {
		return
	}
	if fn == nil {
		return
	}
	if m := c.mechanismOf(call, fn); m != nil || c.retriesFunc(fn) {
		// A method of an interface may do anything: count it as refreshing.
		_, iface := recvType(fn).(*types.Interface)
		bs.retry = append(bs.retry, sign{kind: signCall, node: call, refreshed: iface || c.refreshesFunc(fn)})
		return
	}
	// Mutual recursion: a function of this package that calls back the enclosing one.
	if self, ok := fc.self.(*types.Func); ok && fn.Pkg() == c.pass.Pkg && c.reaches(fn, self) {
		bs.retry = append(bs.retry, sign{kind: signRecursion, node: call, scope: fc.body})
		return
	}
	if c.handsBack(call, fn) {
		bs.retry = append(bs.retry, sign{kind: signDeferred, node: call, refreshed: true})
		return
	}
	for _, w := range words(fn.Name()) {
		switch w {
		case "requeue", "enqueue", "reschedule", "schedule", "later":
			bs.retry = append(bs.retry, sign{kind: signDeferred, node: call, refreshed: true})
			return
		}
	}
}

// handsBack reports whether a call hands the retry to someone else: a
// timer (time.AfterFunc), or an HTTP client told to retry (http.Error or
// WriteHeader with 429 or 503, a Retry-After header).
func (c *checker) handsBack(call *ast.CallExpr, fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "time" && name == "AfterFunc":
		return true
	case path == "net/http" && (name == "Error" || name == "WriteHeader") && len(call.Args) > 0:
		tv := c.info.Types[call.Args[len(call.Args)-1]]
		if tv.Value == nil {
			return true // a status computed elsewhere: cannot tell
		}
		status, _ := constant.Int64Val(constant.ToInt(tv.Value))
		return status == 429 || status == 503
	case path == "net/http" && (name == "Set" || name == "Add") && len(call.Args) > 0:
		tv := c.info.Types[call.Args[0]]
		return tv.Value != nil && tv.Value.Kind() == constant.String && strings.EqualFold(constant.StringVal(tv.Value), "Retry-After")
	}
	return false
}

// scanRecursion records a call of the enclosing function, or of the
// variable its literal is assigned to.
func (c *checker) scanRecursion(bs *branchScan, call *ast.CallExpr, fc *funcCtx) bool {
	if fc.self == nil {
		return false
	}
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return false
	}
	obj := c.info.Uses[id]
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
func (c *checker) reaches(from, to *types.Func) bool {
	if c.reach == nil {
		c.reach = make(map[*types.Func]map[*types.Func]bool)
	}
	seen, ok := c.reach[from]
	if !ok {
		seen = make(map[*types.Func]bool)
		work := []*types.Func{from}
		for len(work) > 0 {
			fn := work[len(work)-1]
			work = work[:len(work)-1]
			if fi := c.funcs[fn]; fi != nil {
				for _, callee := range fi.callees {
					if !seen[callee] {
						seen[callee] = true
						work = append(work, callee)
					}
				}
			}
		}
		c.reach[from] = seen
	}
	return seen[to]
}

// continueTarget returns the loop outside the branch [start, end) that a
// continue statement continues, or nil if it continues a loop inside it.
func (c *checker) continueTarget(br *ast.BranchStmt, stack []ast.Node, stmt inspector.Cursor, start, end token.Pos) ast.Node {
	if br.Label != nil {
		l, ok := c.info.Uses[br.Label].(*types.Label)
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
func (c *checker) scanCallbackReturn(bs *branchScan, r *ast.ReturnStmt, fc *funcCtx) {
	if len(r.Results) == 0 {
		return
	}
	e := ast.Unparen(r.Results[len(r.Results)-1])
	if tv, ok := c.info.Types[e]; ok && tv.IsNil() {
		return // success: stops the retry, but the caller may look further
	}
	call, _ := e.(*ast.CallExpr)
	var fn *types.Func
	if call != nil {
		fn = errcode.CalledFunc(c.info, call)
	}
	if fn != nil && fn.Pkg() != nil {
		if kind, ok := libKind(fn.Pkg().Path()); ok {
			switch {
			case kind == mechBackoff && fn.Name() == "Permanent", kind == mechAvast && fn.Name() == "Unrecoverable":
				bs.permanent = fn.Pkg().Name() + "." + fn.Name()
				return
			case kind == mechSethvargo && fn.Name() == "RetryableError":
				bs.retry = append(bs.retry, sign{kind: signCallbackRetry, node: r, scope: fc.body})
				return
			}
		}
	}
	if fc.callback.kind == mechSethvargo {
		// go-retry retries only errors marked with RetryableError.
		if cl, _ := c.classifyErr(e, r, nil); cl == errPlain {
			bs.plainCB = true
		}
		return
	}
	bs.retry = append(bs.retry, sign{kind: signCallbackRetry, node: r, scope: fc.body})
}

// ---- Errors ----

type errClass uint8

const (
	errUnknown         errClass = iota
	errPlain                    // errors.New, fmt.Errorf: nothing a caller can act on
	errDistinguishable          // a sentinel, a dedicated type, a marker
)

// classifyErr classifies an error value returned from a branch. stmts are
// the branch statements before the return, searched for the last
// assignment of a local variable. It returns the sentinel variable, if
// the value is or wraps one.
func (c *checker) classifyErr(e ast.Expr, ret ast.Node, stmts []ast.Stmt) (errClass, *types.Var) {
	e = ast.Unparen(e)
	tv, ok := c.info.Types[e]
	if !ok {
		return errUnknown, nil
	}
	if tv.IsNil() {
		return errPlain, nil // the failure is swallowed
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		if !ok {
			return errUnknown, nil
		}
		if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
			return errDistinguishable, v
		}
		if rhs := lastAssign(c.info, v, stmts, ret.Pos()); rhs != nil {
			return c.classifyErr(rhs, ret, nil)
		}
		return errUnknown, nil
	case *ast.SelectorExpr:
		if v, ok := c.info.Uses[e.Sel].(*types.Var); ok && !v.IsField() {
			return errDistinguishable, v // pkg.ErrX
		}
		return errUnknown, nil
	case *ast.CompositeLit:
		return errDistinguishable, nil
	case *ast.UnaryExpr:
		if _, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND {
			return errDistinguishable, nil
		}
		return errUnknown, nil
	case *ast.CallExpr:
		if ftv, ok := c.info.Types[e.Fun]; ok && ftv.IsType() {
			return errDistinguishable, nil // MyError(msg)
		}
		fn := errcode.CalledFunc(c.info, e)
		if fn == nil || fn.Pkg() == nil {
			return errUnknown, nil
		}
		switch path, name := fn.Pkg().Path(), fn.Name(); {
		case path == "errors" && name == "New",
			path == "github.com/pkg/errors" && (name == "New" || name == "Errorf"),
			path == "golang.org/x/xerrors" && name == "New":
			return errPlain, nil
		case (path == "fmt" || path == "golang.org/x/xerrors") && name == "Errorf":
			if len(e.Args) == 0 {
				return errUnknown, nil
			}
			f, ok := c.info.Types[e.Args[0]]
			if !ok || f.Value == nil || f.Value.Kind() != constant.String {
				return errUnknown, nil
			}
			if !strings.Contains(constant.StringVal(f.Value), "%w") {
				return errPlain, nil
			}
			return c.combine(e.Args[1:], ret, stmts)
		case path == "errors" && name == "Join":
			return c.combine(e.Args, ret, stmts)
		case path == "github.com/pkg/errors" && len(e.Args) > 0:
			return c.classifyErr(e.Args[0], ret, stmts) // Wrap, Wrapf, WithMessage, WithStack
		}
		if _, ok := libKind(fn.Pkg().Path()); ok {
			return errDistinguishable, nil // a retry library's marker
		}
		// A constructor of a dedicated error type: NewAPIError(code) *APIError.
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Results().Len() > 0 {
			last := sig.Results().At(sig.Results().Len() - 1).Type()
			if _, isIface := last.Underlying().(*types.Interface); !isIface {
				return errDistinguishable, nil
			}
		}
	}
	return errUnknown, nil
}

// combine classifies wrapped errors: any distinguishable one makes the
// whole distinguishable; arguments that are not errors do not count.
func (c *checker) combine(args []ast.Expr, ret ast.Node, stmts []ast.Stmt) (errClass, *types.Var) {
	result := errPlain
	for _, a := range args {
		t := c.info.TypeOf(a)
		if t == nil || !types.Implements(t, errorType.Underlying().(*types.Interface)) {
			continue
		}
		switch cl, v := c.classifyErr(a, ret, stmts); cl {
		case errDistinguishable:
			return errDistinguishable, v
		case errUnknown:
			result = errUnknown
		}
	}
	return result, nil
}

// lastAssign returns the value last assigned to v by the top-level
// statements stmts before pos.
func lastAssign(info *types.Info, v *types.Var, stmts []ast.Stmt, pos token.Pos) ast.Expr {
	var rhs ast.Expr
	for _, st := range stmts {
		if st.Pos() >= pos {
			break
		}
		switch st := st.(type) {
		case *ast.AssignStmt:
			if len(st.Lhs) != len(st.Rhs) {
				for _, lhs := range st.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
						rhs = nil // from a multi-value call: unknown
					}
				}
				continue
			}
			for i, lhs := range st.Lhs {
				if id, ok := lhs.(*ast.Ident); ok && info.ObjectOf(id) == v {
					rhs = st.Rhs[i]
				}
			}
		case *ast.DeclStmt:
			if gd, ok := st.Decl.(*ast.GenDecl); ok {
				for _, spec := range gd.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok && len(vs.Names) == len(vs.Values) {
						for i, id := range vs.Names {
							if info.Defs[id] == v {
								rhs = vs.Values[i]
							}
						}
					}
				}
			}
		}
	}
	return rhs
}

// ---- Judgement ----

type verdict uint8

const (
	undecided verdict = iota
	retries
	givesUp
	refreshNoRetry
	retryNoRefresh
	stopsRetry      // a retry callback returns a permanent error
	notRetryable    // a go-retry callback returns an error not marked retryable
	uncheckedMarker // becomes an unexported sentinel nothing checks
)

type judgement struct {
	verdict  verdict
	how      string // "returns", "panics", "exits"
	marker   string // permanent marker name, or the unchecked sentinel's name
	mechName string
}

// judge decides what a branch does for a code of class cl.
func (c *checker) judge(cmp *comparison, fc *funcCtx, cl codes.RetryClass) judgement {
	bs := c.scan(cmp, fc, false)
	if len(bs.retry) > 0 {
		if cl != codes.RefreshToken {
			return judgement{verdict: retries}
		}
		for _, s := range bs.retry {
			if s.refreshed || c.refreshedBefore(bs, s) {
				return judgement{verdict: retries}
			}
		}
		return judgement{verdict: retryNoRefresh}
	}
	if len(cmp.stmts) == 0 {
		return judgement{}
	}
	how := ""
	var ret *ast.ReturnStmt
	switch last := cmp.stmts[len(cmp.stmts)-1].(type) {
	case *ast.ReturnStmt:
		how, ret = "returns", last
	case *ast.ExprStmt:
		how = c.exits(last.X)
	case *ast.BranchStmt:
		// goto fail, where fail: return errors.New(...)
		if ret = c.gotoReturn(last, fc); ret != nil {
			how = "returns"
			bs.returns = append(bs.returns, ret)
		}
	}
	if how == "" {
		return judgement{} // falls through, breaks, continues over a collection: cannot tell
	}
	if fc.callback != nil {
		switch {
		case bs.permanent != "":
			return judgement{verdict: stopsRetry, how: how, marker: bs.permanent, mechName: fc.callback.name}
		case bs.plainCB:
			return judgement{verdict: notRetryable, how: how, mechName: fc.callback.name}
		}
		return judgement{}
	}
	if ret != nil {
		v, marker := c.returnVerdict(cmp, fc, bs, ret)
		if v != givesUp {
			return judgement{verdict: v, marker: marker}
		}
	}
	if cl == codes.RefreshToken && len(bs.refresh) > 0 {
		return judgement{verdict: refreshNoRetry, how: how}
	}
	return judgement{verdict: givesUp, how: how}
}

// refreshedBefore reports whether a token refresh precedes a retry: in the
// branch before it (or inside its callback), or anywhere in the loop,
// function or callback it retries.
func (c *checker) refreshedBefore(bs *branchScan, s sign) bool {
	for _, p := range bs.refresh {
		if p < s.node.End() {
			return true
		}
	}
	if s.scope == nil {
		return false
	}
	found := false
	ast.Inspect(s.scope, func(n ast.Node) bool {
		if found {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && c.refreshCall(call, errcode.CalledFunc(c.info, call)) {
			found = true
		}
		return true
	})
	return found
}

// gotoReturn returns the return statement a goto jumps forward to, if the
// label labels one.
func (c *checker) gotoReturn(br *ast.BranchStmt, fc *funcCtx) *ast.ReturnStmt {
	if br.Tok != token.GOTO || br.Label == nil {
		return nil
	}
	l, ok := c.info.Uses[br.Label].(*types.Label)
	if !ok || l.Pos() < br.Pos() {
		return nil
	}
	var ret *ast.ReturnStmt
	ast.Inspect(fc.body, func(n ast.Node) bool {
		if ls, ok := n.(*ast.LabeledStmt); ok && ls.Label.Pos() == l.Pos() {
			ret, _ = ls.Stmt.(*ast.ReturnStmt)
		}
		return ret == nil
	})
	return ret
}

// exits returns "panics" or "exits" for a call that does not return.
func (c *checker) exits(e ast.Expr) string {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return ""
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
		if _, ok := c.info.Uses[id].(*types.Builtin); ok {
			return "panics"
		}
	}
	fn := errcode.CalledFunc(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "os" && name == "Exit",
		path == "log" && strings.HasPrefix(name, "Fatal"):
		return "exits"
	case path == "log" && strings.HasPrefix(name, "Panic"):
		return "panics"
	}
	return ""
}

// returnVerdict judges a branch that ends in a return, outside retry
// callbacks: givesUp when it hands its caller nothing to act on.
func (c *checker) returnVerdict(cmp *comparison, fc *funcCtx, bs *branchScan, ret *ast.ReturnStmt) (verdict, string) {
	res := fc.sig.Results()
	if fc.lit && (res.Len() > 0 || fc.inLoop) {
		return undecided, "" // a literal's results go to code that may retry
	}
	if res.Len() == 0 {
		return givesUp, ""
	}
	errIdx := -1
	for i := range res.Len() {
		t := res.At(i).Type()
		if isError(t) {
			errIdx = i
			continue
		}
		if _, ok := t.Underlying().(*types.Basic); ok && (isNamed(t) || t.Underlying().(*types.Basic).Info()&types.IsBoolean != 0) {
			return undecided, "" // a classifier: it returns a bool or a kind
		}
	}
	if errIdx < 0 {
		return undecided, "" // results but no error: a classifier, or the caller checks
	}
	// Returning the response or the code hands the caller the errcode.
	for _, r := range bs.returns {
		for _, x := range r.Results {
			if t := c.info.TypeOf(x); c.ec.IsErrcode(x) || (t != nil && c.ec.IsResponseType(t)) {
				return undecided, ""
			}
		}
		if len(r.Results) == 0 { // a naked return of a named response result
			for i := range res.Len() {
				if c.ec.IsResponseType(res.At(i).Type()) {
					return undecided, ""
				}
			}
		}
	}
	var e ast.Expr
	switch {
	case len(ret.Results) == res.Len():
		e = ret.Results[errIdx]
	case len(ret.Results) == 0 && res.At(errIdx).Name() != "":
		// A naked return: the value last assigned to the named result.
		e = lastAssign(c.info, res.At(errIdx), cmp.stmts, ret.Pos())
		if e == nil {
			return undecided, ""
		}
	default:
		return undecided, ""
	}
	cl, sentinel := c.classifyErr(e, ret, cmp.stmts)
	switch cl {
	case errPlain:
		return givesUp, ""
	case errDistinguishable:
		if sentinel != nil && sentinel.Pkg() == c.pass.Pkg && !sentinel.Exported() && !c.sentinelChecked(sentinel) {
			return uncheckedMarker, sentinel.Name()
		}
	}
	return undecided, ""
}

func isNamed(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Named)
	return ok
}

// sentinelChecked reports whether code in this package may tell a
// sentinel error apart: any use other than being returned or wrapped.
func (c *checker) sentinelChecked(v *types.Var) bool {
	if c.checked == nil {
		c.checked = make(map[*types.Var]bool)
		for cur := range c.ins.Root().Preorder((*ast.Ident)(nil)) {
			id := cur.Node().(*ast.Ident)
			u, ok := c.info.Uses[id].(*types.Var)
			if !ok || u.Pkg() != c.pass.Pkg || u.Parent() != u.Pkg().Scope() || c.checked[u] {
				continue
			}
			if !c.passiveUse(cur) {
				c.checked[u] = true
			}
		}
	}
	return c.checked[v]
}

// passiveUse reports whether an identifier is only returned or wrapped.
func (c *checker) passiveUse(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.CallExpr:
		if fn := errcode.CalledFunc(c.info, p); fn != nil && fn.Pkg() != nil && p.Fun != cur.Node() {
			switch fn.Pkg().Path() + "." + fn.Name() {
			case "fmt.Errorf", "errors.Join", "github.com/pkg/errors.Wrap", "github.com/pkg/errors.Wrapf",
				"github.com/pkg/errors.WithMessage", "github.com/pkg/errors.WithStack":
				return true
			}
		}
	}
	return false
}

// ---- Callers ----

// computeCovered finds the functions of this package that a caller
// retries: called inside a retry-shaped loop or a retry callback, given
// to a retry mechanism, or called by such a function.
func (c *checker) computeCovered() {
	c.covered = make(map[*types.Func]bool)
	var work []*types.Func
	mark := func(fn *types.Func) {
		if !c.covered[fn] {
			c.covered[fn] = true
			work = append(work, fn)
		}
	}
	// A function given to a retry mechanism is judged as a callback; what it
	// calls is retried with it.
	for fn := range c.cbFuncs {
		work = append(work, fn)
	}
	for _, fi := range c.order {
		for i, site := range fi.sites {
			if c.inRetryContext(site) {
				mark(fi.callees[i])
			}
		}
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if fi := c.funcs[fn]; fi != nil {
			for _, callee := range fi.callees {
				mark(callee)
			}
		}
	}
}

// inRetryContext reports whether a call runs again after a failure: in a
// retry callback, a retry-shaped loop, or a range over a channel (a ticker
// or a work queue that runs it again later).
func (c *checker) inRetryContext(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.FuncLit:
			if c.callbacks[n] != nil {
				return true
			}
		case *ast.RangeStmt:
			if t := c.info.TypeOf(n.X); c.retryShaped(n) || (t != nil && isChan(t)) {
				return true
			}
		default:
			if c.retryShaped(n) {
				return true
			}
		}
	}
	return false
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// ---- Reports ----

func (c *checker) check() {
	c.computeCovered()
	done := make(map[ast.Node]bool) // branches reported: one report each
	strictDone := make(map[ast.Node]bool)
	var zeros []*comparison
	for _, cmp := range c.cmps {
		if cmp.code != 0 {
			if fc := c.funcCtx(cmp.stmt); fc != nil {
				c.retryWork[fc.node] = true
				if fc.outer != nil {
					c.retryWork[fc.outer.decl] = true
				}
			}
		}
	}
	for _, cmp := range c.cmps {
		fc := c.funcCtx(cmp.stmt)
		if fc == nil || (fc.outer != nil && c.covered[fc.outer.obj]) {
			continue
		}
		if cmp.code == 0 {
			zeros = append(zeros, cmp)
			continue
		}
		if done[cmp.block] {
			continue
		}
		j := c.judge(cmp, fc, cmp.class)
		if msg := c.message(cmp, j); msg != "" {
			done[cmp.block] = true
			c.rep.Report(analysis.Diagnostic{Pos: cmp.expr.Pos(), End: cmp.expr.End(), Message: msg})
		}
	}
	if !strict {
		return
	}
	for _, cmp := range zeros {
		fc := c.funcCtx(cmp.stmt)
		if strictDone[fc.node] || c.retryWork[fc.node] || fc.callback != nil {
			continue
		}
		if fc.outer != nil && (c.retries[fc.outer.obj] || c.retryWork[fc.outer.decl]) {
			continue
		}
		if j := c.judge(cmp, fc, codes.None); j.verdict == givesUp {
			strictDone[fc.node] = true
			c.rep.Report(analysis.Diagnostic{Pos: cmp.expr.Pos(), End: cmp.expr.End(), Message: c.strictMessage(j)})
		}
	}
}

// meaning is a code's description, short.
func meaning(code int) string {
	const max = 60
	info, _ := codes.Lookup(code)
	text := info.English
	if text == "" {
		text = info.Chinese
	}
	if r := []rune(text); len(r) > max {
		text = strings.TrimSpace(string(r[:max])) + "…"
	}
	return text
}

// codeText names a code and its meaning: 42001 (access_token expired).
func codeText(code int) string { return fmt.Sprintf("%d (%s)", code, meaning(code)) }

func (c *checker) message(cmp *comparison, j judgement) string {
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
		return fmt.Sprintf("%s calls for a retry, but this branch returns an error %s does not retry (wrap it with retry.RetryableError): %s", head, j.mechName, advice)
	case uncheckedMarker:
		return fmt.Sprintf("%s calls for a retry, but this branch returns %s, which is unexported and checked nowhere in this package (errors.Is, ==), so no caller can tell it apart to retry: %s", head, j.marker, advice)
	}
	return ""
}

func (c *checker) strictMessage(j judgement) string {
	return fmt.Sprintf("WeChat call failure %s without any retry here or in a caller: retry-worthy errcodes such as %s, %s and %s fail for good; "+
		"retry them (codes.Retry gives the class) or return a distinguishable error",
		j.how, codeText(codes.SystemError), codeText(45011), codeText(codes.AccessTokenExpired))
}
