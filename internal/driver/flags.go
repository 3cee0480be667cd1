// This file decides what a command line means to the driver: whether it
// is the driver's at all, which analyzers run, and where the cache is.

package driver

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer"
)

// CacheEnv names the environment variable that sets the result cache
// directory; "off" disables the cache.
const CacheEnv = "WXERRLINT_CACHE"

// Parse parses a command line (without the program name) for the driver.
// It returns the configuration, the analyzers to run (after the enable
// flags), the package patterns, and ok = false when the command line is
// not the driver's: the go vet protocol (-V=full, -flags, a .cfg file), a
// flag it does not have (-fix, -diff, -c, ...), -help, or no patterns.
// The x/tools checker then handles it, with its own usage and errors.
//
// Parse sets the analyzers' flags as it goes, like the x/tools checker.
func Parse(analyzers []*analysis.Analyzer, args []string) (cfg Config, run []*analysis.Analyzer, patterns []string, ok bool) {
	fs := flag.NewFlagSet("wxerrlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&cfg.Tests, "test", true, "")
	fs.BoolVar(&cfg.JSON, "json", false, "")
	fs.BoolVar(&cfg.Timing, "timing", false, "")     // for benchmarks: phase and analyzer times
	fs.BoolVar(&cfg.Seq, "seq", false, "")           // for benchmarks: accurate analyzer times
	fs.StringVar(&cfg.CPUProf, "cpuprofile", "", "") // as the x/tools checker's
	enable := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers {
		enable[a] = new(triState)
		fs.Var(enable[a], a.Name, "")
	}
	for a := range analyzer.WithRequired(analyzers) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, "")
		})
	}
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 || fs.Arg(0) == "help" {
		return cfg, nil, nil, false
	}
	if fs.NArg() == 1 && strings.HasSuffix(fs.Arg(0), ".cfg") {
		return cfg, nil, nil, false // go vet's unitchecker protocol
	}
	// As the x/tools checker: naming some analyzers runs only those;
	// turning some off runs the rest.
	anyOn := false
	for _, s := range enable {
		anyOn = anyOn || *s == on
	}
	for _, a := range analyzers {
		if s := *enable[a]; s == on || !anyOn && s != off {
			run = append(run, a)
		}
	}
	cfg.Args = args
	cfg.CacheDir = defaultCacheDir()
	return cfg, run, fs.Args(), true
}

// triState is an analyzer's enable flag: unset, on or off.
type triState int

const (
	unset triState = iota
	on
	off
)

func (s *triState) IsBoolFlag() bool { return true }
func (s *triState) String() string {
	switch *s {
	case on:
		return "true"
	case off:
		return "false"
	}
	return "unset"
}
func (s *triState) Set(v string) error {
	switch v {
	case "true", "1", "t", "T", "TRUE", "True":
		*s = on
	case "false", "0", "f", "F", "FALSE", "False":
		*s = off
	default:
		return fmt.Errorf("invalid boolean %q", v)
	}
	return nil
}

func defaultCacheDir() string {
	if d := os.Getenv(CacheEnv); d != "" {
		if d == "off" {
			return ""
		}
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "wxerrlint")
}
