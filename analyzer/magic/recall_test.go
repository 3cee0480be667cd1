// This file tests errcodes that reach a comparison through other functions.

package magic_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/magic"
)

// Errcodes that reach a comparison through a helper's results, a parameter
// or an interface method (issue 13, recall).
func TestRecall(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), magic.Analyzer, "magicrecall")
}
