// This file decides which calls never return: they panic or exit, which
// every check treats as the end of a branch.

package analysisutil

import (
	"go/ast"
	"go/types"
	"strings"
)

// NoReturn returns how call ends the goroutine without returning:
// "panics" (panic, log.Panic...), "exits" (os.Exit, log.Fatal...), or ""
// when it may return.
func NoReturn(info *types.Info, call *ast.CallExpr) string {
	if Builtin(info, call) == "panic" {
		return "panics"
	}
	fn := Callee(info, call)
	if fn == nil || fn.Pkg() == nil {
		return ""
	}
	switch path, name := fn.Pkg().Path(), fn.Name(); {
	case path == "os" && name == "Exit",
		path == "log" && strings.HasPrefix(name, "Fatal"):
		return "exits"
	case path == "log" && strings.HasPrefix(name, "Panic"):
		return "panics"
	}
	return ""
}
