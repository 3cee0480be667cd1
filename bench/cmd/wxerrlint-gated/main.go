// Command wxerrlint-gated is cmd/wxerrlint with the errcode analyzer
// rewired by package gate: an early return, without building an
// inspector, in packages that cannot hold WeChat code. It measures what
// that change to analyzer/errcode would save under go vet and the x/tools
// checker. See bench/README.md.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/bench/gate"
)

func main() {
	gate.Install()
	multichecker.Main(analyzer.Suite...)
}
