// This file tests the decode-sink rule: which calls write a decoded value.

package unchecked

import (
	"go/token"
	"go/types"
	"testing"
)

func TestIsSink(t *testing.T) {
	pkg := types.NewPackage("example.com/codec", "codec")
	v := func(t types.Type) *types.Var { return types.NewVar(token.NoPos, pkg, "", t) }
	tuple := func(ts ...types.Type) *types.Tuple {
		var vs []*types.Var
		for _, t := range ts {
			vs = append(vs, v(t))
		}
		return types.NewTuple(vs...)
	}
	var (
		anyT    = types.Universe.Lookup("any").Type()
		errT    = types.Universe.Lookup("error").Type()
		bytesT  = types.NewSlice(types.Typ[types.Byte])
		strT    = types.Typ[types.String]
		intT    = types.Typ[types.Int]
		decoder = types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Decoder", nil), types.NewStruct(nil, nil), nil)
		reader  = types.NewNamed(types.NewTypeName(token.NoPos, pkg, "Reader", nil), types.NewStruct(nil, nil), nil)
	)
	fn := func(name string, recv types.Type, params, results *types.Tuple) *types.Func {
		var r *types.Var
		if recv != nil {
			r = v(recv)
		}
		return types.NewFunc(token.NoPos, pkg, name, types.NewSignatureType(r, nil, nil, params, results, false))
	}
	for _, tc := range []struct {
		fn   *types.Func
		slot int
		want bool
		why  string
	}{
		{fn("Unmarshal", nil, tuple(bytesT, anyT), tuple(errT)), 1, true, "json.Unmarshal's shape"},
		{fn("UnmarshalFromString", nil, tuple(strT, anyT), tuple(errT)), 1, true, "jsoniter's string form"},
		{fn("Decode", types.NewPointer(decoder), tuple(anyT), tuple(errT)), 0, true, "(*json.Decoder).Decode"},
		{fn("Unmarshal", nil, tuple(bytesT, anyT), tuple(errT)), 0, false, "the data slot is read, not written"},
		{fn("Unmarshal", nil, tuple(bytesT, intT), tuple(errT)), 1, false, "the target must be an empty interface"},
		{fn("Unmarshal", nil, tuple(bytesT, anyT), tuple(intT, errT)), 1, false, "a sink returns just an error"},
		{fn("Unmarshal", nil, tuple(intT, anyT), tuple(errT)), 1, false, "the source must be raw data ([]byte or string)"},
		{fn("UnmarshalJSON", nil, tuple(bytesT, anyT), tuple(errT)), 1, false, "only the exact names count"},
		{fn("Decode", types.NewPointer(reader), tuple(anyT), tuple(errT)), 0, false, "Decode of a type not named Decoder"},
		{fn("Decode", nil, tuple(anyT), tuple(errT)), 0, false, "a function Decode, not a Decoder's method"},
	} {
		if got := isSink(tc.fn, tc.slot); got != tc.want {
			t.Errorf("isSink(%s, %d) = %v, want %v (%s)", tc.fn, tc.slot, got, tc.want, tc.why)
		}
	}
}
