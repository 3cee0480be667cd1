// This file decides what a command line means to the driver: whether it
// is the driver's at all, which analyzers run, and where the cache is.

package driver

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

	"github.com/wxerrlint/wxerrlint/analyzer"
)

// CacheEnv names the environment variable that sets the result cache
// directory; "off" disables the cache.
const CacheEnv = "WXERRLINT_CACHE"

// ErrNotDriver is what ParseArgs returns for a command line that is not
// the driver's: the go vet protocol (-V=full, -flags, a .cfg file), which
// the x/tools checker serves.
var ErrNotDriver = errors.New("not a command line of the driver")

// Formats are the output formats of -f.
var Formats = []string{"text", "json", "sarif", "github"}

// Parse is ParseArgs for callers that hand every command line the driver
// does not take (a bad flag included) to the x/tools checker.
func Parse(analyzers []*analysis.Analyzer, args []string) (cfg Config, run []*analysis.Analyzer, patterns []string, ok bool) {
	cfg, run, patterns, err := ParseArgs(analyzers, args)
	return cfg, run, patterns, err == nil
}

// ParseArgs parses a command line (without the program name) for the
// driver. It returns the configuration, the analyzers to run (after the
// enable flags) and the package patterns; ErrNotDriver for the go vet
// protocol, and another error for a bad command line (a flag it does not
// have, a bad value, no patterns).
//
// ParseArgs sets the analyzers' flags as it goes, like the x/tools checker.
func ParseArgs(analyzers []*analysis.Analyzer, args []string) (cfg Config, run []*analysis.Analyzer, patterns []string, err error) {
	for _, arg := range args {
		if arg == "-V=full" || arg == "--V=full" || arg == "-flags" || arg == "--flags" {
			return cfg, nil, nil, ErrNotDriver
		}
	}
	fs := flag.NewFlagSet("wxerrlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	jsonFlag := false
	fs.BoolVar(&cfg.Tests, "test", true, "")
	fs.BoolVar(&jsonFlag, "json", false, "")
	fs.StringVar(&cfg.Format, "f", "text", "")
	fs.BoolVar(&cfg.Fix, "fix", false, "")
	fs.BoolVar(&cfg.Diff, "diff", false, "")
	fs.StringVar(&cfg.Tags, "tags", "", "")
	fs.StringVar(&cfg.NewFrom, "new-from-rev", "", "")
	findingsExit := fs.Int("findings-exit-code", 3, "")
	context := fs.Int("c", -1, "")
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
	if err := fs.Parse(args); err != nil {
		return cfg, nil, nil, err
	}
	if fs.NArg() == 1 && strings.HasSuffix(fs.Arg(0), ".cfg") {
		return cfg, nil, nil, ErrNotDriver // go vet's unitchecker protocol
	}
	if fs.NArg() == 0 {
		return cfg, nil, nil, errors.New("no packages named; for example: wxerrlint ./...")
	}
	if jsonFlag {
		if cfg.Format != "text" && cfg.Format != "json" {
			return cfg, nil, nil, fmt.Errorf("-json and -f %s ask for two formats", cfg.Format)
		}
		cfg.Format = "json"
	}
	if !slices.Contains(Formats, cfg.Format) {
		return cfg, nil, nil, fmt.Errorf("unknown format -f %q; the formats are %s", cfg.Format, strings.Join(Formats, ", "))
	}
	cfg.JSON = cfg.Format == "json"
	if *context >= 0 {
		cfg.Context, cfg.ShowContext = *context, true
	}
	if *findingsExit < 0 || *findingsExit > 125 {
		return cfg, nil, nil, fmt.Errorf("-findings-exit-code %d: want 0 to 125", *findingsExit)
	}
	if *findingsExit != 3 {
		cfg.FindingsExit = findingsExit
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "errcodemagic.addimport" {
			cfg.AddImportSet = true
		}
	})
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
	for _, a := range analyzers {
		cfg.Checks = append(cfg.Checks, a.Name)
	}
	cfg.Args = args
	if !cfg.Fix && !cfg.Diff && cfg.NewFrom == "" {
		// A fixing run must see the files as they are now; which lines
		// are new depends on the git repository, which the key misses.
		cfg.CacheDir = defaultCacheDir()
	}
	return cfg, run, fs.Args(), nil
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

// buildFlags returns the go command flags of the configuration.
func (cfg Config) buildFlags() []string {
	if cfg.Tags == "" {
		return nil
	}
	return []string{"-tags=" + cfg.Tags}
}
