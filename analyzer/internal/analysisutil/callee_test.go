// This file tests callee resolution: which function or builtin a call names.

package analysisutil

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

const calleeSrc = `package p

type T struct{ f func() }

func (T) M()              {}
func get[X any](x X) X    { return x }
type I interface{ Do() }

func calls(t T, i I, m map[string]int, fv func()) {
	get(1)
	get[string]("s")
	t.M()
	i.Do()
	fv()
	t.f()
	_ = int64(1)
	delete(m, "k")
	panic("x")
	func() {}()
}

func shadowed() {
	len := func(string) int { return 0 }
	len("x")
}
`

func TestCallee(t *testing.T) {
	info, calls := typeCheckCalls(t, calleeSrc)
	want := []struct {
		callee, builtin string
		why             string
	}{
		{"get", "", "a generic function, instantiated by inference: its origin"},
		{"get", "", "an explicit instantiation: its origin"},
		{"M", "", "a method"},
		{"Do", "", "an interface method: the caller decides what an abstract callee means"},
		{"", "", "a function value: no function is named"},
		{"", "", "a field of function type"},
		{"", "", "a conversion"},
		{"", "delete", "a builtin"},
		{"", "panic", "a builtin"},
		{"", "", "a function literal called in place"},
		{"", "", "a local variable that shadows len is no builtin"},
	}
	if len(calls) != len(want) {
		t.Fatalf("%d calls, want %d", len(calls), len(want))
	}
	for i, call := range calls {
		name := ""
		if fn := Callee(info, call); fn != nil {
			name = fn.Name()
			if fn.Origin() != fn {
				t.Errorf("%s: Callee gives an instance, want the origin", types.ExprString(call))
			}
		}
		if name != want[i].callee {
			t.Errorf("Callee(%s) = %q, want %q (%s)", types.ExprString(call), name, want[i].callee, want[i].why)
		}
		if got := Builtin(info, call); got != want[i].builtin {
			t.Errorf("Builtin(%s) = %q, want %q (%s)", types.ExprString(call), got, want[i].builtin, want[i].why)
		}
	}
}

// typeCheckCalls type-checks src, which may import the standard library,
// and returns its calls in source order.
func typeCheckCalls(t *testing.T, src string) (*types.Info, []*ast.CallExpr) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: make(map[ast.Expr]types.TypeAndValue), Uses: make(map[*ast.Ident]types.Object)}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var calls []*ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			calls = append(calls, c)
		}
		return true
	})
	return info, calls
}
