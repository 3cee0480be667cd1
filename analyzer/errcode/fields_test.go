// This file tests the naming rules for errcode and errmsg fields and struct tags.

package errcode

import (
	"go/token"
	"go/types"
	"slices"
	"testing"
)

func TestTagNames(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want []string
		why  string
	}{
		{`json:"errcode"`, []string{"errcode"}, "one key"},
		{`json:"errcode,omitempty" xml:"ErrCode"`, []string{"errcode", "ErrCode"}, "options dropped; every key's name, json or not"},
		{`json:",omitempty"`, []string{""}, "no name: the field's own name applies, which the caller checks"},
		{`json:"err\"code"`, []string{`err"code`}, "an escaped quote stays inside the value"},
		{`json:"errcode`, nil, "unterminated: nothing is trusted"},
		{`json:errcode`, nil, "unquoted value: not the conventional format"},
		{`:"errcode"`, nil, "no key"},
		{`json:"a"  xml:"b"`, []string{"a", "b"}, "several spaces between pairs"},
		{``, nil, "no tag"},
	} {
		if got := tagNames(tc.tag); !slices.Equal(got, tc.want) {
			t.Errorf("tagNames(%q) = %q, want %q (%s)", tc.tag, got, tc.want, tc.why)
		}
	}
}

// field is one field of a test struct.
type field struct {
	name string
	typ  types.Type
	tag  string
}

func structOf(fields ...field) *types.Struct {
	pkg := types.NewPackage("p", "p")
	var vars []*types.Var
	var tags []string
	for _, f := range fields {
		vars = append(vars, types.NewField(token.NoPos, pkg, f.name, f.typ, false))
		tags = append(tags, f.tag)
	}
	return types.NewStruct(vars, tags)
}

var (
	intType    = types.Typ[types.Int]
	stringType = types.Typ[types.String]
)

// The naming rules that make a struct a WeChat reply: the table is why a
// field is or is not an errcode (field 0 of each struct) or errmsg field.
func TestErrcodeFieldNames(t *testing.T) {
	in := &Info{extra: map[string]bool{"retcode": true}}
	for _, tc := range []struct {
		st   *types.Struct
		want bool
		why  string
	}{
		{structOf(field{"Code", intType, `json:"errcode"`}), true, "the wire name errcode decides, whatever the Go name"},
		{structOf(field{"Code", intType, `json:"ErrCode,omitempty"`}), true, "tag names compare without case"},
		{structOf(field{"ErrCode", intType, ""}, field{"ErrMsg", stringType, ""}), true, "ErrCode beside ErrMsg: WeChat's pair"},
		{structOf(field{"Errcode", intType, ""}, field{"Msg", stringType, `json:"errmsg"`}), true, "Errcode beside a field tagged errmsg"},
		{structOf(field{"ErrCode", intType, ""}), false, "ErrCode alone is any protocol's error code (a frame's)"},
		{structOf(field{"ErrCode", stringType, `json:"errcode"`}), false, "not numeric: no WeChat errcode"},
		{structOf(field{"ErrCode", types.NewPointer(intType), `json:"errcode"`}), true, "a pointer to a number counts (optional field)"},
		{structOf(field{"RetCode", intType, ""}), true, "named by -errcode.fields (retcode), by its Go name"},
		{structOf(field{"R", intType, `json:"retcode"`}), true, "named by -errcode.fields, by its tag"},
		{structOf(field{"ErrorCode", intType, ""}, field{"ErrMsg", stringType, ""}), false, "only ErrCode and Errcode are the Go spellings"},
		{structOf(field{"yyErrCode", intType, ""}, field{"yyErrMsg", stringType, ""}), false, "a generated parser's field is no reply"},
	} {
		if got := in.isErrcodeField(tc.st, 0); got != tc.want {
			t.Errorf("isErrcodeField(%v) = %v, want %v (%s)", tc.st, got, tc.want, tc.why)
		}
	}
}

func TestErrmsgFieldNames(t *testing.T) {
	for _, tc := range []struct {
		f    field
		want bool
		why  string
	}{
		{field{"ErrMsg", stringType, ""}, true, "WeChat's Go spelling"},
		{field{"Errmsg", stringType, ""}, true, "the other Go spelling"},
		{field{"Message", stringType, `json:"errmsg"`}, true, "the wire name decides"},
		{field{"Message", stringType, `json:"ERRMSG"`}, true, "tag names compare without case"},
		{field{"ErrMessage", stringType, ""}, false, "another word: not errmsg"},
		{field{"Msg", stringType, `json:"msg"`}, false, "msg alone is too common"},
	} {
		if got := isErrmsgField(structOf(tc.f), 0); got != tc.want {
			t.Errorf("isErrmsgField(%s %q) = %v, want %v (%s)", tc.f.name, tc.f.tag, got, tc.want, tc.why)
		}
	}
}
