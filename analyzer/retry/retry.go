// This file declares the errcoderetry analyzer and its per-pass state,
// and decides whether a package is relevant at all; run calls the phases
// in order: comparisons, facts, then the report.

package retry

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
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

var (
	strict bool // -strict
	// -retriers and -refreshers: functions of other modules, which cannot
	// carry the markers, that retry or refresh the token.
	retriers, refreshers analysisutil.FuncList
)

func init() {
	Analyzer.Flags.BoolVar(&strict, "strict", false,
		"also report, once per function, errcode failure checks (errcode != 0) that give up with no retry in the function or its callers")
	Analyzer.Flags.Var(&retriers, "retriers", "comma-separated functions (path.Func, path.Type.Method) of other modules that retry, as //wxerrlint:retries declares in this module")
	Analyzer.Flags.Var(&refreshers, "refreshers", "comma-separated functions (path.Func, path.Type.Method) of other modules that refresh the access_token, as //wxerrlint:refreshes-token declares in this module")
}

// retryPass is the state of one errcoderetry pass over a package: what the
// phases find (comparisons, functions, callbacks) and what they compute
// (retries, refreshes, covered functions), kept for the report.
type retryPass struct {
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
	tested    map[*types.Var]bool         // sentinel errors some code tells apart (errors.Is, ==)
	reach     map[*types.Func]map[*types.Func]bool
	tokenURLs map[ast.Node]bool // function bodies, by whether they name a token endpoint
	cmps      []*comparison
	sawCmp    bool              // any errcode comparison with a constant
	retryWork map[ast.Node]bool // functions (by node) with a retry-worthy comparison
}

func run(pass *analysis.Pass) (any, error) {
	ec := pass.ResultOf[errcode.Analyzer].(*errcode.Info)
	if !ec.Candidate {
		return nil, nil // no fact can arise here (see errcode.CandidateFact)
	}
	rp := &retryPass{
		pass: pass,
		info: pass.TypesInfo,
		ec:   ec,
		ins:  ec.Inspector(),
	}
	rp.collectComparisons()
	if !rp.relevant() {
		return nil, nil // no WeChat code: nothing to report, no facts to export
	}
	rp.funcs = make(map[*types.Func]*funcInfo)
	rp.retries = make(map[*types.Func]bool)
	rp.refreshes = make(map[*types.Func]bool)
	rp.callbacks = make(map[*ast.FuncLit]*mechanism)
	rp.cbFuncs = make(map[*types.Func]*mechanism)
	rp.litVars = make(map[*types.Var]*ast.FuncLit)
	rp.varOfLit = make(map[*ast.FuncLit]*types.Var)
	rp.pending = make(map[*types.Var]*mechanism)
	rp.ctxs = make(map[ast.Node]*funcCtx)
	rp.retryWork = make(map[ast.Node]bool)
	rp.collectFuncs()
	rp.propagate()
	// Facts are exported in every relevant package; reports need errcode
	// comparisons, and WeCom's code table is not the one codes.Retry knows.
	if len(rp.cmps) == 0 || rp.ec.WeCom {
		return nil, nil
	}
	rp.rep = analysisutil.NewReporter(pass)
	rp.report()
	return nil, nil
}

// relevant reports whether the package may hold WeChat code or helpers
// for it: it compares errcodes, declares a response type, imports a retry
// library or the codes package, carries a marker, or depends on a package
// with facts. The heuristics that infer facts stay out of the rest, such
// as the standard library.
func (rp *retryPass) relevant() bool {
	if rp.sawCmp {
		return true
	}
	for _, imp := range rp.pass.Pkg.Imports() {
		if libraryOf(imp.Path()) != nil || imp.Path() == analysisutil.CodesPath {
			return true
		}
	}
	scope := rp.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && rp.ec.IsResponseType(tn.Type()) {
			return true
		}
	}
	for _, f := range rp.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && (analysisutil.HasDirective(fd.Doc, RetriesMarker) || analysisutil.HasDirective(fd.Doc, RefreshesTokenMarker)) {
				return true
			}
		}
	}
	return len(rp.pass.AllObjectFacts()) > 0
}
