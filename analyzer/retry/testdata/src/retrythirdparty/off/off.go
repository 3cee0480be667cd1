// Package off hands retries to lib, which nothing names: the branches give up.
package off

import (
	"errors"

	"retrythirdparty/lib"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func call() *Resp { return &Resp{} }

func send() error {
	resp := call()
	if resp.ErrCode == -1 { // want `errcode -1 .* this branch returns without retrying`
		lib.Again(send)
		return errors.New("busy, queued")
	}
	if resp.ErrCode == 42001 { // want `errcode 42001 .* this branch returns without retrying`
		lib.Sync()
		lib.Again(send)
		return errors.New("token expired, queued")
	}
	return nil
}
