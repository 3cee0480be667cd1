// This file tests what errcodeunchecked reports, package by package.

package unchecked_test

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/wxerrlint/wxerrlint/analyzer/unchecked"
)

func TestUnchecked(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unchecked.Analyzer,
		"unchecked", "unchecked/sdk", "unchecked/httpc", "unchecked/client", "uncheckedcaller")
}

// Issue 13, item 1: a value handed to code of unknown effect (a helper
// with no fact, an interface method, a callback, an any, an assertion,
// reflection) may be checked there, in place and in facts alike.
func TestUnseenCheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unchecked.Analyzer, "unseencheck", "unseencheck/app")
}

// Issue 13, item 3: a decode of bytes the function encodes itself is no
// WeChat reply.
func TestLocalEncoding(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unchecked.Analyzer, "localencoding", "localencoding/object", "localencoding/kernel", "localencoding/media")
}

// Issue 13, item 4: a branch on the payload's emptiness that fails the
// call counts as a check.
func TestPayloadCheck(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unchecked.Analyzer, "payloadcheck")
}

// Reflection over a decoded value is a check only where the package can
// hold WeChat code: a JSON library's (lib) earns no fact, an SDK helper
// that names ErrCode (sdk) a checker.
func TestReflectedDecode(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unchecked.Analyzer, "reflectdecode/lib", "reflectdecode/sdk")
}

// Generated files are silent but export facts; code with type errors is
// analysed without a panic; a package with no WeChat types reports nothing.
func TestSpecialPackages(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unchecked.Analyzer, "uncheckedgen", "uncheckedbad", "uncheckednone")
}

func TestFactStrings(t *testing.T) {
	for _, tc := range []struct {
		fact analysis.Fact
		want string
	}{
		{&unchecked.DecoderFact{Params: []int{1}}, "decoder(1)"},
		{&unchecked.DecoderFact{Params: []int{1, 2}, Receiver: true, Copies: []unchecked.Copy{{Param: -1, Data: 0}, {Param: 2, Data: 0}}}, "decoder(recv from 0, 1, 2 from 0)"},
		{&unchecked.CheckerFact{Params: []int{0, 2}, Receiver: true}, "checker(recv, 0, 2)"},
		{&unchecked.ReturnsUncheckedFact{Results: []int{0}}, "returnsUnchecked(0)"},
		{&unchecked.PackageFact{Responses: true}, "wechat"},
	} {
		if got := tc.fact.(interface{ String() string }).String(); got != tc.want {
			t.Errorf("%T.String() = %q, want %q", tc.fact, got, tc.want)
		}
	}
}

// The analysis runs on every dependency; the standard library must not
// come out marked as WeChat code (which would spread to every package
// above it) nor hold checker or returnsUnchecked facts.
func TestStandardLibraryUnmarked(t *testing.T) {
	testdata := analysistest.TestData()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  testdata,
		Env:  append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "uncheckedcaller", "html/template", "net/http", "net/rpc/jsonrpc")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{unchecked.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	marked := 0
	for act := range graph.All() {
		if act.Analyzer != unchecked.Analyzer {
			continue
		}
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		std := !strings.Contains(act.Package.PkgPath, "unchecked")
		for _, pf := range act.AllPackageFacts() {
			if pf.Package != act.Package.Types {
				continue
			}
			f, ok := pf.Fact.(*unchecked.PackageFact)
			if !ok {
				continue
			}
			if std && f.Responses {
				t.Errorf("standard package %s marked: %v", act.Package.PkgPath, f)
			}
			if !std && f.Responses {
				marked++
			}
		}
		for _, of := range act.AllObjectFacts() {
			if of.Object.Pkg() != act.Package.Types || !std {
				continue
			}
			if _, ok := of.Fact.(*unchecked.DecoderFact); !ok {
				t.Errorf("standard library %s: %v has fact %v", act.Package.PkgPath, of.Object, of.Fact)
			}
		}
	}
	if marked < 2 { // uncheckedcaller and unchecked/sdk
		t.Errorf("%d testdata packages marked, want uncheckedcaller and unchecked/sdk at least", marked)
	}
}

// A struct passed by value to a decoder is not decoded into (json.Unmarshal
// fails on it): no report, no decoder fact.
func TestNotDecoded(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), unchecked.Analyzer, "notdecoded", "notdecoded/kernel")
}
