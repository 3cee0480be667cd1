package errcode

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCandidateScanner(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"type R struct{ Code int `json:\"errcode\"` }", true},
		{`if m["ErrCode"] != 0 {}`, true},
		{"type R struct{ ErrCode int; ErrMsg string }", true},
		{"type R struct{ Errcode int; Errmsg string }", true},
		{`const host = "https://qyapi.weixin.qq.com"`, true},
		{"json.Unmarshal(body, out)", true},
		{"json.NewDecoder(r).Decode(out)", true},
		{"jsoniter.UnmarshalFromString(s, out)", true},
		{`import "github.com/cenkalti/backoff/v4"`, true},
		{`import "github.com/wxerrlint/wxerrlint/codes"`, true},
		{"//wxerrlint:retries\nfunc f() {}", true},

		{"type P struct{ yyErrCode int; yyErrMsg string }", false},
		{"type Frame struct{ ErrCode uint32 }", false},
		{"func (d *Digest) UnmarshalBinary(b []byte) error { return nil }", false},
		{"func (t *T) UnmarshalJSON(b []byte) error { return nil }", false},
		{"b, err := base64.StdEncoding.DecodeString(s)", false},
		{"// decode the body and unmarshal it\nfunc f() {}", false},
		{"type decodeState struct{}", false},
		{"func Decode(hash uint64) (lat, lng float64) { return 0, 0 }", false},
		{"func (g *Geo) Decode() {}", false},
	} {
		src := "package p\n\n" + tc.src + "\n"
		assert.Equal(t, tc.want, NewCandidateScanner().File([]byte(src)), "%s", tc.src)
	}
}

func TestCandidateScannerFields(t *testing.T) {
	old := extraFields
	defer func() { extraFields = old }()
	extraFields = "RetCode, "
	assert.True(t, NewCandidateScanner().File([]byte("package p\n\ntype R struct{ Retcode int }\n")))
	extraFields = ""
	assert.False(t, NewCandidateScanner().File([]byte("package p\n\ntype R struct{ Retcode int }\n")))
}

func TestCandidateScannerWeChat(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{"type R struct{ Code int `json:\"errcode\"` }", true},
		{"type Frame struct{ ErrCode uint32 }", true}, // not a candidate by itself, but an errcode field
		{`m["errcode_x"]`, true},
		{`const host = "https://qyapi.weixin.qq.com"`, true},
		{`import "github.com/cenkalti/backoff/v4"`, true},
		{"//wxerrlint:retries\nfunc f() {}", true},

		{"json.Unmarshal(body, out)", false},
		{"json.NewDecoder(r).Decode(out)", false},
		{"jsoniter.UnmarshalFromString(s, out)", false},
		{"type Status struct{ Code int; Msg string }", false},
		{`const ErrCodeNoSuchBucket = "NoSuchBucket"`, false},
		{"type P struct{ yyErrCode int }", false},
	} {
		src := "package p\n\n" + tc.src + "\n"
		assert.Equal(t, tc.want, NewCandidateScanner().WeChat([]byte(src)), "%s", tc.src)
	}
}
