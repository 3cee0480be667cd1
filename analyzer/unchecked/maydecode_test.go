// This file tests which functions of a package without response types can
// have decoder facts, the rule a driver uses to ask only about those.

package unchecked

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func checkSource(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

func TestMayDecode(t *testing.T) {
	pkg := checkSource(t, `package p
type Any interface{}
type Stringer interface{ String() string }
type T struct{}
func intoAny(data []byte, v any) error          { return nil }
func intoNamedAny(v Any)                        {}
func intoPointer[V any](v *V)                   {}
func get[V any]() V                             { var v V; return v }
func bytes(data []byte) string                  { return "" }
func str(s string, n int) (string, error)       { return s, nil }
func stringer(s Stringer)                       {}
func variadic(args ...any)                      {}
func (T) Method(v interface{})                  {}
func (T) Plain(s string)                        {}
`)
	for name, want := range map[string]bool{
		"intoAny": true, "intoNamedAny": true, "intoPointer": true, "get": true,
		"bytes": false, "str": false, "stringer": false, "variadic": false,
	} {
		if got := MayDecode(pkg.Scope().Lookup(name).(*types.Func)); got != want {
			t.Errorf("MayDecode(%s) = %t, want %t", name, got, want)
		}
	}
	named := pkg.Scope().Lookup("T").Type().(*types.Named)
	for m := range named.Methods() {
		if got, want := MayDecode(m), m.Name() == "Method"; got != want {
			t.Errorf("MayDecode(T.%s) = %t, want %t", m.Name(), got, want)
		}
	}
}
