package plugin

// This file decides whether errcodemagic's fixes may import the codes
// package when the settings do not say: only when the build list of the
// module that golangci-lint runs in has the codes module,
// github.com/wxerrlint/wxerrlint/codes, or --fix would leave code that does
// not build.

import (
	"os/exec"

	"golang.org/x/tools/go/analysis"
)

// setAddImport sets errcodemagic's addimport flag from go list -m in the
// working directory; in doubt (an error of the go command), it stays off.
func setAddImport(all []*analysis.Analyzer) {
	a := findAnalyzer(all, "errcodemagic")
	if a == nil || a.Flags.Lookup("addimport") == nil {
		return
	}
	value := "false"
	if exec.Command("go", "list", "-m", "github.com/wxerrlint/wxerrlint/codes").Run() == nil {
		value = "true"
	}
	a.Flags.Set("addimport", value)
}
