// This file tests the encoder name rule.

package unchecked

import (
	"go/token"
	"go/types"
	"testing"

	"github.com/wxerrlint/wxerrlint/analyzer/internal/analysisutil"
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
		why     string
	}{
		{"JsonEncode", str, true, "json, encode: a target word and the verb"},
		{"jsonEncode", str, true, "lower camel case, the same words"},
		{"JSONEncode", bytes, true, "an acronym as the target"},
		{"EncodeJSON", bytes, true, "the target after the verb"},
		{"encode_json", bytes, true, "snake case, the same words"},
		{"EncodeToString", str, true, "to and string are target words"},
		{"MarshalToString", str, true, "marshal is the other verb"},
		{"mustMarshalIndent", bytes, true, "must before the verb, indent a target word"},
		{"MarshalWithOptions", bytes, true, "json.Marshal's kin: prefix Marshal"},
		{"EncodeAndPost", bytes, false, "does more than encode: and post"},
		{"PostEncoded", bytes, false, "encoded is no verb of its own: it posts"},
		{"Unmarshal", bytes, false, "decodes, not encodes"},
		{"JsonDecode", str, false, "decode is not encode"},
		{"JsonEncode", errs, false, "no data result: it writes elsewhere"},
		{"Encoder", str, false, "a noun: makes an encoder, encodes nothing"},
	} {
		sig := types.NewSignatureType(nil, nil, nil, nil, tc.results, false)
		fn := types.NewFunc(token.NoPos, pkg, tc.name, sig)
		if got := isEncoder(fn); got != tc.want {
			t.Errorf("isEncoder(%s) = %v, want %v (%s; words %q)", tc.name, got, tc.want, tc.why, analysisutil.Words(tc.name))
		}
	}
}
