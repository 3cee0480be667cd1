// This file decides which errcode comparisons matter: an errcode compared
// with a retry-worthy constant (or with 0), and the branch taken for it.

package retry

import (
	"go/ast"
	"go/constant"
	"go/token"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/wxerrlint/wxerrlint/internal/codes"
)

// A comparison is an errcode compared with a constant, and the branch
// taken for that code (for code 0: the branch taken on failure).
type comparison struct {
	expr    ast.Expr // reported position
	errcode ast.Expr // the errcode compared: resp.ErrCode
	code    int
	class   codes.RetryClass
	block   ast.Node // *ast.BlockStmt or *ast.CaseClause
	stmts   []ast.Stmt
	stmt    inspector.Cursor // the if or switch statement
}

func (rp *retryPass) collectComparisons() {
	for cur := range rp.ins.Root().Preorder((*ast.IfStmt)(nil), (*ast.SwitchStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.IfStmt:
			var elseBlock *ast.BlockStmt
			if b, ok := n.Else.(*ast.BlockStmt); ok {
				elseBlock = b
			}
			for _, t := range rp.condTerms(n.Cond) {
				rp.sawCmp = true
				rp.addTerm(cur, t, n.Body, n.Body.List, elseBlock)
			}
		case *ast.SwitchStmt:
			if n.Tag == nil {
				for _, s := range n.Body.List {
					cc := s.(*ast.CaseClause)
					for _, e := range cc.List {
						for _, t := range rp.condTerms(e) {
							rp.sawCmp = true
							// The case list is a disjunction, and there is no else.
							t.inOr = true
							rp.addTerm(cur, t, cc, cc.Body, nil)
						}
					}
				}
				continue
			}
			if !rp.ec.IsErrcode(n.Tag) {
				continue
			}
			var deflt *ast.CaseClause
			zero := false
			for _, s := range n.Body.List {
				cc := s.(*ast.CaseClause)
				if cc.List == nil {
					deflt = cc
				}
				for _, e := range cc.List {
					code, ok := rp.constCode(e)
					if !ok {
						continue
					}
					rp.sawCmp = true
					if code == 0 {
						zero = true
					} else if cl := codes.Retry(code); worthy(cl) {
						rp.cmps = append(rp.cmps, &comparison{expr: e, errcode: n.Tag, code: code, class: cl, block: cc, stmts: cc.Body, stmt: cur})
					}
				}
			}
			if zero && deflt != nil {
				rp.cmps = append(rp.cmps, &comparison{expr: n.Tag, errcode: n.Tag, code: 0, block: deflt, stmts: deflt.Body, stmt: cur})
			}
		}
	}
}

// A term is an errcode comparison within a condition.
type term struct {
	expr        *ast.BinaryExpr
	errcode     ast.Expr
	code        int
	eq          bool // == (else !=)
	inOr, inAnd bool // a disjunct or conjunct of the whole condition
}

// condTerms returns the errcode comparisons of a condition: the whole
// condition, or the top-level disjuncts or conjuncts of one. Deeper
// nesting is left alone.
func (rp *retryPass) condTerms(cond ast.Expr) []term {
	cond = ast.Unparen(cond)
	if t, ok := rp.cmpTerm(cond); ok {
		return []term{t}
	}
	b, ok := cond.(*ast.BinaryExpr)
	if !ok || (b.Op != token.LOR && b.Op != token.LAND) {
		return nil
	}
	var terms []term
	for _, x := range flatten(b, b.Op) {
		if t, ok := rp.cmpTerm(ast.Unparen(x)); ok {
			t.inOr, t.inAnd = b.Op == token.LOR, b.Op == token.LAND
			terms = append(terms, t)
		}
	}
	return terms
}

func flatten(e ast.Expr, op token.Token) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == op {
		return append(flatten(b.X, op), flatten(b.Y, op)...)
	}
	return []ast.Expr{e}
}

func (rp *retryPass) cmpTerm(e ast.Expr) (term, bool) {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return term{}, false
	}
	ec := b.X
	code, ok := rp.constCode(b.Y)
	if !ok || !rp.ec.IsErrcode(b.X) {
		if code, ok = rp.constCode(b.X); !ok || !rp.ec.IsErrcode(b.Y) {
			return term{}, false
		}
		ec = b.Y
	}
	return term{expr: b, errcode: ec, code: code, eq: b.Op == token.EQL}, true
}

// constCode returns the integer value of a constant expression: a literal
// or a named constant of any origin.
func (rp *retryPass) constCode(e ast.Expr) (int, bool) {
	tv, ok := rp.info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	i, exact := constant.Int64Val(v)
	if !exact || i != int64(int(i)) {
		return 0, false
	}
	return int(i), true
}

func worthy(cl codes.RetryClass) bool {
	return cl == codes.Backoff || cl == codes.RateLimit || cl == codes.RefreshToken
}

// addTerm records the branch a term selects: for a retry-worthy code the
// branch taken when the errcode equals it, for 0 the branch taken when it
// does not. A branch that also depends on the rest of the condition is
// left alone.
func (rp *retryPass) addTerm(stmt inspector.Cursor, t term, body ast.Node, bodyStmts []ast.Stmt, elseBlock *ast.BlockStmt) {
	var cl codes.RetryClass
	wantEq := true
	if t.code == 0 {
		wantEq = false
	} else if cl = codes.Retry(t.code); !worthy(cl) {
		return
	}
	cmp := &comparison{expr: t.expr, errcode: t.errcode, code: t.code, class: cl, stmt: stmt}
	switch {
	case t.eq == wantEq && !t.inAnd:
		cmp.block, cmp.stmts = body, bodyStmts
	case t.eq != wantEq && !t.inOr && elseBlock != nil:
		cmp.block, cmp.stmts = elseBlock, elseBlock.List
	default:
		return
	}
	rp.cmps = append(rp.cmps, cmp)
}
