// Command noop-lite runs the noop floor analyzer through the prototype
// driver of package lite, to separate the driver's cost from the
// analyzers' cost.
package main

import (
	"github.com/wxerrlint/wxerrlint/bench/floor"
	"github.com/wxerrlint/wxerrlint/bench/lite"
)

func main() { lite.Main(floor.Noop) }
