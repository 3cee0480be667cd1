// This file decides how the analyses of the source set learn the facts of
// packages outside it: a candidate's CandidateFact from the driver's own
// scan, "no fact" wherever no fact can be, and for a decoding candidate
// left out, its facts computed on demand, once, by analysing it on its own
// (its imports from export data), and looked up by object path.

package driver

import (
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/unchecked"
)

// A demand answers the questions of the analyses of one graph (the source
// set, or one package analysed on its own) about packages outside it.
//
// A package outside the source set is not a candidate (it produces no
// fact at all), or a candidate that only decodes: neither it nor any
// package below it passes CandidateScanner.WeChat (sourceSet puts every
// importer of such a package in the source set). The only facts such a
// package can produce are its CandidateFact, which the driver's scan
// decides exactly as errcode does, and decoder facts (DecoderFact,
// ReturnsUncheckedFact of a generic result, DecodersFact), which an
// analysis asks for object by object or, for DecodersFact, import by
// import: those the package's own analysis computes (modular), as go vet
// would, and the answer is the x/tools checker's (Config.Verify checks
// these claims on a given build).
type demand struct {
	r       *run
	source  map[*types.Package]bool // the packages analysed in this graph, as type-checked
	outside map[string]*node        // the others, by path (none is a test variant)
}

// newDemand returns the demand of the graph of the source set, or, with
// alone, of the graph of the package alone (modular).
func (r *run) newDemand(alone *types.Package) *demand {
	d := &demand{r: r, source: make(map[*types.Package]bool), outside: make(map[string]*node)}
	for _, n := range r.order {
		if alone == nil && n.source {
			d.source[n.pkg.Types] = true
		} else {
			d.outside[n.pkg.PkgPath] = n
		}
	}
	if alone != nil {
		d.source[alone] = true
	}
	return d
}

// candidate returns the node of p if p is a candidate outside the source set.
func (d *demand) candidate(p *types.Package) *node {
	if p == nil || d.source[p] {
		return nil
	}
	if n := d.outside[p.Path()]; n != nil && n.cand {
		return n
	}
	return nil
}

// testHookNoAsking, when set, makes a demand answer "no fact" without
// computing the facts: a wrong driver, for the test of Config.Verify.
var testHookNoAsking bool

// factsOf returns the facts of n, a candidate outside the source set,
// computing them the first time.
func (d *demand) factsOf(n *node) *pkgFacts {
	if testHookNoAsking {
		return &pkgFacts{}
	}
	n.factsOnce.Do(func() { n.facts = d.r.modular(n) })
	return n.facts
}

// wrap returns analyzers that run as the given ones, with the pass's fact
// lookups going through d. The checker keys results by analyzer, so each
// wrapper also hands its analyzer the results of the originals it
// requires.
func (d *demand) wrap(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	wrapped := make(map[*analysis.Analyzer]*analysis.Analyzer)
	var wrap func(a *analysis.Analyzer) *analysis.Analyzer
	wrap = func(a *analysis.Analyzer) *analysis.Analyzer {
		if w, ok := wrapped[a]; ok {
			return w
		}
		w := *a
		w.Requires = nil
		for _, req := range a.Requires {
			w.Requires = append(w.Requires, wrap(req))
		}
		w.Run = func(pass *analysis.Pass) (any, error) {
			for _, req := range a.Requires {
				pass.ResultOf[req] = pass.ResultOf[wrapped[req]]
			}
			d.intercept(pass)
			return a.Run(pass)
		}
		wrapped[a] = &w
		return &w
	}
	var out []*analysis.Analyzer
	for _, a := range analyzers {
		out = append(out, wrap(a))
	}
	return out
}

// intercept routes the pass's lookups of facts of other packages through d.
func (d *demand) intercept(pass *analysis.Pass) {
	importObject, importPackage := pass.ImportObjectFact, pass.ImportPackageFact
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if importObject(obj, fact) {
			return true
		}
		n := d.candidate(obj.Pkg())
		if n == nil {
			return false
		}
		return d.factsOf(n).object(obj, fact)
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if importPackage(pkg, fact) {
			return true
		}
		n := d.candidate(pkg)
		if n == nil {
			return false
		}
		switch f := fact.(type) {
		case *errcode.CandidateFact:
			*f = errcode.CandidateFact{Candidate: true} // n.cand: as errcode decides
			return true
		case *unchecked.PackageFact:
			return false // WeChat responses: never outside (CandidateScanner.WeChat)
		}
		return d.factsOf(n).pkg(fact)
	}
	// AllObjectFacts stays: errcode and errcoderetry read their own fact
	// types with it, which only WeChat code earns, and that is in the
	// source set.
}
