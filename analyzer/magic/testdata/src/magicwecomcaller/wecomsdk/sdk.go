// Package wecomsdk talks to WeCom: errcode gives GetToken the callsWeCom
// fact (asserted in analyzer/errcode's errcodefacts/wecomsdk).
package wecomsdk

import "net/http"

const host = "qyapi.weixin.qq.com"

func GetToken() (*http.Response, error) {
	return http.Get("https://" + host + "/cgi-bin/gettoken")
}
