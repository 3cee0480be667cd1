// This file decides how a package is analysed on its own, as go vet
// analyses a package: parsed and type-checked from source with its imports
// from export data, the facts of other packages asked for through a demand
// (demand.go), its own facts kept by object path and what it found kept as
// a result, its syntax dropped once both are kept. Every package of the
// source set is analysed so, dependencies first, and a decoding candidate
// outside it when an analysis first asks for its facts.

package driver

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/types"
	"reflect"
	"slices"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"
)

// pkgFacts are the facts that the analyzers produced for one package's
// own objects and for the package itself.
type pkgFacts struct {
	objects  map[objectKey]analysis.Fact
	packages map[reflect.Type]analysis.Fact
}

type objectKey struct {
	path objectpath.Path
	typ  reflect.Type
}

func newPkgFacts() *pkgFacts {
	return &pkgFacts{objects: make(map[objectKey]analysis.Fact), packages: make(map[reflect.Type]analysis.Fact)}
}

// object reports whether obj, as the asking package sees it, has a fact
// of fact's type, and if so copies it into fact.
func (f *pkgFacts) object(obj types.Object, fact analysis.Fact) bool {
	if fn, ok := obj.(*types.Func); ok && fn.Origin() != fn {
		return false // an instance: the x/tools checker keys facts by object
	}
	path, err := objectpath.For(obj)
	if err != nil {
		return false
	}
	return copyFact(f.objects[objectKey{path, reflect.TypeOf(fact)}], fact)
}

// pkg reports whether the package has a fact of fact's type, and if so
// copies it into fact.
func (f *pkgFacts) pkg(fact analysis.Fact) bool {
	return copyFact(f.packages[reflect.TypeOf(fact)], fact)
}

func copyFact(from, to analysis.Fact) bool {
	if from == nil {
		return false
	}
	reflect.ValueOf(to).Elem().Set(reflect.ValueOf(from).Elem())
	return true
}

// modState is what the analyses of a run share.
type modState struct {
	analyzers []*analysis.Analyzer // the analyzers of the run, unwrapped
	modMu     sync.Mutex           // guards node.asked and the totals below
	modSem    chan struct{}        // bounds concurrent type checking of asked candidates
	spent     map[string]time.Duration
}

// factsOf returns the facts of n, computing them (and, for a package of
// the source set, its result) the first time: from the package cache
// (pkgcache.go) if it holds them, else by analysing n on its own.
func (r *run) factsOf(n *node) *pkgFacts {
	n.factsOnce.Do(func() {
		if n.source && r.pkgs != nil {
			n.key = r.sourceKey(n) // its imports are done
		}
		if r.recall(n) {
			return
		}
		if testHookAnalysed != nil {
			testHookAnalysed(n.pkg.ID)
		}
		if n.source {
			n.facts, n.result = r.analyseSource(n)
			if r.pkgs != nil {
				n.api = r.apiKey(n)
			}
			if n.pkg.ExportFile != "" {
				n.pkg.Types = nil // importers read the export data
			}
		} else {
			n.facts = r.analyseAsked(n)
		}
		r.remember(n)
	})
	return n.facts
}

// testHookAnalysed, when set, is called with the ID of each package that
// is analysed rather than read from the package cache.
var testHookAnalysed func(id string)

// analyseSourceSet analyses every package of the source set on its own,
// dependencies first, in parallel, each as soon as its imports are done:
// at most GOMAXPROCS packages' syntax is live at a time.
func (r *run) analyseSourceSet() {
	sem := make(chan struct{}, cap(r.modSem))
	var wg sync.WaitGroup
	for _, n := range r.order {
		if !n.source {
			continue
		}
		wg.Go(func() {
			defer close(n.done)
			for _, imp := range n.listed.imports {
				if in := r.nodes[imp]; in.source {
					<-in.done
				}
			}
			sem <- struct{}{}
			r.factsOf(n)
			<-sem
		})
	}
	wg.Wait()
}

// analyseSource analyses n, a package of the source set. A package that is
// no candidate and that the go command built is not type-checked: no
// analyzer does anything there (errcode.CandidateFact) and the type
// checker would find no error, so only its ignore directives are read.
func (r *run) analyseSource(n *node) (*pkgFacts, *pkgResult) {
	if !n.cand && len(n.listed.errors) == 0 && n.pkg.ExportFile != "" {
		return newPkgFacts(), &pkgResult{Directives: r.directivesOnly(n)}
	}
	syntax := r.parse(n, n.pkg)
	r.typeCheckPackage(n, n.pkg, syntax, false)
	alone := *n.pkg
	alone.Imports = nil // the facts of its imports come through the demand
	facts, res := r.analyseAlone(n, &alone, true)
	n.pkg.Syntax, n.pkg.TypesInfo = nil, nil // Types: see factsOf
	return facts, res
}

// analyseAsked analyses n, a decoding candidate outside the source set,
// for its facts. Errors leave it without facts, as the x/tools checker
// leaves a package that does not type-check without the facts of
// analyzers that need types.
func (r *run) analyseAsked(n *node) *pkgFacts {
	r.modMu.Lock()
	n.asked = true
	r.modMu.Unlock()

	p := &packages.Package{
		ID: n.pkg.ID, Name: n.pkg.Name, PkgPath: n.pkg.PkgPath, Module: n.pkg.Module,
		GoFiles: n.pkg.GoFiles, CompiledGoFiles: n.pkg.CompiledGoFiles, OtherFiles: n.pkg.OtherFiles,
		IgnoredFiles: n.pkg.IgnoredFiles, TypesSizes: n.pkg.TypesSizes,
		Imports: n.listed.imports, Errors: slices.DeleteFunc(slices.Clone(n.listed.errors), isCompilerOutput),
	}
	r.modSem <- struct{}{}
	syntax := r.parse(n, p)
	r.typeCheckPackage(n, p, syntax, false)
	<-r.modSem
	if len(p.Errors) > 0 || p.IllTyped {
		n.key = "" // the cause may pass (export data removed): keep nothing
	}
	p.Imports = nil
	facts, _ := r.analyseAlone(n, p, false)
	return facts
}

// analyseAlone runs the analyzers on p, the package of n type-checked with
// no imports, and returns its facts and, with result, what it found.
func (r *run) analyseAlone(n *node, p *packages.Package, result bool) (*pkgFacts, *pkgResult) {
	facts := newPkgFacts()
	graph, err := checker.Analyze(r.newDemand(n, p.Types).wrap(r.analyzers), []*packages.Package{p}, &checker.Options{Sequential: r.cfg.Seq})
	if err != nil {
		return facts, &pkgResult{Failures: []string{p.PkgPath + ": " + err.Error()}}
	}
	for act := range graph.All() {
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() != p.Types {
				continue // one the demand added
			}
			if path, err := objectpath.For(f.Object); err == nil {
				facts.objects[objectKey{path, reflect.TypeOf(f.Fact)}] = f.Fact
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == p.Types {
				facts.packages[reflect.TypeOf(f.Fact)] = f.Fact
			}
		}
	}
	r.spend(graph)
	if !result {
		return facts, nil
	}
	return facts, resultOf(graph.Roots, r.directives)
}

// spend adds the time of graph's actions to the per-analyzer totals of
// -timing.
func (r *run) spend(graph *checker.Graph) {
	r.modMu.Lock()
	defer r.modMu.Unlock()
	if r.spent == nil {
		r.spent = make(map[string]time.Duration)
	}
	for act := range graph.All() {
		r.spent[act.Analyzer.Name] += act.Duration
	}
}

// directivesOnly returns the ignore directives of n's files without
// type-checking it: only files that name the directive are parsed.
func (r *run) directivesOnly(n *node) []directiveFile {
	if !r.directives {
		return nil
	}
	names := files(n.pkg)
	var syntax []*ast.File
	for i, name := range names {
		var data []byte // nil: read by the parser
		if len(n.srcs) == len(names) {
			data = n.srcs[i]
			if !bytes.Contains(data, []byte(ignoreDirective)) {
				continue // a file without directives adds no finding
			}
		}
		f, err := parser.ParseFile(r.fset, name, data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil || f == nil {
			continue
		}
		syntax = append(syntax, f)
	}
	n.srcs = nil
	p := *n.pkg
	p.Fset, p.Syntax = r.fset, syntax
	return directiveFiles(&p)
}
