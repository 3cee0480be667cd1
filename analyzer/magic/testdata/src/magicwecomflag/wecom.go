// Package magicwecomflag is analyzed with -wecom.
package magicwecomflag

const baseURL = "https://qyapi.weixin.qq.com/cgi-bin"

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func check(r resp) bool {
	return r.ErrCode == 40003 // want `errcode 40003 compared as a magic number; use codes.InvalidOpenID`
}
