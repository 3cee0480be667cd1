package magicalias

import (
	wx "github.com/wxerrlint/wxerrlint/codes"
)

type resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func check(r resp) bool {
	return r.ErrCode == wx.OK || r.ErrCode == 42001 // want `use codes.AccessTokenExpired`
}
