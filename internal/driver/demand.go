// This file decides how the analysis of one package learns the facts of
// the packages it imports: a package of the source set's from its own
// analysis (analysed before it, or kept in the package cache); a decoding
// candidate outside the source set's CandidateFact from the driver's own
// scan, "no fact" wherever no fact can be, and its decoder facts computed
// on demand, once, by analysing it on its own; all looked up by object
// path.

package driver

import (
	"cmp"
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/unchecked"
)

// A demand answers the questions of the analysis of one package about
// the packages it imports, directly or not.
//
// A package outside the source set is not a candidate (it produces no
// fact at all), or a candidate that only decodes: neither it nor any
// package below it passes CandidateScanner.WeChat (sourceSet puts every
// importer of such a package in the source set). The only facts such a
// package can produce are its CandidateFact, which the driver's scan
// decides exactly as errcode does, and decoder facts (DecoderFact,
// ReturnsUncheckedFact of a generic result) of functions whose signature
// allows one (unchecked.MayDecode), which an analysis asks for object by
// object: those the package's own analysis computes, as go vet would, and
// the answer is the x/tools checker's (Config.Verify checks these claims
// on a given build).
type demand struct {
	r      *run
	self   *types.Package   // the package analysed
	byPath map[string]*node // the packages it imports, directly or not

	importedOnce sync.Once
	imported     []analysis.ObjectFact // facts of the source set below it (AllObjectFacts)
}

// newDemand returns the demand of the analysis of n, type-checked as self.
func (r *run) newDemand(n *node, self *types.Package) *demand {
	d := &demand{r: r, self: self, byPath: make(map[string]*node)}
	var visit func(*node)
	visit = func(m *node) {
		for path, imp := range m.listed.imports {
			in := r.nodes[imp]
			if _, ok := d.byPath[path]; !ok {
				d.byPath[path] = in
				visit(in)
			}
		}
	}
	visit(n)
	return d
}

// of returns the node of p if p is a package the analysed one imports.
func (d *demand) of(p *types.Package) *node {
	if p == nil || p == d.self {
		return nil
	}
	return d.byPath[p.Path()]
}

// askedFor reports whether a demand asks for facts of type f of a
// decoding candidate outside the source set: decoder facts. The others it
// answers itself: CandidateFact and PackageFact as the scan decides, and
// every other type (GetterFact, WeComFact, CheckerFact, RetriesFact,
// RefreshesTokenFact...) "no fact", since only WeChat code earns them
// (Config.Verify checks that none arises there), so asking for one never
// costs an analysis.
func askedFor(f analysis.Fact) bool {
	switch f.(type) {
	case *unchecked.DecoderFact, *unchecked.ReturnsUncheckedFact:
		return true
	}
	return false
}

// mayDecode reports whether obj, an object of a decoding candidate outside
// the source set, can have a decoder fact: a function whose signature
// allows one (unchecked.MayDecode). Asking about any other object would
// cost an analysis for nothing.
func mayDecode(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && unchecked.MayDecode(fn.Origin())
}

// testHookNoAsking, when set, makes a demand answer "no fact" for a
// candidate outside the source set without computing its facts: a wrong
// driver, for the test of Config.Verify.
var testHookNoAsking bool

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
	importObject, importPackage, allObject := pass.ImportObjectFact, pass.ImportPackageFact, pass.AllObjectFacts
	pass.ImportObjectFact = func(obj types.Object, fact analysis.Fact) bool {
		if importObject(obj, fact) {
			return true
		}
		n := d.of(obj.Pkg())
		if n == nil || !n.source && (!n.cand || !askedFor(fact) || !mayDecode(obj) || testHookNoAsking) {
			return false
		}
		return d.r.factsOf(n).object(obj, fact)
	}
	pass.ImportPackageFact = func(pkg *types.Package, fact analysis.Fact) bool {
		if importPackage(pkg, fact) {
			return true
		}
		n := d.of(pkg)
		if n == nil || !n.source && !n.cand {
			return false
		}
		if !n.source {
			switch f := fact.(type) {
			case *errcode.CandidateFact:
				*f = errcode.CandidateFact{Candidate: true} // n.cand: as errcode decides
				return true
			case *unchecked.PackageFact:
				return false // WeChat responses: never outside (CandidateScanner.WeChat)
			}
			if !askedFor(fact) || testHookNoAsking {
				return false
			}
		}
		return d.r.factsOf(n).pkg(fact)
	}
	// The x/tools checker lists the facts of every dependency; here those
	// of the source set below the package, whose analyses are done. The
	// decoding candidates outside add none that is read this way
	// (Config.Verify checks it).
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		d.importedOnce.Do(d.collectImported)
		return append(allObject(), d.imported...)
	}
}

// collectImported gathers the object facts of the packages of the source
// set that the analysed package imports, directly or not.
func (d *demand) collectImported() {
	var below []*node
	for _, n := range d.byPath {
		if n.source {
			below = append(below, n)
		}
	}
	slices.SortFunc(below, func(a, b *node) int { return strings.Compare(a.pkg.ID, b.pkg.ID) })
	for _, n := range below {
		d.imported = append(d.imported, d.r.objectFactsOf(n)...)
	}
}

// objectFactsOf returns the object facts of n, a package of the source
// set, as objects of its export data: the view of every package that
// imports it (a test variant's is its test binary's). They are found once,
// in n's whole export data, as the x/tools checker lists every fact of a
// dependency, whether the importer can name its object or not.
func (r *run) objectFactsOf(n *node) []analysis.ObjectFact {
	n.objectsOnce.Do(func() {
		facts := r.factsOf(n)
		if len(facts.objects) == 0 {
			return
		}
		pkg, err := r.importExport(n.pkg)
		if err != nil {
			return
		}
		r.exp.mu.Lock()
		defer r.exp.mu.Unlock()
		for key, fact := range facts.objects {
			if obj, err := objectpath.Object(pkg, key.path); err == nil {
				n.objects = append(n.objects, analysis.ObjectFact{Object: obj, Fact: fact})
			}
		}
		slices.SortFunc(n.objects, func(a, b analysis.ObjectFact) int {
			return cmp.Or(cmp.Compare(a.Object.Pos(), b.Object.Pos()), strings.Compare(a.Object.Name(), b.Object.Name()))
		})
	})
	return n.objects
}
