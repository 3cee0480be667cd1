// Package retrystrict holds generic failure checks, reported with -strict.
package retrystrict

import (
	"errors"
	"fmt"
	"time"

	backoff "github.com/cenkalti/backoff/v4"

	"github.com/wxerrlint/wxerrlint/codes"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Client struct{}

func (c *Client) call() (*Resp, error) { return &Resp{}, nil }

// ---- reported once per function ----

func (c *Client) GetUser() (string, error) {
	resp, err := c.call()
	if err != nil {
		return "", err
	}
	if resp.ErrCode != 0 { // want `WeChat call failure returns without any retry here or in a caller: retry-worthy errcodes such as -1 \(system error\), 45011 \(api minute-quota reach limit, must slower, retry next minute\) and 42001 \(access_token expired\) fail for good; retry them \(codes.Retry gives the class\) or return a distinguishable error`
		return "", fmt.Errorf("GetUser: errcode=%d errmsg=%s", resp.ErrCode, resp.ErrMsg)
	}
	resp, _ = c.call()
	if resp.ErrCode != codes.OK { // once per function: not reported again
		return "", errors.New(resp.ErrMsg)
	}
	return "", nil
}

func (c *Client) Tag() (err error) {
	resp, _ := c.call()
	if resp.ErrCode == codes.OK { // want `WeChat call failure returns without any retry`
		return nil
	} else {
		err = fmt.Errorf("Tag: %s", resp.ErrMsg)
		return
	}
}

func (c *Client) Menu() error {
	resp, err := c.call()
	if err != nil || resp.ErrCode != 0 { // want `WeChat call failure returns without any retry`
		return fmt.Errorf("Menu: %v %v", err, resp.ErrMsg)
	}
	return nil
}

func (c *Client) Media() error {
	resp, _ := c.call()
	switch resp.ErrCode { // want `WeChat call failure returns without any retry`
	case 0:
		return nil
	case 40007:
		return errors.New("invalid media_id")
	default:
		return errors.New(resp.ErrMsg)
	}
}

func (c *Client) Void() {
	resp, _ := c.call()
	if resp.ErrCode != 0 { // want `WeChat call failure returns without any retry`
		println(resp.ErrMsg)
		return
	}
}

// ---- not reported ----

// Handles a retry-worthy code itself: the default check covers it.
func (c *Client) handlesToken() error {
	resp, _ := c.call()
	if resp.ErrCode == codes.AccessTokenExpired { // want `errcode 42001`
		return errors.New("expired")
	}
	if resp.ErrCode != 0 {
		return errors.New(resp.ErrMsg)
	}
	return nil
}

// Retries in the function.
func (c *Client) loops() error { // want loops:"retries"
	for i := 0; i < 3; i++ {
		resp, _ := c.call()
		if resp.ErrCode != 0 {
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	resp, _ := c.call()
	if resp.ErrCode != 0 {
		return errors.New(resp.ErrMsg)
	}
	return nil
}

func (c *Client) withBackoff() error { // want withBackoff:"retries"
	_ = backoff.Retry(func() error { return nil }, backoff.NewExponentialBackOff())
	resp, _ := c.call()
	if resp.ErrCode != 0 {
		return errors.New(resp.ErrMsg)
	}
	return nil
}

// Retried by its caller in this package.
func (c *Client) inner() error {
	resp, _ := c.call()
	if resp.ErrCode != 0 {
		return errors.New(resp.ErrMsg)
	}
	return nil
}

func (c *Client) Outer() error {
	var err error
	for range 3 {
		if err = c.inner(); err == nil {
			break
		}
	}
	return err
}

// Distinguishable errors, the response, a classifier.
type APIError struct{ Code int }

func (e *APIError) Error() string { return fmt.Sprint(e.Code) }

var ErrAPI = errors.New("wechat api error")

func (c *Client) typed() error {
	resp, _ := c.call()
	if resp.ErrCode != 0 {
		return &APIError{resp.ErrCode}
	}
	return nil
}

func (c *Client) wrapped() error {
	resp, _ := c.call()
	if resp.ErrCode != 0 {
		return fmt.Errorf("%w: %d", ErrAPI, resp.ErrCode)
	}
	return nil
}

func (c *Client) response() (*Resp, error) {
	resp, _ := c.call()
	if resp.ErrCode != 0 {
		return resp, errors.New(resp.ErrMsg)
	}
	return resp, nil
}

func ok(resp *Resp) bool {
	if resp.ErrCode != 0 {
		return false
	}
	return true
}

func (c *Client) fallsThrough() error {
	resp, _ := c.call()
	if resp.ErrCode != 0 {
		println(resp.ErrMsg)
	}
	return nil
}

func (c *Client) namedResponse() (resp *Resp, err error) {
	resp, _ = c.call()
	if resp.ErrCode != 0 {
		err = errors.New(resp.ErrMsg)
		return // returns resp too: the caller has the errcode
	}
	return
}

// A failure check at the access-token endpoint: the token codes are left
// out of the examples, since that endpoint never answers 42001.
func (c *Client) Token() (string, error) {
	var r struct {
		Resp
		AccessToken string `json:"access_token"`
	}
	if err := c.get("https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential", &r); err != nil {
		return "", err
	}
	if r.ErrCode != 0 { // want `WeChat call failure returns without any retry here or in a caller: retry-worthy errcodes such as -1 \(system error\) and 45011 \(api minute-quota reach limit, must slower, retry next minute\) fail for good; retry them`
		return "", fmt.Errorf("token: %d %s", r.ErrCode, r.ErrMsg)
	}
	return r.AccessToken, nil
}

func (c *Client) get(url string, out any) error { return nil }
