// This file tests which calls never return.

package analysisutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestNoReturn(t *testing.T) {
	const src = `package p

import (
	"log"
	"os"
)

func f() {
	panic("x")
	os.Exit(1)
	log.Fatalf("x")
	log.Panicln("x")
	log.Println("x")
	os.Getenv("x")
}

func g() {
	panic := func(string) {}
	panic("x")
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: make(map[ast.Expr]types.TypeAndValue), Uses: make(map[*ast.Ident]types.Object)}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := []struct{ how, why string }{
		{"panics", "the builtin"},
		{"exits", "os.Exit"},
		{"exits", "log.Fatal*: os.Exit after printing"},
		{"panics", "log.Panic*: panic after printing"},
		{"", "log.Println returns"},
		{"", "another function of os"},
		{"", "a local function named panic"},
	}
	i := 0
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if i >= len(want) {
			t.Fatalf("more calls than rows")
		}
		if got := NoReturn(info, call); got != want[i].how {
			t.Errorf("NoReturn(%s) = %q, want %q (%s)", types.ExprString(call), got, want[i].how, want[i].why)
		}
		i++
		return true
	})
	if i != len(want) {
		t.Errorf("%d calls, want %d", i, len(want))
	}
}
