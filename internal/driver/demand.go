// This file decides how the analyses of the source set learn the facts of
// packages outside it: a candidate's CandidateFact from the driver's own
// scan, "no fact" wherever no fact can be, and for a decoding candidate
// left out, a request that puts it in the source set for another round.

package driver

import (
	"go/types"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/unchecked"
)

// A demand answers the analyses' questions about packages outside the
// source set during one round, and records the candidates whose facts
// were asked for.
//
// A package outside the source set is not a candidate (it produces no
// fact at all), or a candidate that only decodes: neither it nor any
// package below it passes CandidateScanner.WeChat (sourceSet puts every
// importer of such a package in the source set). The only facts such a
// package can produce are its CandidateFact, which the driver's scan
// decides exactly as errcode does, and decoder facts (DecoderFact,
// ReturnsUncheckedFact of a generic result, DecodersFact), which an
// analysis asks for object by object or, for DecodersFact, import by
// import. So every fact that an analysis in the source set could read
// from outside it is either answered here exactly or asked for; a round
// in which nothing was asked for printed what the x/tools checker prints
// (Config.Verify checks both claims on a given build).
type demand struct {
	source  map[*types.Package]bool // the source set's packages, as type-checked
	outside map[string]*node        // the others, by path (none is a test variant)

	mu    sync.Mutex
	asked []*node
}

func (r *run) newDemand() *demand {
	d := &demand{source: make(map[*types.Package]bool), outside: make(map[string]*node)}
	for _, n := range r.order {
		if n.source {
			d.source[n.pkg.Types] = true
		} else {
			d.outside[n.pkg.PkgPath] = n
		}
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
// asking: a wrong driver, for the test of Config.Verify.
var testHookNoAsking bool

func (d *demand) ask(n *node) {
	if testHookNoAsking {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if !n.asked {
		n.asked = true
		d.asked = append(d.asked, n)
	}
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
		if n := d.candidate(obj.Pkg()); n != nil {
			d.ask(n)
		}
		return false
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
		d.ask(n)
		return false
	}
	// AllObjectFacts stays: errcode and errcoderetry read their own fact
	// types with it, which only WeChat code earns, and that is in the
	// source set.
}
