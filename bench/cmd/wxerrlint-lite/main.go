// Command wxerrlint-lite runs the wxerrlint analyzers through the
// prototype driver of package lite: root packages and the packages that
// can hold WeChat code from source, everything else from export data, and
// a result cache. See bench/README.md.
//
//	wxerrlint-lite ./...
//	wxerrlint-lite -timing -cache=off ./...
//	wxerrlint-lite -verify ./...
package main

import (
	"github.com/wxerrlint/wxerrlint/analyzer"
	"github.com/wxerrlint/wxerrlint/bench/lite"
)

func main() { lite.Main(analyzer.Suite...) }
