// Command wxerrlint runs the wxerrlint checks on Go packages:
//
//	wxerrlint ./...
//	go vet -vettool=$(command -v wxerrlint) ./...
//	wxerrlint explain 40001
//
// A run loads from source only the packages that can hold WeChat code
// (see internal/driver) and caches its result in the user cache directory
// ($WXERRLINT_CACHE sets another; "off" disables it). WXERRLINT_DRIVER=checker
// loads every package from source, as the x/tools checker does. Under go
// vet the command is the x/tools unitchecker, which go vet drives.
//
// The exit status is 0 when there is nothing to report, 3 when there are
// findings (in every output format; 1 under go vet), 1 when packages do
// not load, an analysis fails or a fix cannot be written, and 2 for a bad
// command line.
//
// -fix writes only into packages of the main module(s): when a pattern
// matches a package elsewhere (a dependency in the module cache, a
// replaced or vendored module, the standard library), the command says so
// and exits 1 without writing anything; -diff shows the fixes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/internal/config"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

func main() {
	os.Exit(command(os.Args[1:], os.Stdout, os.Stderr))
}

// command runs the command line args and returns the exit status; the go vet
// protocol does not return.
func command(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "explain":
			return explain(stdout, stderr, args[1:])
		case "version", "-version", "--version":
			fmt.Fprintf(stdout, "wxerrlint %s\n", driver.Version())
			return 0
		case "help", "-help", "--help", "-h":
			return help(stdout, stderr, analyzer.Suite, args[1:])
		}
	}
	if _, _, _, err := driver.ParseArgs(analyzer.Suite, args); errors.Is(err, driver.ErrNotDriver) {
		vet() // does not return
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "wxerrlint: %v\n", err)
		return 1
	}
	conf, err := config.Find(wd, analyzer.Suite)
	if err != nil {
		fmt.Fprintf(stderr, "wxerrlint: %v\n", err)
		return 2
	}
	cfg, checks, patterns, err := driver.ParseArgs(analyzer.Suite, append(conf.Args, args...))
	if err != nil {
		if conf.Path != "" {
			err = fmt.Errorf("%v (with the flags of %s)", err, conf.Path)
		}
		fmt.Fprintf(stderr, "wxerrlint: %v\nRun 'wxerrlint help' for usage.\n", err)
		return 2
	}
	if len(conf.Exclude) > 0 {
		cfg.Exclude, cfg.ExcludeBase = conf.Exclude, filepath.Dir(conf.Path)
		cfg.Args = append(cfg.Args, "-exclude="+strings.Join(conf.Exclude, ",")) // part of the cache key
	}
	if os.Getenv("WXERRLINT_DRIVER") == "checker" {
		cfg.Full = true
	}
	if cfg.Fix && !cfg.Diff {
		var buildFlags []string
		if cfg.Tags != "" {
			buildFlags = []string{"-tags=" + cfg.Tags}
		}
		if err := fixOutsideMainModules(cfg.Tests, buildFlags, patterns); err != nil {
			fmt.Fprintf(stderr, "wxerrlint: %v\n", err)
			return 1
		}
	}
	return driver.Main(cfg, checks, patterns)
}

// vet serves go vet's protocol (-V=full, -flags, a .cfg file) through the
// x/tools checker.
func vet() {
	registerRequiredFlags(flag.CommandLine, analyzer.Suite)
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
