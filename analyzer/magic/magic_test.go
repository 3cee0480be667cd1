package magic_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
	"github.com/wxerrlint/wxerrlint/analyzer/internal/testutil"
	"github.com/wxerrlint/wxerrlint/analyzer/magic"
)

func TestMagic(t *testing.T) {
	testdata := testutil.TestData(t)
	analysistest.RunWithSuggestedFixes(t, testdata, magic.Analyzer, "magic", "magicalias")
	testutil.GoldenFilesCompile(t, testdata, "magic", "magicalias")
}

func TestSilentPackages(t *testing.T) {
	// WeCom code (by its constants, or by calling a WeCom SDK), generated files.
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magicwecom", "magicwecomcaller", "magicgen")
}

func TestCgo(t *testing.T) {
	// A handwritten file that imports "C" is reported; a generated one is not.
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magiccgo")
}

func TestZeroFlag(t *testing.T) {
	testutil.SetFlag(t, magic.Analyzer, "zero", "true")
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magiczero")
}

func TestWeComFlag(t *testing.T) {
	testutil.SetFlag(t, magic.Analyzer, "wecom", "true")
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magicwecomflag")
}

func TestExtraFields(t *testing.T) {
	testutil.SetFlag(t, errcode.Analyzer, "fields", "RetCode,ret")
	analysistest.Run(t, testutil.TestData(t), magic.Analyzer, "magicfields")
}
