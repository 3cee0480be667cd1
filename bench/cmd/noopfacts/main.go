// Command noopfacts is the cost floor of a fact-using analyzer: the same
// multichecker driver running an analyzer that does nothing but declare
// a fact type.
//
//	noopfacts ./...
//	go vet -vettool=$(command -v noopfacts) ./...
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/wxerrlint/wxerrlint/bench/floor"
)

func main() { multichecker.Main(floor.NoopFacts) }
