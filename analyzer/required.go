// This file decides the order in which a list of analyzers and those they
// require are visited: every driver (the command's, the go vet flags, the
// golangci-lint plugin) walks Requires through it.

package analyzer

import (
	"iter"

	"golang.org/x/tools/go/analysis"
)

// WithRequired yields the analyzers and everything they require,
// transitively, once each, requirements first: WithRequired(Suite) yields
// errcode before errcodemagic.
func WithRequired(analyzers []*analysis.Analyzer) iter.Seq[*analysis.Analyzer] {
	return func(yield func(*analysis.Analyzer) bool) {
		seen := make(map[*analysis.Analyzer]bool)
		var visit func(a *analysis.Analyzer) bool
		visit = func(a *analysis.Analyzer) bool {
			if seen[a] {
				return true
			}
			seen[a] = true
			for _, r := range a.Requires {
				if !visit(r) {
					return false
				}
			}
			return yield(a)
		}
		for _, a := range analyzers {
			if !visit(a) {
				return
			}
		}
	}
}
