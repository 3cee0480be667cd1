// Package api is a tiny WeChat client: a response type and a getter that
// the errcode analyzer marks with a fact, for checks in other packages.
package api

// Resp is the envelope of every WeChat API response.
type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Code returns the response's errcode.
func (r *Resp) Code() int { return r.ErrCode }

// Reply is the envelope of a proxy in front of the WeChat API, whose
// errcode field is named in the errcode.fields setting.
type Reply struct {
	Ret int    `json:"ret"`
	Msg string `json:"msg"`
}
