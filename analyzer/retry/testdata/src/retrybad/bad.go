// Package retrybad has type errors and generics: errcoderetry must judge
// what it can and never panic.
package retrybad

import "errors"

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type Client[T any] struct{ last T }

func (c *Client[T]) call() *Resp { return &Resp{} }

// Get is generic: its result is a type parameter, not a classifier kind.
func Get[T any](c *Client[T]) (T, error) {
	var zero T
	resp := c.call()
	if resp.ErrCode == 45011 { // want `errcode 45011 .* this branch returns without retrying`
		return zero, errors.New("quota")
	}
	return zero, nil
}

// Again calls itself through the generic receiver: a retry.
func (c *Client[T]) Again() error { // want Again:"retries"
	resp := c.call()
	if resp.ErrCode == -1 {
		return c.Again()
	}
	return nil
}

func broken(c *Client[int]) error {
	resp := c.call()
	if resp.ErrCode == undefinedCode { // the constant does not exist: no value, no report
		return errors.New("x")
	}
	if resp.ErrCode == 42001 {
		return undefinedFunc(resp) // unknown: not judged
	}
	if resp.Missing == 42001 {
		return errors.New("y")
	}
	switch resp.ErrCode {
	case -1:
		return nosuch.Retry() // an unknown call
	}
	return nil
}
