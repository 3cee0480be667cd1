// Package floor defines the two cost floors that wxerrlint is measured
// against: analyzers that do nothing, built with the same x/tools and the
// same multichecker driver as cmd/wxerrlint, so that a run of them costs
// only loading and type-checking.
package floor

import (
	"golang.org/x/tools/go/analysis"
)

// Noop does nothing. The driver loads and type-checks the root packages
// from source and their dependencies from export data.
var Noop = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop: do nothing (the cost floor of loading and type-checking)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// NoopFacts does nothing but declare a fact type. Declaring one makes the
// standalone x/tools driver load every dependency from source and run the
// analyzer on each, and makes go vet run it on every dependency.
var NoopFacts = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "noopfacts: do nothing but declare a fact type (the cost floor of a fact-using analyzer)",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(Fact)},
}

// Fact is NoopFacts's fact type; it is never exported. It has an exported
// field because go vet gob-encodes facts.
type Fact struct {
	Set bool
}

func (*Fact) AFact()         {}
func (*Fact) String() string { return "noopfact" }
