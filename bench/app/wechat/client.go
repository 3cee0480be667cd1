// Package wechat is the shop's client of the WeChat official-account API.
package wechat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// BaseResp is embedded by every reply of the API.
type BaseResp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// GetErrCode returns the errcode of the reply.
func (r *BaseResp) GetErrCode() int { return r.ErrCode }

// Error is a reply with a non-zero errcode.
type Error struct {
	Code int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("wechat: errcode %d: %s", e.Code, e.Msg) }

// Client calls the API with one app's credentials.
type Client struct {
	AppID, Secret string
	HTTP          *http.Client

	mu      sync.Mutex
	token   string
	expires time.Time
}

// New returns a client for the app.
func New(appID, secret string) *Client {
	return &Client{AppID: appID, Secret: secret, HTTP: &http.Client{Timeout: 10 * time.Second}}
}

type tokenResp struct {
	BaseResp
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
}

// Token returns a valid access_token, fetching a new one when needed.
func (c *Client) Token() (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.token != "" && time.Now().Before(c.expires) {
		return c.token, nil
	}
	var r tokenResp
	url := "https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=" + c.AppID + "&secret=" + c.Secret
	if err := c.get(url, &r); err != nil {
		return "", err
	}
	if r.ErrCode != 0 {
		return "", &Error{Code: r.ErrCode, Msg: r.ErrMsg}
	}
	c.token = r.AccessToken
	c.expires = time.Now().Add(time.Duration(r.ExpiresIn-60) * time.Second)
	return c.token, nil
}

// RefreshToken forgets the cached access_token.
func (c *Client) RefreshToken() {
	c.mu.Lock()
	c.token = ""
	c.mu.Unlock()
}

func (c *Client) get(url string, out any) error {
	resp, err := c.HTTP.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

// Post sends body as JSON to the API path and decodes the reply into out.
func (c *Client) Post(path string, body, out any) error {
	tok, err := c.Token()
	if err != nil {
		return err
	}
	data, err := json.Marshal(body)
	if err != nil {
		return err
	}
	resp, err := c.HTTP.Post("https://api.weixin.qq.com"+path+"?access_token="+tok, "application/json", bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}
