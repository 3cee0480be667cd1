// Package retrywecom calls the WeCom API, whose code table differs:
// errcoderetry stays silent.
package retrywecom

import "errors"

const sendURL = "https://qyapi.weixin.qq.com/cgi-bin/message/send"

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func call(url string) *Resp { return &Resp{} }

func Send() error {
	resp := call(sendURL)
	if resp.ErrCode == 42001 {
		return errors.New("expired")
	}
	return nil
}
