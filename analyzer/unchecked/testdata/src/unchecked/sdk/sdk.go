package sdk // want package:"wechat"

// Package sdk is a WeChat SDK of the kind errcodeunchecked meets in
// dependencies: its facts reach the packages that call it.

import (
	"encoding/json"
	"fmt"
	"reflect"
)

type CommonError struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Error reads the errcode of its receiver: calling it is a check.
func (e *CommonError) Error() string { // want Error:"checker\\(recv\\)"
	return fmt.Sprintf("errcode=%d errmsg=%s", e.ErrCode, e.ErrMsg)
}

type TicketResp struct {
	CommonError
	Ticket    string `json:"ticket"`
	ExpiresIn int    `json:"expires_in"`
}

// Get decodes into out and leaves the errcode to its caller.
func Get(body []byte, out any) error { // want Get:"decoder\\(1 from 0\\)"
	return json.Unmarshal(body, out)
}

// DecodeWithError decodes and checks the errcode by reflection, the way
// several Go SDKs do.
func DecodeWithError(body []byte, obj any, api string) error { // want DecodeWithError:"checker\\(0, 1\\)"
	if err := json.Unmarshal(body, obj); err != nil {
		return err
	}
	code := reflect.ValueOf(obj).Elem().FieldByName("ErrCode")
	if code.IsValid() && code.Int() != 0 {
		return fmt.Errorf("%s: errcode %d", api, code.Int())
	}
	return nil
}

// DecodeWithCommonError checks the errcode of a raw body.
func DecodeWithCommonError(body []byte, api string) error { // want DecodeWithCommonError:"checker\\(0\\)"
	var ce CommonError
	if err := json.Unmarshal(body, &ce); err != nil {
		return err
	}
	if ce.ErrCode != 0 {
		return fmt.Errorf("%s: %w", api, &ce)
	}
	return nil
}

// Transport fetches raw replies.
type Transport interface {
	Get(api string) ([]byte, error)
}

type Client struct {
	T Transport
}

// GetTicket returns the response with a transport-only error.
func (c *Client) GetTicket() (*TicketResp, error) { // want GetTicket:"returnsUnchecked\\(0\\)"
	body, err := c.T.Get("ticket")
	if err != nil {
		return nil, err
	}
	var r TicketResp
	err = json.Unmarshal(body, &r)
	return &r, err
}

// Ticket checks: no fact.
func (c *Client) Ticket() (string, error) {
	r, err := c.GetTicket()
	if err != nil {
		return "", err
	}
	if r.ErrCode != 0 {
		return "", r
	}
	return r.Ticket, nil
}

// Fetch is a generic helper that returns what it decodes, unchecked.
func Fetch[T any](body []byte) (T, error) { // want Fetch:"returnsUnchecked\\(0\\)"
	var out T
	err := Get(body, &out)
	return out, err
}

// Load is a generic decoder.
func Load[T any](body []byte, out *T) error { // want Load:"decoder\\(1 from 0\\)"
	return json.Unmarshal(body, out)
}

// Must is a generic helper whose constraint checks: no fact.
func Must[T interface{ Err() error }](body []byte) (T, error) { // want Must:"checker\\(0\\)"
	var out T
	if err := json.Unmarshal(body, &out); err != nil {
		return out, err
	}
	return out, out.Err()
}

// GetJSON decodes through Get, a decoder of this package, and checks by
// reflection. Decoders of the package are not known yet when its checkers
// are computed: no fact, and its callers take the call for a possible
// check.
func (c *Client) GetJSON(body []byte, response any) error {
	if err := Get(body, response); err != nil {
		return err
	}
	if reflect.ValueOf(response).Elem().FieldByName("ErrCode").Int() != 0 {
		return fmt.Errorf("errcode")
	}
	return nil
}
