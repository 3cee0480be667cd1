// Package shop holds WeChat code whose test decodes a reply.
package shop

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
	Ticket  string `json:"ticket"`
}

func Ticket(r *Resp) (string, bool) {
	if r.ErrCode != 0 {
		return "", false
	}
	return r.Ticket, true
}
