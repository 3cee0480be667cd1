// Package golangci registers the benchmark's floors as golangci-lint v2
// module plugins, for a custom golangci-lint built with wxerrlint's plugin
// (see golangci.sh):
//
//   - wxnoop: an analyzer that does nothing (floor.Noop);
//   - wxnoopfacts: an analyzer that does nothing but declare every fact
//     type that wxerrlint's analyzers declare, so that golangci-lint
//     loads and runs as it does for wxerrlint.
package golangci

import (
	"reflect"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/bench/floor"
)

func init() {
	register.Plugin("wxnoop", func(any) (register.LinterPlugin, error) {
		return plugin{floor.Noop}, nil
	})
	register.Plugin("wxnoopfacts", func(any) (register.LinterPlugin, error) {
		return plugin{NoopSameFacts}, nil
	})
}

// NoopSameFacts does nothing but declare the fact types of every analyzer
// that analyzer.Suite runs.
var NoopSameFacts = &analysis.Analyzer{
	Name:      "wxnoopfacts",
	Doc:       "wxnoopfacts: do nothing but declare wxerrlint's fact types",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: suiteFactTypes(),
}

func suiteFactTypes() []analysis.Fact {
	var facts []analysis.Fact
	for a := range analyzer.WithRequired(analyzer.Suite) {
		for _, f := range a.FactTypes {
			facts = append(facts, reflect.New(reflect.TypeOf(f).Elem()).Interface().(analysis.Fact))
		}
	}
	if len(facts) == 0 {
		facts = append(facts, new(floor.Fact))
	}
	return facts
}

type plugin struct{ a *analysis.Analyzer }

func (p plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return []*analysis.Analyzer{p.a}, nil }
func (plugin) GetLoadMode() string                             { return register.LoadModeTypesInfo }
