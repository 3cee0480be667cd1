// This file tests the scope a fix resolves names in.

package magic

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

// TestEnclosingScope checks that enclosingScope, which walks up the syntax,
// finds the scope that types.Scope.Innermost finds walking down (whose
// cost made the check quadratic in the comparisons of one scope).
func TestEnclosingScope(t *testing.T) {
	const src = `package p

type resp struct{ ErrCode int }

var top = func(r resp) bool { return r.ErrCode == 1 }

func f(r resp, codes int) bool {
	if r.ErrCode == 2 {
		return true
	}
	for i := 0; i < 3; i++ {
		switch r.ErrCode {
		case 3:
			return r.ErrCode == 4
		}
	}
	g := func() bool {
		{
			return r.ErrCode == 5
		}
	}
	if x := r.ErrCode; x == 6 || r.ErrCode == 7 {
		return g()
	}
	return codes == 8
}

func (resp) m(r resp) bool { return r.ErrCode == 9 }
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Scopes: make(map[ast.Node]*types.Scope)}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	fileScope := info.Scopes[f]
	n := 0
	for cur := range inspector.New([]*ast.File{f}).Root().Preorder((*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
		n++
		pos := cur.Node().Pos()
		if sw, ok := cur.Node().(*ast.SwitchStmt); ok {
			pos = sw.Body.Lbrace // where the case values are
		}
		got, want := enclosingScope(info, cur), fileScope.Innermost(pos)
		if got != want {
			t.Errorf("%s: enclosingScope = %v, want %v", fset.Position(pos), got, want)
		}
	}
	if n < 10 {
		t.Fatalf("walked only %d nodes", n)
	}
}
