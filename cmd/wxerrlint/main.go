// Command wxerrlint runs the wxerrlint analyzers on Go packages:
//
//	wxerrlint ./...
//	go vet -vettool=$(command -v wxerrlint) ./...
//	wxerrlint explain 40001
//
// A plain run loads from source only the packages that can hold WeChat
// code (see internal/driver) and caches its result in the user cache
// directory ($WXERRLINT_CACHE sets another; "off" disables it). Anything
// else (-fix, -diff, -c, go vet) is the x/tools multichecker's, as is
// every run when WXERRLINT_DRIVER=checker. So the standard analysis
// driver flags (-fix, -diff, -json, -test, -c) apply, each analyzer has an
// enable flag named after it (-errcodemagic=false), and each analyzer flag
// is prefixed with the analyzer's name (-errcodemagic.zero). The flags of analyzers that the
// checks require but that report nothing themselves (-errcode.fields) are
// spelled the same way. Under go vet, the same flags follow -vettool.
//
// The exit status is 0 when there is nothing to report, 3 when there are
// findings (1 under go vet), 1 when packages do not load or an analysis
// fails, and 2 for a bad flag. With -json or -fix, findings alone do not
// make the status non-zero.
//
// -fix writes only into packages of the main module(s): when a pattern
// matches a package elsewhere (a dependency in the module cache, a
// replaced or vendored module, the standard library), the command says so
// and exits 1 without writing anything; -fix -diff shows the fixes.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "explain" {
		os.Exit(explain(os.Stdout, os.Stderr, os.Args[2:]))
	}
	if os.Getenv("WXERRLINT_DRIVER") != "checker" {
		if cfg, run, patterns, ok := driver.Parse(analyzer.Suite, os.Args[1:]); ok {
			os.Exit(driver.Main(cfg, run, patterns))
		}
	}
	if err := fixOutsideMainModules(analyzer.Suite, os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
		os.Exit(1)
	}
	registerRequiredFlags(flag.CommandLine, analyzer.Suite)
	flag.CommandLine.Usage = usage
	multichecker.Main(analyzer.Suite...)
}

// registerRequiredFlags adds to fs the flags of the analyzers that the
// suite requires without listing them, as -NAME.FLAG: multichecker
// registers only the flags of the analyzers it is given. Registered on the
// command line, they are also listed by -flags, which is how go vet learns
// which flags to pass through.
func registerRequiredFlags(fs *flag.FlagSet, suite []*analysis.Analyzer) {
	for a := range analyzer.WithRequired(suite) {
		if !slices.Contains(suite, a) {
			a.Flags.VisitAll(func(f *flag.Flag) {
				fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
			})
		}
	}
}

func usage() {
	prog := filepath.Base(os.Args[0])
	out := flag.CommandLine.Output()
	fmt.Fprintf(out, `%[1]s reports mistakes in Go code that handles WeChat API errcodes.

Usage:
  %[1]s [flags] packages...                     e.g. %[1]s ./...
  go vet -vettool=$(command -v %[1]s) [flags] packages...
  %[1]s explain <errcode or constant name>...   e.g. %[1]s explain 40001
  %[1]s help [analyzer]                         the checks and their flags

Environment:
  WXERRLINT_CACHE=dir|off   where a plain run caches its output (default: the user cache directory);
                            a new or empty directory, or one the cache made: any other is refused
  WXERRLINT_DRIVER=checker  load every package from source, as the x/tools multichecker does

Flags:
`, prog)
	flag.CommandLine.PrintDefaults()
}
