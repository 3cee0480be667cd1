// This file is not part of gopls. editor/build-gopls.sh in
// github.com/wxerrlint/wxerrlint adds it to a copy of the gopls source to
// build wxerrlint-gopls, a gopls that also runs the wxerrlint analyzers:
// gopls loads no third-party analyzers (golang/go#59869).

package settings

import (
	"log"

	wxerrlint "github.com/wxerrlint/wxerrlint/analyzer"
)

// init appends the wxerrlint analyzers to AllAnalyzers, which package
// initialization has already set to gopls's own list by the time init
// runs. Like most gopls analyzers they are enabled by default, report with
// warning severity and offer their suggested fixes as quick fixes; the
// "analyses" setting turns one off by name ("errcodemagic": false). The
// analyzers they require (errcode, inspect) run with them, and gopls
// computes errcode's facts on every dependency, as go vet does.
func init() {
	names := make(map[string]bool)
	for _, a := range AllAnalyzers {
		names[a.Analyzer().Name] = true
	}
	for _, a := range wxerrlint.Suite {
		if names[a.Name] {
			log.Fatalf("wxerrlint analyzer %q has the name of a gopls analyzer", a.Name)
		}
		names[a.Name] = true
		AllAnalyzers = append(AllAnalyzers, &Analyzer{analyzer: a})
	}
}
