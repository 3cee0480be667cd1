package marker

import "testing"

func TestFile(t *testing.T) {
	for _, tc := range []struct {
		src   string
		extra []string
		want  bool
	}{
		{"type R struct { Code int `json:\"errcode\"` }", nil, true},
		{"type R struct { Code int `xml:\"ErrCode,omitempty\"` }", nil, true},
		{`c := m["errcode"].(float64)`, nil, true},
		{"c := m[`errcode`]", nil, true},
		{"type R struct { ErrCode int; ErrMsg string }", nil, true},
		{"type R struct { Errcode int\n Errmsg string }", nil, true},
		{`const host = "https://qyapi.weixin.qq.com/cgi-bin"`, nil, true},
		{"type R struct { RetCode int `json:\"ret\"` }", []string{"RetCode"}, true},
		// A local variable named errcode, as in runtime/netpoll.go.
		{"errcode := netpollcheckerr(pd, int32(mode))", nil, false},
		// ErrCode without errmsg, as in net/http's HTTP/2 code.
		{"type http2ErrCode uint32\nfunc (e http2ErrCode) String() string", nil, false},
		// Not whole words.
		{"var yyErrCode = 2; var errcodes, xerrmsg int", nil, false},
		{`const host = "qyapix.example.com"`, nil, false},
		{"type R struct { RetCode int }", nil, false},
		{"", nil, false},
	} {
		if got := New(tc.extra...).File([]byte(tc.src)); got != tc.want {
			t.Errorf("File(%q) with %q = %t, want %t", tc.src, tc.extra, got, tc.want)
		}
	}
}
