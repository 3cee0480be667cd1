// This file declares the analyzer and decides whether a package is worth
// summarising: only one that declares a response type, imports a package
// marked "wechat", can decode JSON or XML itself, or uses another
// package's function that can decode (MayDecode).

package unchecked

import (
	_ "embed"
	"go/ast"
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"

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
		if pass.ImportPackageFact(imp, new(PackageFact)) {
			marked = true
		}
		if providesSink(imp) {
			decodes = true
		}
	}
	// With no response type here or below, only a decoder can be
	// summarised: a function that calls another package's function that
	// can decode. Deciding that from the package's own uses asks no other
	// package anything: a driver that leaves a decoding dependency out of
	// the source set analyses it only when a callee's fact is asked for.
	if !declares && !marked && !decodes {
		decodes = usesImportedDecoder(pass)
	}
	if !declares && !marked && !decodes {
		return nil, nil // nothing here can fill or hold a response
	}

	a := &analyzer{
		pass:    pass,
		ec:      ec,
		local:   make(map[*types.Func]*funcSum),
		imports: make(map[*types.Func]*importedFacts),
		// Its own words, a response type or a wechat import: what a
		// driver's source set holds (errcode.CandidateScanner.WeChat).
		holdsWeChat: sync.OnceValue(func() bool { return declares || marked || ec.NamesWeChat() }),
	}
	var sums []*funcSum
	for cur := range ins.Root().Preorder((*ast.FuncDecl)(nil)) {
		// Nothing is reported in test files (unless -errcode.testfiles),
		// and a test function is called only by tests: summarising it
		// could only make the code under test reported otherwise in the
		// test variant of its package than in the package itself.
		if !analysisutil.ReportTestFiles && analysisutil.InTestFile(pass.Fset, cur.Node().Pos()) {
			continue
		}
		if sum := a.summarize(cur); sum != nil {
			sums = append(sums, sum)
			a.local[sum.fn] = sum
		}
	}
	a.solve(sums)
	if responses := a.exportFacts(sums); declares || marked || responses {
		pass.ExportPackageFact(&PackageFact{Responses: true})
	}
	a.report(sums)
	return nil, nil
}

// analyzer holds the state of one pass.
type analyzer struct {
	pass    *analysis.Pass
	ec      *errcode.Info
	local   map[*types.Func]*funcSum       // functions of this package
	imports map[*types.Func]*importedFacts // facts of other packages' functions

	holdsWeChat func() bool // the package can hold WeChat code
}

type importedFacts struct {
	checker, decoder map[slot]bool
	returns          map[slot]bool
	copies           map[slot]slot // see DecoderFact.Copies

	checkerDone, decoderDone, returnsDone bool // looked up
}

// usesImportedDecoder reports whether the package uses a function of
// another package that can be a decoder without naming a response type
// (MayDecode): without response types, the only kind it can call.
func usesImportedDecoder(pass *analysis.Pass) bool {
	for _, obj := range pass.TypesInfo.Uses {
		if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && fn.Pkg() != pass.Pkg && MayDecode(fn.Origin()) {
			return true
		}
	}
	return false
}
