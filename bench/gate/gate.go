// Package gate prototypes an early return, in packages that cannot hold
// WeChat code, for the wxerrlint analyzers that declare facts and so run on
// every dependency, the standard library included, under go vet and the
// x/tools checker.
//
// Install rewires, in the running binary, every analyzer that
// analyzer.Suite runs:
//
//   - none requires inspect.Analyzer any more, whose inspector go vet and
//     the checker build for every package a fact-declaring analyzer runs
//     on; each package's inspector is built once, on first use, and
//     shared;
//   - errcode declares one more fact, CandidateFact, on packages that can
//     hold WeChat code: those one of whose files package marker accepts,
//     and those that import a candidate package. In any other package it
//     runs on no syntax and no type information (nothing there can be an
//     errcode expression, so it finds nothing, as before), which is what
//     an early return inside the analyzer would do;
//   - the other analyzers that declare facts do not run at all in a
//     package that is not a candidate (they could report nothing there:
//     WeChat responses are declared in candidates, and their users import
//     them). That drops the facts they would have found there (a generic
//     decoder's, a retry library's): the design question this prototype
//     puts to their authors, measured in bench/README.md.
//
// This is a benchmark prototype of a change to the analyzers.
package gate

import (
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/bench/marker"
)

// CandidateFact marks a package that can hold WeChat code.
type CandidateFact struct {
	Candidate bool
}

func (*CandidateFact) AFact()         {}
func (*CandidateFact) String() string { return "wechatCandidate" }

// state is what the rewired analyzers share about one package.
type state struct {
	candidate bool
	once      sync.Once
	ins       *inspector.Inspector
}

var (
	mu     sync.Mutex
	states = make(map[*types.Package]*state)
)

func stateOf(pkg *types.Package) *state {
	mu.Lock()
	defer mu.Unlock()
	st := states[pkg]
	if st == nil {
		st = new(state)
		states[pkg] = st
	}
	return st
}

// Install rewires the analyzers; call it before the driver starts.
func Install() {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] || a == inspect.Analyzer {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		rewire(a)
	}
	for _, a := range analyzer.Suite {
		visit(a)
	}
}

func rewire(a *analysis.Analyzer) {
	run := a.Run
	a.Requires = slices.DeleteFunc(slices.Clone(a.Requires), func(r *analysis.Analyzer) bool { return r == inspect.Analyzer })
	if a == errcode.Analyzer {
		a.FactTypes = append(slices.Clone(a.FactTypes), new(CandidateFact))
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		st := stateOf(pass.Pkg)
		if a == errcode.Analyzer { // runs first: every other analyzer requires it
			st.candidate = candidate(pass)
			if st.candidate {
				pass.ExportPackageFact(&CandidateFact{Candidate: true})
			} else {
				// Nothing here can be an errcode expression: run on no
				// syntax and no type information, for an empty result.
				empty := *pass
				empty.Files = nil
				empty.TypesInfo = &types.Info{}
				empty.ResultOf[inspect.Analyzer] = inspector.New(nil)
				return run(&empty)
			}
		} else if len(a.FactTypes) > 0 && !st.candidate && a.ResultType == nil {
			return nil, nil
		}
		st.once.Do(func() { st.ins = inspector.New(pass.Files) })
		pass.ResultOf[inspect.Analyzer] = st.ins
		return run(pass)
	}
}

// candidate reports whether package marker accepts one of the package's
// files or it imports a candidate package.
func candidate(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(CandidateFact)) {
			return true
		}
	}
	var extra []string
	if f := errcode.Analyzer.Flags.Lookup("fields"); f != nil {
		extra = strings.Split(f.Value.String(), ",")
	}
	sc := marker.New(extra...)
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil {
			return true // cannot tell: keep the analysis
		}
		data, err := pass.ReadFile(tf.Name())
		if err != nil || sc.File(data) {
			return true
		}
	}
	return false
}
