package app

import (
	"example.com/m/api"
	"example.com/m/client"
	"example.com/m/plain"
)

type TicketResp struct {
	api.Resp
	Ticket string `json:"ticket"`
}

func Ticket() (string, error) {
	var r TicketResp
	if err := client.Get("https://api.weixin.qq.com/cgi-bin/ticket/getticket", &r); err != nil {
		return "", err
	}
	return plain.Trim(r.Ticket), nil
}

func Expired(r *api.Resp) bool { return r.Code() == 42001 }
