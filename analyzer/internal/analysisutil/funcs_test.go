// This file tests how a FuncList names functions and methods.

package analysisutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestFuncList(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "lib.go", `package lib
type Client struct{}
func (*Client) Do()   {}
func (Client) Peek()  {}
func Retry()          {}
func Other()          {}
type G[T any] struct{}
func (G[T]) Get()     {}
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/lib", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	method := func(typ, name string) *types.Func {
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(pkg.Scope().Lookup(typ).Type()), true, pkg, name)
		return obj.(*types.Func)
	}
	funcs := map[string]*types.Func{
		"Retry":       pkg.Scope().Lookup("Retry").(*types.Func),
		"Other":       pkg.Scope().Lookup("Other").(*types.Func),
		"Client.Do":   method("Client", "Do"),
		"Client.Peek": method("Client", "Peek"),
		"G.Get":       method("G", "Get"),
	}
	var l FuncList
	// A pointer receiver may be spelt (*T); spaces and empty items are dropped.
	if err := l.Set(" example.com/lib.Retry, example.com/lib.(*Client).Do,,example.com/lib.G.Get"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"Retry":       true,
		"Other":       false, // not named
		"Client.Do":   true,  // named with (*Client)
		"Client.Peek": false, // another method of the same type
		"G.Get":       true,  // a method of a generic type, by its origin
	} {
		if got := l.Has(funcs[name]); got != want {
			t.Errorf("Has(%s) = %v, want %v (FuncName %q, list %s)", name, got, want, FuncName(funcs[name]), l.String())
		}
	}
	if got, want := l.String(), "example.com/lib.Client.Do,example.com/lib.G.Get,example.com/lib.Retry"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	var empty FuncList
	if empty.Has(funcs["Retry"]) || empty.String() != "" {
		t.Error("an empty list names nothing")
	}
}
