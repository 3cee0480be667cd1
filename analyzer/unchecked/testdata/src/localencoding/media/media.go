package media // want package:"wechat"

// Package media calls the SDK's HTTP layer in another package: the header
// it gets back is the re-encoded HTTP headers, never a reply.

import (
	"encoding/json"
	"net/http"

	"localencoding"
	"localencoding/kernel"
	"localencoding/object"
)

type QRResp struct {
	localencoding.CommonError
	URL string `json:"url"`
}

func QRCode(url string) (string, string, error) {
	var header localencoding.HeaderResp
	_, err := kernel.RequestRaw(url, &header, nil)
	return header.RequestID, url, err
}

// The body is a reply: reported.
func QRCodeBody(url string) (string, string, error) {
	var header localencoding.HeaderResp
	var result QRResp
	_, err := kernel.RequestRaw(url, &header, &result) // want `errcode of result \(QRResp\) is never checked`
	return header.RequestID, result.URL, err
}

// Encoded here through a helper of another module, then converted.
func Headers(h http.Header) string {
	s, _ := object.JsonEncode(h)
	var r localencoding.HeaderResp
	_ = object.JsonDecode([]byte(s), &r)
	var r2 localencoding.HeaderResp
	_ = json.Unmarshal([]byte(s), &r2)
	return r.RequestID + r2.RequestID
}

// The decoded bytes are a parameter: a reply as far as this function knows.
func FromParam(body []byte) string {
	var r localencoding.HeaderResp
	_ = object.JsonDecode(body, &r) // want `errcode of r \(localencoding.HeaderResp\) is never checked`
	return r.RequestID
}

// Fetch decodes what it fetches, whatever its URL is.
func Fetched() string {
	var r QRResp
	_ = object.Fetch("https://api.weixin.qq.com/cgi-bin/x", &r) // want `errcode of r \(QRResp\) is never checked`
	return r.URL
}

func Refetched(h http.Header) string {
	s, _ := object.JsonEncode(h)
	var r QRResp
	_ = object.Refetch([]byte(s), &r) // want `errcode of r \(QRResp\) is never checked`
	return r.URL
}

// The name says it posts too: its result is a reply.
func Posted(req map[string]string) string {
	b, _ := object.EncodeAndPost("https://api.weixin.qq.com/cgi-bin/x", req)
	var r QRResp
	_ = json.Unmarshal(b, &r) // want `errcode of r \(QRResp\) is never checked`
	return r.URL
}
