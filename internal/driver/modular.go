// This file decides how a decoding candidate outside the source set gets
// its facts when an analysis asks for them: analysed on its own, as go vet
// analyses a package (from source, its imports from export data, the
// facts of its own dependencies on demand in turn), its syntax dropped
// once its facts are kept by object path.

package driver

import (
	"go/types"
	"reflect"
	"slices"
	"sync"

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

// modular analyses n on its own and returns its facts. Errors leave it
// without facts, as the x/tools checker leaves a package that does not
// type-check without the facts of analyzers that need types.
func (r *run) modular(n *node) *pkgFacts {
	facts := &pkgFacts{objects: make(map[objectKey]analysis.Fact), packages: make(map[reflect.Type]analysis.Fact)}
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
	r.typeCheckPackage(p, syntax, false)
	<-r.modSem
	p.Imports = nil // alone: the facts of its imports come on demand

	d := r.newDemand(p.Types)
	graph, err := checker.Analyze(d.wrap(r.analyzers), []*packages.Package{p}, &checker.Options{Sequential: r.cfg.Seq})
	if err != nil {
		return facts
	}
	for act := range graph.All() {
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() != p.Types {
				continue
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
	return facts
}

// modState is what modular analyses share in a run.
type modState struct {
	analyzers []*analysis.Analyzer // the analyzers of the run, unwrapped
	modMu     sync.Mutex           // guards node.asked
	modSem    chan struct{}        // bounds concurrent type checking
}
