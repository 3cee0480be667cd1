// Package app handles responses of package api: the checks see its getter
// only through the fact that the errcode analyzer exported for api.
package app

import (
	"example.com/lintme/api"
)

// Handle says what to do after a call.
func Handle(r *api.Resp) string {
	if r.Code() == 40001 {
		return "refresh the token"
	}
	switch r.ErrCode {
	case 0:
		return "ok"
	case 42001: //nolint:wxerrlint // golangci-lint's directive silences the linter
		return "token expired"
	}
	//wxerrlint:ignore errcodemagic wxerrlint's own directive works here too
	if r.ErrCode == 45009 {
		return "sandbox"
	}
	return r.ErrMsg
}

// Proxied says whether a proxied call's token expired.
func Proxied(r *api.Reply) bool {
	return r.Ret == 42001
}
