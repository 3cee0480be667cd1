// Package magicwecomcaller calls a WeCom SDK: its codes are WeCom's, not reported.
package magicwecomcaller

import "magicwecomcaller/wecomsdk"

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func check(r resp) bool {
	wecomsdk.GetToken()
	return r.ErrCode == 40003
}
