// This file decides which analyzers wxerrlint runs: the reporting ones;
// what they require comes with them.

package analyzer

import (
	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer/magic"
	"github.com/wxerrlint/wxerrlint/analyzer/retry"
	"github.com/wxerrlint/wxerrlint/analyzer/unchecked"
)

// Suite lists every reporting wxerrlint analyzer. The analyzers they
// require (errcode, inspect) run with them without being listed.
var Suite = []*analysis.Analyzer{
	magic.Analyzer,
	retry.Analyzer,
	unchecked.Analyzer,
}
