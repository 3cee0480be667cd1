// Package retrytoken holds errcodes from the access-token endpoints
// themselves: there 40001 means a wrong AppSecret, and refreshing the
// token cannot help, so errcoderetry does not ask for it.
package retrytoken

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
)

type BaseResp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// TokenResp is the reply of cgi-bin/token and cgi-bin/stable_token.
type TokenResp struct {
	BaseResp
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// ComponentTokenResp is the reply of api_component_token.
type ComponentTokenResp struct {
	ErrCode              int    `json:"errcode"`
	ComponentAccessToken string `json:"component_access_token"`
	ExpiresIn            int    `json:"expires_in"`
}

// AuthorizerTokenResp is the reply of api_authorizer_token, which takes a
// component_access_token: there 40001 may mean that token is stale.
type AuthorizerTokenResp struct {
	ErrCode                int    `json:"errcode"`
	AuthorizerAccessToken  string `json:"authorizer_access_token"`
	AuthorizerRefreshToken string `json:"authorizer_refresh_token"`
	ExpiresIn              int    `json:"expires_in"`
}

// UserResp echoes a token but is no token reply: it has no expires_in.
type UserResp struct {
	BaseResp
	AccessToken string `json:"access_token"`
	Name        string `json:"name"`
}

const tokenURL = "https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=%s&secret=%s"

func get(url string, out any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// ---- from a token endpoint: not reported ----

// The URL is a named constant, formatted: the decode target is a plain
// errcode struct.
func fetchToken(appID, secret string) (string, error) {
	var r struct {
		BaseResp
		Token string `json:"access_token"`
	}
	if err := get(fmt.Sprintf(tokenURL, appID, secret), &r); err != nil {
		return "", err
	}
	if r.ErrCode == 40001 {
		return "", errors.New("invalid AppSecret")
	}
	return r.Token, nil
}

// The URL is a literal, and the comparison is in a literal of the function.
func mustStableToken(appID, secret string) {
	var r BaseResp
	mustOK := func() {
		if r.ErrCode == 40001 {
			panic("invalid AppSecret")
		}
	}
	if err := get("https://api.weixin.qq.com/cgi-bin/stable_token?appid="+appID+"&secret="+secret, &r); err != nil {
		panic(err)
	}
	mustOK()
}

func componentToken(b []byte) (string, error) {
	var r BaseResp
	_ = json.Unmarshal(b, &r)
	switch r.ErrCode {
	case 40001, 42001:
		return "", fmt.Errorf("component token: %s", r.ErrMsg)
	}
	_ = "https://api.weixin.qq.com/cgi-bin/component/api_component_token"
	return "", nil
}

// No URL here, but the reply is a token reply.
func parseToken(b []byte) (*TokenResp, error) {
	var r TokenResp
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, err
	}
	if r.ErrCode == 40001 {
		return nil, errors.New("invalid AppSecret")
	}
	return &r, nil
}

func parseTokenPtr(r *TokenResp) error {
	if r.BaseResp.ErrCode == 40001 {
		return errors.New("invalid AppSecret")
	}
	return nil
}

func parseComponentToken(r ComponentTokenResp) error {
	if r.ErrCode == 40001 {
		return errors.New("invalid component AppSecret")
	}
	return nil
}

// ---- not from a token endpoint, or not a RefreshToken code: reported ----

// A retry helps a busy token endpoint.
func fetchTokenBusy(appID, secret string) (string, error) {
	var r TokenResp
	if err := get(fmt.Sprintf(tokenURL, appID, secret), &r); err != nil {
		return "", err
	}
	if r.ErrCode == -1 { // want `errcode -1 \(system error\) calls for a retry`
		return "", errors.New("busy")
	}
	return r.AccessToken, nil
}

func authorizerToken(r AuthorizerTokenResp) error {
	if r.ErrCode == 40001 { // want `errcode 40001 \(invalid credential, access_token is invalid or not latest\) calls for a retry`
		return errors.New("component token")
	}
	_ = "https://api.weixin.qq.com/cgi-bin/component/api_authorizer_token?component_access_token="
	return nil
}

func userInfo(r UserResp) error {
	if r.ErrCode == 40001 { // want `errcode 40001 \(invalid credential, access_token is invalid or not latest\) calls for a retry`
		return errors.New("stale token")
	}
	return nil
}

// A URL that only mentions a token endpoint as a word does not count.
func sendMessage(token string, b []byte) error {
	var r BaseResp
	_ = json.Unmarshal(b, &r)
	if r.ErrCode == 42001 { // want `errcode 42001 \(access_token expired\) calls for a retry`
		return errors.New("expired")
	}
	_ = "https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=" + token
	return nil
}
