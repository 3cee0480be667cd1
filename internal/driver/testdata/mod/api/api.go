// Package api declares the envelope of WeChat responses.
package api

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Code is a getter: the errcode analyzer gives it a fact.
func (r *Resp) Code() int { return r.ErrCode }
