// Command noop-driver runs the noop floor analyzer through wxerrlint's own
// driver (internal/driver), to separate the driver's cost from the
// analyzers' cost.
package main

import (
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/bench/floor"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

func main() {
	cfg, run, patterns, ok := driver.Parse([]*analysis.Analyzer{floor.Noop}, os.Args[1:])
	if !ok {
		fmt.Fprintln(os.Stderr, "usage: noop-driver [-test=false] [-json] packages")
		os.Exit(2)
	}
	os.Exit(driver.Main(cfg, run, patterns))
}
