package errcode_test

import (
	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

func TestFacts(t *testing.T) {
	analysistest.Run(t, testutil.TestData(t), errcode.Analyzer, "errcodefacts")
}
