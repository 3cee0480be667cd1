// This file tests the candidate scanner's words and the -fields names it adds.

package errcode

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The candidate scanner's words: the table is why a file's bytes make its
// package a candidate or not.
func TestCandidateScanner(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
		why  string
	}{
		{"type R struct{ Code int `json:\"errcode\"` }", true, "the wire name errcode"},
		{`if m["ErrCode"] != 0 {}`, true, "an errcode read from a map"},
		{"type R struct{ ErrCode int; ErrMsg string }", true, "WeChat's Go field pair"},
		{"type R struct{ Errcode int; Errmsg string }", true, "the other Go spelling of the pair"},
		{`const host = "https://qyapi.weixin.qq.com"`, true, "a WeCom host: errcode says it calls WeCom"},
		{"json.Unmarshal(body, out)", true, "a decode call can fill a reply declared elsewhere"},
		{"json.NewDecoder(r).Decode(out)", true, "a decoder call, as a selector"},
		{"jsoniter.UnmarshalFromString(s, out)", true, "jsoniter's decode call"},
		{`import "github.com/cenkalti/backoff/v4"`, true, "a retry library: errcoderetry reads its callbacks"},
		{`import "github.com/wxerrlint/wxerrlint/codes"`, true, "the codes package"},
		{"//wxerrlint:retries\nfunc f() {}", true, "a directive declares a fact"},

		{"type P struct{ yyErrCode int; yyErrMsg string }", false, "the pair must be whole words (a generated parser)"},
		{"type Frame struct{ ErrCode uint32 }", false, "ErrCode without ErrMsg is any protocol's code"},
		{"func (d *Digest) UnmarshalBinary(b []byte) error { return nil }", false, "a longer name is not the decode word"},
		{"func (t *T) UnmarshalJSON(b []byte) error { return nil }", false, "a declaration of UnmarshalJSON decodes no reply"},
		{"b, err := base64.StdEncoding.DecodeString(s)", false, "DecodeString is not Decode (whole selector names only)"},
		{"// decode the body and unmarshal it\nfunc f() {}", false, "words in prose, not selectors, and in lower case"},
		{"type decodeState struct{}", false, "part of an identifier"},
		{"func Decode(hash uint64) (lat, lng float64) { return 0, 0 }", false, "a declaration named Decode, not a call of one"},
		{"func (g *Geo) Decode() {}", false, "a method declared Decode, not a selector call"},
	} {
		src := "package p\n\n" + tc.src + "\n"
		assert.Equal(t, tc.want, NewCandidateScanner().File([]byte(src)), "%s (%s)", tc.src, tc.why)
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
		why  string
	}{
		{"type R struct{ Code int `json:\"errcode\"` }", true, "the wire name errcode"},
		{"type R struct{ Code int `json:\"ErrCode\"` }", true, "a tag name in any case"},
		{"type R struct{ ErrCode int; ErrMsg string }", true, "WeChat's Go field pair"},
		{"type R struct{ Errcode int; Errmsg string }", true, "the other spelling"},
		{"type R struct{ ErrCode int; Msg string `json:\"errmsg\"` }", true, "an errcode field named beside an errmsg tag"},
		{`m["errcode_x"]`, true, "a quoted key"},
		{`const host = "https://qyapi.weixin.qq.com"`, true, "the WeCom host"},
		{`import "github.com/cenkalti/backoff/v4"`, true, "a retry library"},
		{"//wxerrlint:retries\nfunc f() {}", true, "a directive"},

		{"json.Unmarshal(body, out)", false, "a decoder only"},
		{"json.NewDecoder(r).Decode(out)", false, "a decoder only"},
		{"jsoniter.UnmarshalFromString(s, out)", false, "a decoder only"},
		{"type Status struct{ Code int; Msg string }", false, "no errcode"},
		{`const ErrCodeNoSuchBucket = "NoSuchBucket"`, false, "part of an identifier"},
		{"type P struct{ yyErrCode int }", false, "part of an identifier"},
		{"type Frame struct{ ErrCode uint32 }", false, "errcode takes a field so named for one only beside an errmsg field"},
		{"func Exception(errCode uint64) {}\nvar errMsg string", false, "a parameter and a variable, not fields"},
		{"// on errcode and errmsg\nfunc f() {}", false, "words in prose"},
	} {
		src := "package p\n\n" + tc.src + "\n"
		assert.Equal(t, tc.want, NewCandidateScanner().WeChat([]byte(src)), "%s (%s)", tc.src, tc.why)
	}
}

// Scan answers both questions at once, as File and WeChat do one by one.
func TestCandidateScannerScan(t *testing.T) {
	for _, src := range []string{
		"type R struct{ Code int `json:\"errcode\"` }",
		"type R struct{ ErrCode int; ErrMsg string }",
		"type R struct{ errcode int; errmsg string }",
		"json.Unmarshal(body, out)",
		"json.Unmarshal(body, out)\ntype R struct{ ErrCode int; ErrMsg string }",
		"type Frame struct{ ErrCode uint32 }",
		`import "github.com/wxerrlint/wxerrlint/codes"`,
		"type Status struct{ Code int; Msg string }",
	} {
		src := []byte("package p\n\n" + src + "\n")
		sc := NewCandidateScanner()
		candidate, wechat := sc.Scan(src)
		assert.Equal(t, sc.File(src), candidate, "%s", src)
		assert.Equal(t, sc.WeChat(src), wechat, "%s", src)
	}
}

// The survey's look at string literals: which literals let a package hold
// errcode expressions (m["errcode"]) or WeCom calls at all.
func TestLiteralNames(t *testing.T) {
	for _, tc := range []struct {
		lit            string
		errcode, wecom bool
	}{
		{`"errcode"`, true, false},
		{"`ErrCode`", true, false},
		{`"resp_errcode_x"`, true, false},
		{`"https://qyapi.weixin.qq.com/cgi-bin/gettoken"`, false, true},
		{`"https://api.weixin.qq.com/cgi-bin/token"`, false, false},
		{`"errmsg"`, false, false},
		{`"code"`, false, false},
	} {
		errcode, wecom := literalNames(tc.lit)
		assert.Equal(t, tc.errcode, errcode, "errcode in %s", tc.lit)
		assert.Equal(t, tc.wecom, wecom, "WeCom host in %s", tc.lit)
	}
}
