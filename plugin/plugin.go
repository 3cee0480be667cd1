// Package plugin registers wxerrlint as a golangci-lint v2 module plugin
// named "wxerrlint".
//
// A custom golangci-lint binary that imports this package (see
// .custom-gcl.yml and build-golangci.sh in this directory) runs every
// analyzer of [analyzer.Suite] as the linter wxerrlint, configured in
// .golangci.yml:
//
//	linters:
//	  enable:
//	    - wxerrlint
//	  settings:
//	    custom:
//	      wxerrlint:
//	        type: module
//	        description: WeChat API errcode checks
//	        settings:
//	          errcodemagic:
//	            zero: true
//	          errcode:
//	            fields: [RetCode, ret]
//
// Each settings key names an analyzer (a reporting one or one they
// require, such as errcode) and maps its flags, the ones the wxerrlint
// command spells -errcodemagic.zero, to values: booleans, numbers,
// strings, or lists of strings (joined with commas). Two more keys choose
// analyzers: "disable", a list of analyzers not to run, and "enable", a
// list of the only ones to run. Unknown names and bad values are errors.
//
// The nearest wxerrlint.conf (see the wxerrlint command) applies first:
// its checks and flags; the settings above override them. Its excluded
// paths are not applied: golangci-lint's linters.exclusions.paths do that.
//
// errcodemagic's fix imports the codes package only where the module
// requires github.com/wxerrlint/wxerrlint/codes (the fixed code would not build
// otherwise): unless errcodemagic.addimport is set, the plugin asks go
// list -m in the directory golangci-lint runs in.
package plugin

import (
	"cmp"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/internal/config"
	"github.com/wxerrlint/wxerrlint/internal/driver"
)

// Name is the linter's name in .golangci.yml and in //nolint comments.
const Name = "wxerrlint"

func init() {
	register.Plugin(Name, New)
}

// New returns the plugin configured by golangci-lint's settings for it
// (nil when there are none).
func New(settings any) (register.LinterPlugin, error) {
	raw, err := register.DecodeSettings[map[string]any](settings)
	if err != nil {
		return nil, fmt.Errorf("wxerrlint settings: %w", err)
	}
	p := &plugin{analyzers: analyzer.Suite}
	all := slices.Collect(analyzer.WithRequired(analyzer.Suite))
	addImportSet := false
	// wxerrlint.conf first: the settings of .golangci.yml override it.
	if wd, err := os.Getwd(); err == nil {
		conf, err := config.Find(wd, analyzer.Suite)
		if err != nil {
			return nil, fmt.Errorf("wxerrlint settings: %w", err)
		}
		if conf.Path != "" {
			cfg, run, _, err := driver.ParseArgs(analyzer.Suite, append(slices.Clone(conf.Args), "."))
			if err != nil {
				return nil, fmt.Errorf("wxerrlint settings: %s: %w", conf.Path, err)
			}
			p.analyzers, addImportSet = run, cfg.AddImportSet
		}
	}
	for _, key := range sortedKeys(raw) {
		value := raw[key]
		switch strings.ToLower(key) {
		case "enable", "disable":
			names, err := stringList(value)
			if err != nil {
				return nil, fmt.Errorf("wxerrlint settings: %s: %w", key, err)
			}
			if p.analyzers, err = choose(p.analyzers, names, strings.EqualFold(key, "enable")); err != nil {
				return nil, fmt.Errorf("wxerrlint settings: %s: %w", key, err)
			}
			continue
		}
		a := findAnalyzer(all, key)
		if a == nil {
			return nil, fmt.Errorf("wxerrlint settings: unknown key %q: want enable, disable or an analyzer name (%s)", key, analyzerNames(all))
		}
		flags, ok := value.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("wxerrlint settings: %s: want a map of its flags (%s), got %v", key, flagNames(a), value)
		}
		for _, name := range sortedKeys(flags) {
			if a.Name == "errcodemagic" && strings.EqualFold(name, "addimport") {
				addImportSet = true
			}
			if err := setFlag(a, name, flags[name]); err != nil {
				return nil, fmt.Errorf("wxerrlint settings: %s.%s: %w", a.Name, name, err)
			}
		}
	}
	if !addImportSet {
		setAddImport(all)
	}
	return p, nil
}

type plugin struct {
	analyzers []*analysis.Analyzer
}

func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode asks for type information: every check needs it.
func (p *plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// setFlag sets the flag of a whose name is name in any case: golangci-lint
// reads its configuration with viper, which lower-cases map keys.
func setFlag(a *analysis.Analyzer, name string, value any) error {
	var f *flag.Flag
	a.Flags.VisitAll(func(g *flag.Flag) {
		if strings.EqualFold(g.Name, name) {
			f = g
		}
	})
	if f == nil {
		return fmt.Errorf("no such setting; %s has: %s", a.Name, flagNames(a))
	}
	s, err := flagValue(value)
	if err != nil {
		return err
	}
	if err := f.Value.Set(s); err != nil {
		return fmt.Errorf("invalid value %q: %v", s, err)
	}
	return nil
}

// flagValue spells a decoded YAML value as a command-line flag value.
func flagValue(v any) (string, error) {
	switch v := v.(type) {
	case bool:
		return strconv.FormatBool(v), nil
	case string:
		return v, nil
	case float64: // encoding/json's numbers
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		list, err := stringList(v)
		return strings.Join(list, ","), err
	}
	return "", fmt.Errorf("unsupported value %v (%T): want a boolean, number, string or list of strings", v, v)
}

func stringList(v any) ([]string, error) {
	switch v := v.(type) {
	case string:
		return strings.Split(v, ","), nil
	case []any:
		var list []string
		for _, e := range v {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("want a list of strings, got %v (%T) in it", e, e)
			}
			list = append(list, s)
		}
		return list, nil
	}
	return nil, fmt.Errorf("want a list of strings, got %v (%T)", v, v)
}

// choose keeps the analyzers named (enable) or those not named (disable).
func choose(analyzers []*analysis.Analyzer, names []string, enable bool) ([]*analysis.Analyzer, error) {
	named := make(map[*analysis.Analyzer]bool)
	for _, name := range names {
		a := findAnalyzer(analyzer.Suite, strings.TrimSpace(name))
		if a == nil {
			return nil, fmt.Errorf("unknown analyzer %q; wxerrlint runs %s", name, analyzerNames(analyzer.Suite))
		}
		named[a] = true
	}
	var kept []*analysis.Analyzer
	for _, a := range analyzers {
		if named[a] == enable {
			kept = append(kept, a)
		}
	}
	return kept, nil
}

func findAnalyzer(list []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range list {
		if strings.EqualFold(a.Name, name) {
			return a
		}
	}
	return nil
}

func analyzerNames(list []*analysis.Analyzer) string {
	var names []string
	for _, a := range list {
		names = append(names, a.Name)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func flagNames(a *analysis.Analyzer) string {
	var names []string
	a.Flags.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if len(names) == 0 {
		return "no settings"
	}
	return strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, cmp.Compare)
	return keys
}
