// Package magicwecom calls the WeCom API, whose codes differ: not reported.
package magicwecom

const baseURL = "https://qyapi.weixin.qq.com/cgi-bin"

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func check(r resp) bool {
	return r.ErrCode == 40003
}
