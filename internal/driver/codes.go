// This file decides whether errcodemagic's fixes may import the codes
// package: only when the build list of the main module(s) has the codes
// module, or the fixed code would not build. go list -m knows. The codes
// package is a module of its own (requiring this module does not provide
// it), so that a user's go.mod gets only the table.

package driver

import (
	"flag"
	"os/exec"
	"strconv"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"golang.org/x/tools/go/analysis"
)

const (
	codesModule    = "github.com/wxerrlint/wxerrlint/codes"
	addImportCheck = "errcodemagic"
	addImportFlag  = "addimport"
)

// addImportSetting returns errcodemagic's -addimport flag if the
// analyzers run errcodemagic and the command line left the flag unset,
// and nil otherwise.
func addImportSetting(cfg Config, analyzers []*analysis.Analyzer) *flag.Flag {
	if cfg.AddImportSet {
		return nil
	}
	for a := range analyzer.WithRequired(analyzers) {
		if a.Name == addImportCheck {
			return a.Flags.Lookup(addImportFlag)
		}
	}
	return nil
}

// codesInBuildList reports whether the build list of the main module(s)
// in dir has the module of the codes package. In doubt (an error of the
// go command), it does not.
func codesInBuildList(dir string, buildFlags []string) bool {
	args := append([]string{"list", "-m"}, buildFlags...)
	cmd := exec.Command("go", append(args, codesModule)...)
	cmd.Dir = dir
	return cmd.Run() == nil
}

// setAddImport sets f from the build list (started before the load, read
// here) and records the setting among the arguments, which key the cache.
func setAddImport(cfg *Config, f *flag.Flag, inBuildList <-chan bool) {
	v := strconv.FormatBool(<-inBuildList)
	f.Value.Set(v)
	cfg.Args = append(cfg.Args, "-"+addImportCheck+"."+addImportFlag+"="+v)
}
