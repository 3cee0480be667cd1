// Package magicnocodes imports no codes package, and the test sets no
// -addimport: the build may not have codes, so there is no fix.
package magicnocodes

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func expired(r resp) bool {
	return r.ErrCode == 42001 // want `errcode 42001 compared as a magic number; use codes.AccessTokenExpired \(.*\); to use codes: go get github.com/wxerrlint/wxerrlint/codes$`
}
