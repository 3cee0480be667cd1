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

func TestMayExportDecoders(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"exported function", "package p\nfunc Load(v any) {}", true},
		{"unexported function only", "package p\nfunc load(v any) {}\nfunc Name() string { return \"\" }", false},
		{"exported method of an unexported type", "package p\ntype client struct{}\nfunc (client) Decode(v any) {}\nfunc New() client { return client{} }", true},
		{"unexported method", "package p\ntype Client struct{}\nfunc (Client) decode(v any) {}", false},
		{"interface method", "package p\ntype Decoder interface{ Decode(v any) error }", false},
		{"generic result", "package p\nfunc Get[T any]() T { var t T; return t }", true},
		{"nothing", "package p\nfunc Trim(s string) string { return s }", false},
	} {
		if got := MayExportDecoders(checkSource(t, tc.src)); got != tc.want {
			t.Errorf("%s: MayExportDecoders = %t, want %t", tc.name, got, tc.want)
		}
	}
}
