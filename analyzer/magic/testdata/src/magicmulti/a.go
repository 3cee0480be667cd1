package magicmulti

import "fmt"

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func describe(r resp) string {
	codes := fmt.Sprint(r.ErrCode)
	if r.ErrCode == 40001 { // want `use codes.InvalidCredential`
		return "token " + codes
	}
	return codes
}

func expired(r resp) bool {
	return r.ErrCode == 42001 // want `use codes.AccessTokenExpired`
}
