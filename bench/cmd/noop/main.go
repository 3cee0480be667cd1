// Command noop is the cost floor of wxerrlint: the same multichecker
// driver running an analyzer that does nothing.
//
//	noop ./...
//	go vet -vettool=$(command -v noop) ./...
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/wxerrlint/wxerrlint/bench/floor"
)

func main() { multichecker.Main(floor.Noop) }
