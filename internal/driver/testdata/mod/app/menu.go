package app

import (
	"example.com/m/api"
	"example.com/m/fetch"
)

type MenuResp struct {
	api.Resp
	Menu string `json:"menu"`
}

func Menu() string {
	var r MenuResp
	if fetch.Fetch("/cgi-bin/menu/get", &r) != nil {
		return ""
	}
	return r.Menu
}
