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

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
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
			fn := analysisutil.Callee(w.info, x)
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

// isEncoder reports whether fn encodes in memory: one of fmt's Sprint
// functions, or a function or method whose first result is the encoded
// data and whose name says it encodes and nothing more: Marshal... as in
// json.Marshal, MarshalIndent, jsoniter's MarshalToString, a MarshalJSON
// method; or a name whose words end with Marshal or Encode and then at
// most a target (JsonEncode, encodeJSON, EncodeToString). Whatever the
// body, bytes a function so named returns are what it was given,
// re-encoded; a reply comes from the network. A name that says more
// (EncodeAndPost) is no encoder.
func isEncoder(fn *types.Func) bool {
	if fn.Pkg() != nil && fn.Pkg().Path() == "fmt" {
		return strings.HasPrefix(fn.Name(), "Sprint")
	}
	res := fn.Signature().Results()
	if res.Len() == 0 || !isData(res.At(0).Type()) {
		return false
	}
	if strings.HasPrefix(fn.Name(), "Marshal") {
		return true
	}
	words := analysisutil.Words(fn.Name())
	for i, word := range words {
		if word != "marshal" && word != "encode" {
			continue
		}
		rest := words[i+1:]
		for len(rest) > 0 && encodeTargets[rest[0]] {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			return true
		}
	}
	return false
}

// encodeTargets are the words that may follow Marshal or Encode in an
// encoder's name.
var encodeTargets = map[string]bool{
	"to": true, "string": true, "str": true, "bytes": true, "indent": true,
	"json": true, "xml": true,
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
		if _, ok := w.sum.dataSlot[v]; ok {
			w.reassigned[v] = true // no longer the caller's bytes
		}
	}
}

// localArgs returns the parameter slots of fn at which call ce passes
// bytes encoded here.
func (w *walker) localArgs(ce *ast.CallExpr, fn *types.Func) []slot {
	var slots []slot
	params := fn.Signature().Params()
	for i, arg := range ce.Args {
		if i >= params.Len() || (fn.Signature().Variadic() && i >= params.Len()-1) {
			break
		}
		if t := w.info.TypeOf(arg); t != nil && isData(t) && w.encodedHere(arg) {
			slots = append(slots, slot(i))
		}
	}
	return slots
}

// copiedFrom returns, for each parameter slot of s that only sinks
// decode into (func JsonDecode(data []byte, v any) error), the data
// parameter whose bytes they all decode: a call that passes bytes encoded
// there makes a copy, not a reply. Decodes through other decoders are
// not followed (no slot then), so the rule stays local to the summary
// and the solved facts stay monotone.
func (w *walker) copiedFrom() map[slot]slot {
	from := make(map[slot]slot)
	for _, c := range w.sum.classes {
		if len(c.params) == 0 || len(c.sinks) == 0 || len(c.calls) > 0 || len(c.methods) > 0 || len(c.from) > 0 {
			continue
		}
		data := notParam
		for _, sk := range c.sinks {
			d, ok := w.sum.dataSlot[sk.data]
			if !ok || w.reassigned[sk.data] || (data != notParam && d != data) {
				data = notParam
				break
			}
			data = d
		}
		if data == notParam {
			continue
		}
		for _, p := range c.params {
			from[p] = data
		}
	}
	return from
}
