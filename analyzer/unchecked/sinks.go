// This file decides which calls write a decoded value (the decode sinks:
// Unmarshal, Decoder.Decode) and which types matter to the analysis: raw
// data, empty interfaces, pointers, type parameters.

package unchecked

import (
	"go/types"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
)

// providesSink reports whether pkg declares a decode sink: a function
// Unmarshal (encoding/json, encoding/xml, jsoniter, sonic, ...) or a
// Decoder type.
func providesSink(pkg *types.Package) bool {
	scope := pkg.Scope()
	if fn, ok := scope.Lookup("Unmarshal").(*types.Func); ok && isSink(fn, fn.Signature().Params().Len()-1) {
		return true
	}
	_, ok := scope.Lookup("Decoder").(*types.TypeName)
	return ok
}

// isSink reports whether parameter slot of fn is where a decoder writes:
// the last, empty-interface parameter of a function or method Unmarshal
// or UnmarshalFromString (data, v), or of a method Decode(v) of a type
// named Decoder, returning just an error.
func isSink(fn *types.Func, slot int) bool {
	sig := fn.Signature()
	params := sig.Params()
	last := params.Len() - 1
	if slot != last || last < 0 || !isEmptyInterface(params.At(last).Type()) {
		return false
	}
	if res := sig.Results(); res.Len() != 1 || !analysisutil.IsError(res.At(0).Type()) {
		return false
	}
	switch fn.Name() {
	case "Unmarshal", "UnmarshalFromString":
		return params.Len() == 2 && isData(params.At(0).Type())
	case "Decode":
		if params.Len() != 1 || sig.Recv() == nil {
			return false
		}
		t := sig.Recv().Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := t.(*types.Named)
		return ok && named.Obj().Name() == "Decoder"
	}
	return false
}

func isEmptyInterface(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	return ok && it.NumMethods() == 0 && !it.IsComparable() && it.IsMethodSet()
}

// isData reports whether t is raw response data: []byte, string.
func isData(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// mayBePointer reports whether a value of type t may point to the value
// it stands for, so that a decoder given it can fill that value: a
// pointer, an empty interface (holding one), a type parameter (one may be
// instantiated with a pointer type).
func mayBePointer(t types.Type) bool {
	return isPointer(t) || isEmptyInterface(t) || isTypeParam(t)
}

// isTypeParam reports whether t is a type parameter or a pointer to one:
// in generic code a value of any type, possibly a response.
func isTypeParam(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	_, ok := types.Unalias(t).(*types.TypeParam)
	return ok
}
