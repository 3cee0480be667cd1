package unchecked

import (
	"go/token"
	"go/types"
	"testing"
)

// An encoder is known by its name only where the name says it encodes
// and nothing more, and by a data result.
func TestEncoderNames(t *testing.T) {
	pkg := types.NewPackage("example.com/object", "object")
	str := types.NewTuple(types.NewVar(token.NoPos, pkg, "", types.Typ[types.String]))
	bytes := types.NewTuple(types.NewVar(token.NoPos, pkg, "", types.NewSlice(types.Typ[types.Byte])))
	errs := types.NewTuple(types.NewVar(token.NoPos, pkg, "", types.Universe.Lookup("error").Type()))
	for _, tc := range []struct {
		name    string
		results *types.Tuple
		want    bool
	}{
		{"JsonEncode", str, true},
		{"jsonEncode", str, true},
		{"JSONEncode", bytes, true},
		{"EncodeJSON", bytes, true},
		{"encode_json", bytes, true},
		{"EncodeToString", str, true},
		{"MarshalToString", str, true},
		{"mustMarshalIndent", bytes, true},
		{"MarshalWithOptions", bytes, true}, // json.Marshal's kin: prefix Marshal
		{"EncodeAndPost", bytes, false},
		{"PostEncoded", bytes, false},
		{"Unmarshal", bytes, false},
		{"JsonDecode", str, false},
		{"JsonEncode", errs, false},
		{"Encoder", str, false},
	} {
		sig := types.NewSignatureType(nil, nil, nil, nil, tc.results, false)
		fn := types.NewFunc(token.NoPos, pkg, tc.name, sig)
		if got := isEncoder(fn); got != tc.want {
			t.Errorf("isEncoder(%s) = %v, want %v (words %q)", tc.name, got, tc.want, camelWords(tc.name))
		}
	}
}
