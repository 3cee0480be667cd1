// This file decides which bytes a function encodes itself: a decode of
// them is a copy, not a WeChat reply (an SDK that re-encodes the HTTP
// headers to JSON and decodes them into a struct embedding the errcode
// base reads an errcode that is always 0).

package unchecked

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/wxerrlint/wxerrlint/analyzer/errcode"
)

// decodesLocalBytes reports whether sink call ce decodes bytes that the
// function encoded itself: Unmarshal(data, &v) of such data, or
// NewDecoder(r).Decode(&v) of a reader over them.
func (w *walker) decodesLocalBytes(ce *ast.CallExpr) bool {
	if len(ce.Args) == 2 {
		return w.encodedHere(ce.Args[0])
	}
	if sel, ok := ast.Unparen(ce.Fun).(*ast.SelectorExpr); ok {
		return w.encodedHere(sel.X) // the Decoder
	}
	return false
}

// encodedHere reports whether e holds bytes the function encoded itself,
// as far as the assignments seen so far (in source order) tell: a
// constant, an encoder's result (json.Marshal, fmt.Sprintf), a variable
// last assigned one, and a conversion, reader or decoder over one.
func (w *walker) encodedHere(e ast.Expr) bool {
	for {
		e = ast.Unparen(e)
		if tv, ok := w.info.Types[e]; ok && tv.Value != nil {
			return true // `{"errcode":0}`
		}
		switch x := e.(type) {
		case *ast.Ident:
			v, _ := w.info.Uses[x].(*types.Var)
			return v != nil && w.encoded[v]
		case *ast.UnaryExpr:
			if x.Op != token.AND {
				return false
			}
			e = x.X // &buf
			continue
		case *ast.CallExpr:
			if tv, ok := w.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
				e = x.Args[0] // []byte(s), string(b)
				continue
			}
			fn := errcode.CalledFunc(w.info, x)
			switch {
			case fn == nil:
			case isEncoder(fn):
				return true
			case isWrapper(fn) && len(x.Args) == 1:
				e = x.Args[0] // bytes.NewReader(b), json.NewDecoder(r)
				continue
			}
		}
		return false
	}
}

// isEncoder reports whether fn encodes in memory: a function or method
// Marshal... (json.Marshal, MarshalIndent, jsoniter's MarshalToString, a
// MarshalJSON method) whose first result is the encoded data, or one of
// fmt's Sprint functions.
func isEncoder(fn *types.Func) bool {
	if fn.Pkg() != nil && fn.Pkg().Path() == "fmt" {
		return strings.HasPrefix(fn.Name(), "Sprint")
	}
	res := fn.Signature().Results()
	return strings.HasPrefix(fn.Name(), "Marshal") && res.Len() > 0 && isData(res.At(0).Type())
}

// isWrapper reports whether fn reads what it is given and nothing else: a
// reader or buffer of package bytes or strings, or a NewDecoder.
func isWrapper(fn *types.Func) bool {
	if fn.Name() == "NewDecoder" {
		return true
	}
	if fn.Pkg() == nil || fn.Signature().Recv() != nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "bytes", "strings":
		return strings.HasPrefix(fn.Name(), "New")
	}
	return false
}

// assignData records, for each variable assigned in lhs = rhs (or
// declared with values), whether it now holds bytes encoded here.
func (w *walker) assignData(lhs, rhs []ast.Expr, tok token.Token) {
	for i, l := range lhs {
		id, ok := ast.Unparen(l).(*ast.Ident)
		if !ok {
			continue
		}
		v, _ := w.info.ObjectOf(id).(*types.Var)
		if v == nil {
			continue
		}
		local := false
		switch {
		case len(rhs) == len(lhs):
			local = w.encodedHere(rhs[i])
		case len(rhs) == 1 && i == 0:
			local = w.encodedHere(rhs[0]) // b, err := json.Marshal(x)
		}
		if tok != token.ASSIGN && tok != token.DEFINE {
			local = local && w.encoded[v] // s += "}"
		}
		if local {
			w.encoded[v] = true
		} else {
			delete(w.encoded, v)
		}
	}
}
