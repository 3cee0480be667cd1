package notdecoded // want package:"wechat"

// Package notdecoded guards the rule that a value is decoded into only
// when the decoder gets its address: json.Unmarshal into a struct passed
// by value fails and fills nothing, so the advice to check its errcode
// would be wrong (PowerWeChat externalContact UnionIDToExternalUserID,
// whose bug is the missing &).

import (
	"encoding/json"

	"notdecoded/kernel"
)

type Resp struct {
	kernel.ResponseWork
	ExternalUserID string `json:"external_userid"`
}

func byValue(unionID string) (string, error) {
	var result struct {
		kernel.ResponseWork
		ExternalUserID string `json:"external_userid,omitempty"`
	}
	err := kernel.PostJSON("https://qyapi.weixin.qq.com/cgi-bin/externalcontact/unionid_to_external_userid", unionID, result)
	return result.ExternalUserID, err
}

func sinkByValue(b []byte) string {
	var r Resp
	_ = json.Unmarshal(b, r)
	return r.ExternalUserID
}

// A value passed by value earns no decoder fact for the parameter.
func forward(unionID string, r Resp) (string, error) {
	err := kernel.PostJSON("https://qyapi.weixin.qq.com/cgi-bin/x", unionID, r)
	return r.ExternalUserID, err
}

// By address, the same calls fill the value: reported.
func byAddress(unionID string) (string, error) {
	var result Resp
	err := kernel.PostJSON("https://qyapi.weixin.qq.com/cgi-bin/x", unionID, &result) // want `errcode of result \(Resp\) is never checked`
	return result.ExternalUserID, err
}

func byPointer(unionID string) (string, error) {
	result := new(Resp)
	err := kernel.PostJSON("https://qyapi.weixin.qq.com/cgi-bin/x", unionID, result) // want `errcode of result \(Resp\) is never checked`
	return result.ExternalUserID, err
}

func sinkByAddress(b []byte) string {
	var r Resp
	_ = json.Unmarshal(b, &r) // want `errcode of r \(Resp\) is never checked`
	return r.ExternalUserID
}

func forwardPointer(unionID string, r *Resp) (string, error) { // want forwardPointer:"decoder\\(1\\)"
	err := kernel.PostJSON("https://qyapi.weixin.qq.com/cgi-bin/x", unionID, r)
	return r.ExternalUserID, err
}

// In generic code a T may be a pointer: decoded.
func generic[T any](unionID string, out T) error { // want generic:"decoder\\(1\\)"
	return kernel.PostJSON("https://qyapi.weixin.qq.com/cgi-bin/x", unionID, out)
}
