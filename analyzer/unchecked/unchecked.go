// This file declares the analyzer and decides whether a package is worth
// summarising: only one that declares a response type, imports a package
// marked "wechat" or "decoders", or can decode JSON or XML itself.

package unchecked

import (
	_ "embed"
	"go/ast"
	"go/types"

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
	FactTypes:        []analysis.Fact{new(DecoderFact), new(CheckerFact), new(ReturnsUncheckedFact), new(PackageFact), new(DecodersFact)},
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
	// Ask for decoders last, and only while the answer can matter: a
	// driver that leaves a decoding dependency out of the source set
	// computes its facts only when they are asked for.
	for _, imp := range pass.Pkg.Imports() {
		if declares || marked || decodes {
			break
		}
		decodes = pass.ImportPackageFact(imp, new(DecodersFact))
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
	if declares || marked || responses {
		pass.ExportPackageFact(&PackageFact{Responses: true})
	}
	if decoders {
		pass.ExportPackageFact(&DecodersFact{Decoders: true})
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
}

type importedFacts struct {
	checker, decoder map[slot]bool
	returns          map[slot]bool
	copies           map[slot]slot // see DecoderFact.Copies
}
