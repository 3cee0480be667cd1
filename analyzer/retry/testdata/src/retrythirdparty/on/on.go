// Package on hands retries to lib, named by -errcoderetry.retriers and
// -refreshers: the branches retry.
package on

import (
	"errors"

	"retrythirdparty/lib"
)

type Resp struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

func call() *Resp { return &Resp{} }

func send() error { // want send:"refreshesToken"
	resp := call()
	if resp.ErrCode == -1 {
		lib.Again(send)
		return errors.New("busy, queued")
	}
	if resp.ErrCode == 42001 {
		lib.Sync()
		lib.Again(send)
		return errors.New("token expired, queued")
	}
	return nil
}
