package localencoding // want package:"wechat"

// Package localencoding guards issue 13, item 3: bytes that the function
// encodes itself (json.Marshal, a literal, fmt.Sprintf) are no WeChat
// reply, whatever type they are decoded into.

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"strings"
)

type CommonError struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// HeaderResp embeds the errcode base, but is filled from HTTP headers.
type HeaderResp struct {
	CommonError
	RequestID string `json:"request_id"`
}

// headers re-encodes the response headers: the errcode is always 0.
func headers(h http.Header) string {
	b, _ := json.Marshal(h)
	var r HeaderResp
	_ = json.Unmarshal(b, &r)
	return r.RequestID
}

// headersReturned returns what it decoded from its own encoding: no
// returnsUnchecked.
func headersReturned(h http.Header) (*HeaderResp, error) {
	b, err := json.MarshalIndent(h, "", " ")
	if err != nil {
		return nil, err
	}
	r := new(HeaderResp)
	err = json.Unmarshal(b, r)
	return r, err
}

// convert copies a value through JSON: no decoder fact.
func convert(in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

func viaConvert(h http.Header) string {
	var r HeaderResp
	_ = convert(h, &r)
	return r.RequestID
}

func literal() string {
	var r HeaderResp
	_ = json.Unmarshal([]byte(`{"request_id":"x"}`), &r)
	return r.RequestID
}

func sprintf(id string) string {
	var r HeaderResp
	_ = json.Unmarshal([]byte(fmt.Sprintf(`{"request_id":%q}`, id)), &r)
	return r.RequestID
}

func throughString(h http.Header) string {
	b, _ := xml.Marshal(h)
	s := string(b)
	var r HeaderResp
	_ = xml.Unmarshal([]byte(s), &r)
	return r.RequestID
}

func decoderOfLocal(h http.Header) string {
	b, _ := json.Marshal(h)
	var r HeaderResp
	_ = json.NewDecoder(bytes.NewReader(b)).Decode(&r)
	return r.RequestID
}

func decoderOfLiteral() string {
	var r HeaderResp
	_ = json.NewDecoder(strings.NewReader(`{}`)).Decode(&r)
	return r.RequestID
}

func post(url string, body []byte) []byte { return body }

// The request is encoded locally, the reply is not: reported.
func reply(req map[string]string) string {
	b, _ := json.Marshal(req)
	b = post("https://api.weixin.qq.com/cgi-bin/x", b)
	var r HeaderResp
	_ = json.Unmarshal(b, &r) // want `errcode of r \(HeaderResp\) is never checked`
	return r.RequestID
}

// The decoded bytes are a parameter: a reply as far as this function knows.
func fromParam(body []byte) string {
	var r HeaderResp
	_ = json.Unmarshal(body, &r) // want `errcode of r \(HeaderResp\) is never checked`
	return r.RequestID
}

// Encoders of this package, known by name: they say they encode and
// return the data.
func jsonEncode(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func encodeToBytes(v any) []byte {
	b, _ := xml.Marshal(v)
	return b
}

func byName(h http.Header) string {
	var r, r2 HeaderResp
	_ = json.Unmarshal([]byte(jsonEncode(h)), &r)
	_ = xml.Unmarshal(encodeToBytes(h), &r2)
	return r.RequestID + r2.RequestID
}

// Load decodes its argument's bytes into its receiver.
func (r *HeaderResp) Load(b []byte) error { // want Load:"decoder\\(recv from 0\\)"
	return json.Unmarshal(b, r)
}

func loadLocal(h http.Header) string {
	var r HeaderResp
	_ = r.Load([]byte(jsonEncode(h)))
	return r.RequestID
}

func loadReply(body []byte) string {
	var r HeaderResp
	_ = r.Load(body) // want `errcode of r \(HeaderResp\) is never checked`
	return r.RequestID
}
