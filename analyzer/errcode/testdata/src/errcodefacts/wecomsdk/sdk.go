// Package wecomsdk talks to WeCom.
package wecomsdk

import "net/http"

const host = "qyapi.weixin.qq.com"

func GetToken() (*http.Response, error) { // want GetToken:"callsWeCom"
	return http.Get("https://" + host + "/cgi-bin/gettoken")
}

func Indirect() { // want Indirect:"callsWeCom"
	_, _ = GetToken()
}

func Unrelated() int { return 1 }
