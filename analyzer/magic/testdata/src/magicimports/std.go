package magicimports

import (
	"fmt"
	"strings"
)

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func std(r resp) string {
	if r.ErrCode == 40001 { // want `use codes.InvalidCredential`
		return strings.ToUpper(fmt.Sprint(r.ErrMsg))
	}
	return ""
}
