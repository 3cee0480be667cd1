// Command wxerrlint runs the wxerrlint analyzers on Go packages:
//
//	wxerrlint ./...
//	go vet -vettool=$(command -v wxerrlint) ./...
//	wxerrlint explain 40001
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/wxerrlint/wxerrlint/analyzer"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "explain" {
		os.Exit(explain(os.Stdout, os.Stderr, os.Args[2:]))
	}
	multichecker.Main(analyzer.Suite...)
}
