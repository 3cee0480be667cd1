// Package retryfacts calls helpers of other packages known by fact.
package retryfacts

import (
	"errors"

	"retryfacts/helper"
	"retryfacts/markers"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func call() *Resp { return &Resp{} }

func viaHelper() error { // want viaHelper:"retries"
	resp := call()
	if resp.ErrCode == -1 {
		return helper.Post("https://api.weixin.qq.com/cgi-bin/message/custom/send")
	}
	return nil
}

func viaMarker(c markers.Client) error { // want viaMarker:"retries"
	resp := call()
	if resp.ErrCode == 45011 {
		return markers.SendAll(c, nil)
	}
	return nil
}

func refreshByFactThenRetry(c markers.Client, t *helper.TokenSource) error { // want refreshByFactThenRetry:"retries" refreshByFactThenRetry:"refreshesToken"
	resp := call()
	if resp.ErrCode == 42001 {
		t.Invalidate()
		return markers.Send(c, "https://api.weixin.qq.com/cgi-bin/message/custom/send")
	}
	if resp.ErrCode == 40001 {
		if err := markers.Login(c); err != nil {
			return err
		}
		return markers.Send(c, "https://api.weixin.qq.com/cgi-bin/message/custom/send")
	}
	return nil
}

func refreshByFactOnly(t *helper.TokenSource) error { // want refreshByFactOnly:"refreshesToken"
	resp := call()
	if resp.ErrCode == 42001 { // want `errcode 42001 \(access_token expired\): this branch refreshes the token but returns without retrying the call`
		_ = helper.Reauth(t)
		return errors.New("token refreshed, call again")
	}
	return nil
}

func retryByMarkerWithoutRefresh(c markers.Client) error { // want retryByMarkerWithoutRefresh:"retries"
	resp := call()
	if resp.ErrCode == 40014 { // want `errcode 40014 \(invalid access_token\): this branch retries without refreshing the token`
		return markers.Send(c, "https://api.weixin.qq.com/cgi-bin/message/custom/send")
	}
	return nil
}
